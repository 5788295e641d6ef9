import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { creditTopUpsStep } from "./steps/credit-top-ups"
import { prepareTopUpStep, type StartTopUpInput } from "./steps/prepare-top-up"

/** A top-up put in a cart: the amount chosen and who it is for, then normal checkout. */
export const startTopUpWorkflow = createWorkflow("cashless-start-top-up", (input: StartTopUpInput) => {
  const line = prepareTopUpStep(input)
  addToCartWorkflow.runAsStep({
    input: transform({ input, line }, ({ input, line }) => ({
      cart_id: input.cart_id,
      items: [{ variant_id: line.variant_id, quantity: 1, unit_price: line.unit_price, metadata: line.metadata }],
    })),
  })
  return new WorkflowResponse(line)
})

/** Money captured for an order: its top-ups are credited, each once. */
export const creditOrderTopUpsWorkflow = createWorkflow(
  "cashless-credit-order-top-ups",
  (input: { order_id: string; payment_id?: string | null }) => {
    return new WorkflowResponse(creditTopUpsStep(input))
  }
)
