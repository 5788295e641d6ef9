import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

/**
 * A workflow that does nothing: the benchmark floor of "one step through Medusa's
 * workflow engine", to compare our write paths with.
 */
const noopStep = createStep("cashless-bench-noop-step", async () => new StepResponse({ ok: true }))

export const benchNoopWorkflow = createWorkflow("cashless-bench-noop", () => {
  const result = noopStep()
  return new WorkflowResponse(result)
})
