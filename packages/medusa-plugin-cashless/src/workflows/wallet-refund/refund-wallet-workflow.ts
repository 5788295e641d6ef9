import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundToPayments, type RefundWalletInput } from "./refund-to-payments"

/**
 * No compensation: money a provider paid back cannot be taken back, and a share it refused is
 * already reversed inside the step. What is left of a request is finished by retrying it.
 */
export const refundWalletStep = createStep("cashless-refund-wallet", async (input: RefundWalletInput, { container }) => {
  return new StepResponse(await refundToPayments(container, input))
})

/** Refundable money back to the payments it came from (customer or staff request). */
export const refundWalletWorkflow = createWorkflow("cashless-refund-wallet", (input: RefundWalletInput) => {
  return new WorkflowResponse(refundWalletStep(input))
})
