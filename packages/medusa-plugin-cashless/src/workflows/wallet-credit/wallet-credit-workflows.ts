import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"
import { applyWalletCreditStep, removeWalletCreditStep } from "./steps/apply-wallet-credit"

/** Wallet balance on a cart as a credit line; the payment collection then asks only for the rest. */
export const applyWalletCreditWorkflow = createWorkflow(
  "cashless-apply-wallet-credit",
  (input: { cart_id: string; customer_id: string; amount?: number | null }) => {
    const applied = applyWalletCreditStep(input)
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ cart_id: input.cart_id })) })
    return new WorkflowResponse(applied)
  }
)

export const removeWalletCreditWorkflow = createWorkflow(
  "cashless-remove-wallet-credit",
  (input: { cart_id: string; customer_id: string }) => {
    const removed = removeWalletCreditStep(input)
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ cart_id: input.cart_id })) })
    return new WorkflowResponse(removed)
  }
)
