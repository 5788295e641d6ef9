import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { projectSale } from "./project-sale"

/**
 * No compensation: an order or payment made for the sale is what a re-drive would make anyway;
 * a projection that stopped half-way is completed by the next one (subscriber, then the job).
 */
const projectSaleStep = createStep("cashless-project-sale", async (input: { sale_id: string }, { container }) => {
  return new StepResponse(await projectSale(container, input.sale_id))
})

/** A till sale becomes its Medusa order, once. */
export const projectSaleWorkflow = createWorkflow("cashless-project-sale", (input: { sale_id: string }) => {
  return new WorkflowResponse(projectSaleStep(input))
})
