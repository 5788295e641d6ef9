import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TILL_MODULE, TillError } from "../../modules/till"
import type TillModuleService from "../../modules/till/service"

const openSessionStep = createStep(
  "cashless-open-till-session",
  async (input: { point_of_sale_id: string; opening_float: number; opened_by: string }, { container }) => {
    const till = container.resolve<TillModuleService>(TILL_MODULE)
    const [pos] = await till.listCashlessPointOfSales({ id: input.point_of_sale_id })
    if (!pos || pos.archived_at) throw new TillError("pos_not_found", `Point of sale ${input.point_of_sale_id} not found.`)
    const session = await till.startSession({ ...input, currency_code: pos.currency_code })
    return new StepResponse(session, session.id)
  },
  async (id: string | undefined, { container }) => {
    // Nothing was sold yet: the session opened by this run is removed.
    if (id) await container.resolve<TillModuleService>(TILL_MODULE).deleteCashlessTillSessions([id])
  }
)

/** A cashier opens the till with its cash float. */
export const openTillSessionWorkflow = createWorkflow(
  "cashless-open-till-session",
  (input: { point_of_sale_id: string; opening_float: number; opened_by: string }) => new WorkflowResponse(openSessionStep(input))
)

/** No compensation: a closed session is immutable, and nothing comes after the close. */
const closeSessionStep = createStep(
  "cashless-close-till-session",
  async (input: { point_of_sale_id: string; session_id: string; counted_cash: number; closed_by: string }, { container }) => {
    const till = container.resolve<TillModuleService>(TILL_MODULE)
    const session = await till.retrieveSession(input.session_id)
    if (!session || session.point_of_sale_id !== input.point_of_sale_id) {
      throw new TillError("session_not_found", `Till session ${input.session_id} not found at this point of sale.`)
    }
    return new StepResponse(await till.endSession(input))
  }
)

/** A manager closes the session with the cash counted. */
export const closeTillSessionWorkflow = createWorkflow(
  "cashless-close-till-session",
  (input: { point_of_sale_id: string; session_id: string; counted_cash: number; closed_by: string }) =>
    new WorkflowResponse(closeSessionStep(input))
)
