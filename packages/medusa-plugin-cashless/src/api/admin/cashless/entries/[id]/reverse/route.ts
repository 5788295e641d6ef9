import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TillError } from "../../../../../../modules/till"
import { WALLET_MODULE } from "../../../../../../modules/wallet"
import { LedgerError } from "../../../../../../modules/wallet/lib/errors"
import type WalletModuleService from "../../../../../../modules/wallet/service"
import { reverseLedgerEntryWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { ReverseBody } from "../../../validators"

/**
 * Posts the opposite of an entry; the original stays, pointed to by the reversal. A `refund`
 * paid money out through a provider or a cash drawer: reversing it would put that money back in
 * the wallet a second time, so staff cannot (the plugin reverses a refund itself only when the
 * provider refused it). A till sale's wallet payment stays too: the sale, its Ticket Z and its Medusa order
 * count it. A `close_out` (a voided card's wallet emptied) is refused for the same reason.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ReverseBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const [entry] = await req.scope
      .resolve<WalletModuleService>(WALLET_MODULE)
      .listCashlessJournalEntries({ id: req.params.id }, { select: ["id", "kind", "external_ref"] })
    if (entry?.kind === "spend" && entry.external_ref?.startsWith("sale:")) {
      throw new TillError(
        "till_sale",
        `This entry paid till ${entry.external_ref.replace(":", " ")}: reversing it would leave the sale, its Ticket Z and its order behind. If the card was charged by mistake, give the money back with a wallet adjustment and its reason.`,
      )
    }
    if (entry?.kind === "refund" || entry?.kind === "close_out") {
      throw new LedgerError(
        MedusaError.Types.NOT_ALLOWED,
        entry.kind === "refund"
          ? "A refund paid this money out of the wallet; it cannot be reversed. If the money did not reach the customer, credit the wallet with a reason instead."
          : "This wallet was emptied when its card was voided and handed back; it cannot be reversed. If money is owed, credit the holder's current wallet with a reason.",
        "not_refundable"
      )
    }
    const { result } = await reverseLedgerEntryWorkflow(req.scope).run({
      input: { ...req.validatedBody, entry_id: req.params.id, actor: actorOf(req) },
    })
    return result
  })
