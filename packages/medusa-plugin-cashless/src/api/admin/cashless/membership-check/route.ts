import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cardMembership } from "../../../../lib/card-membership"
import { CARD_MODULE, CardError } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import { MEMBERSHIP_MODULE } from "../../../../modules/membership"
import type MembershipModuleService from "../../../../modules/membership/service"
import { withLedgerErrors } from "../helpers"
import { MembershipCheckQuerySchema } from "../membership-validators"
import { parseQuery } from "../../../parse-query"

/**
 * Is this person a member? By card UID (the till's tap), card id, QR token or customer:
 * `{ status: valid|expired|none, plan, ends_at, … }`. Reads only: an unused card has none.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const q = parseQuery(MembershipCheckQuerySchema, req.query)
    if (q.customer_id) {
      return { membership: await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).check({ customer_id: q.customer_id }) }
    }
    const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
    const card = q.uid
      ? await cards.findCardByUid(q.uid)
      : q.qr_token
        ? await cards.findCardByQrToken(q.qr_token)
        : await cards.retrieveCard(q.card_id!)
    if (!card) throw q.uid ? CardError.notRegistered(q.uid.toUpperCase().replace(/[\s:-]/g, "")) : CardError.notFound("No card has this QR code.")
    return {
      card: { id: card.id, status: card.status, customer_id: card.customer_id },
      membership: await cardMembership(req.scope, card),
    }
  })
