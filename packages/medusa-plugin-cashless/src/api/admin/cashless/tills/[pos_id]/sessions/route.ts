import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TILL_MODULE, TillError } from "../../../../../../modules/till"
import type TillModuleService from "../../../../../../modules/till/service"
import { openTillSessionWorkflow } from "../../../../../../workflows/till/session-workflows"
import { parseQuery } from "../../../../../parse-query"
import { actorOf, withLedgerErrors } from "../../../helpers"
import { type OpenSessionBody, TillSessionsQuerySchema } from "../../../till-validators"

/** This till's sessions, newest first, with the expected and counted cash of each Ticket Z. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { limit, offset } = parseQuery(TillSessionsQuerySchema, req.query)
    const till = req.scope.resolve<TillModuleService>(TILL_MODULE)
    const [pos] = await till.listCashlessPointOfSales({ id: req.params.pos_id }, { select: ["id"] })
    if (!pos) throw new TillError("pos_not_found", `Point of sale ${req.params.pos_id} not found.`)
    const { sessions, count } = await till.listSessions(pos.id, { limit, offset })
    return { sessions, count, limit, offset }
  })

/** Opens the till: a session with its cash float, one at a time per point of sale. */
export const POST = async (req: AuthenticatedMedusaRequest<OpenSessionBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await openTillSessionWorkflow(req.scope).run({
      input: { point_of_sale_id: req.params.pos_id, opening_float: req.validatedBody.opening_float, opened_by: actorOf(req) ?? "unknown" },
    })
    res.status(201)
    return { session: result }
  })
