import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { type SellInput, TILL_SALE_RECORDED } from "./sale-types"
import { payWalletTendersStep } from "./steps/pay-wallet-tenders"
import { grantTillMembershipsStep } from "./steps/grant-till-memberships"
import { prepareSaleStep } from "./steps/prepare-sale"
import { recordSaleStep } from "./steps/record-sale"

/**
 * A sale at a till: the reads, then the money in one idempotent ledger entry per wallet tender,
 * the memberships it sold, then the sale row, both keyed by the cashier's idempotency key so a retried tap completes
 * what an interrupted one started and never charges twice.
 */
export const sellAtTillWorkflow = createWorkflow("cashless-sell-at-till", (input: SellInput) => {
  const sale = prepareSaleStep(input)
  const paid = payWalletTendersStep(transform({ sale, input }, ({ sale, input }) => ({ sale, idempotency_key: input.idempotency_key, actor: input.sold_by })))
  grantTillMembershipsStep(transform({ sale, input }, ({ sale, input }) => ({ sale, actor: input.sold_by })))
  const recorded = recordSaleStep(
    transform({ sale, paid, input }, ({ sale, paid, input }) => ({
      sale,
      tenders: paid.tenders,
      idempotency_key: input.idempotency_key,
      sold_by: input.sold_by,
    }))
  )
  // The Medusa order follows asynchronously (subscriber, re-driven by a job): the queue never waits on it.
  emitEventStep({ eventName: TILL_SALE_RECORDED, data: transform({ recorded }, ({ recorded }) => ({ id: recorded.sale.id })) })
  return new WorkflowResponse(recorded)
})
