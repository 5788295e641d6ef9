import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CARD_MODULE } from "../../modules/card"
import type CardModuleService from "../../modules/card/service"

type RunImportInput = { import_id: string; csv: string; actor?: string | null }

/** All-or-nothing in its own transaction: a failure leaves nothing to compensate. */
const runCardImportStep = createStep("cashless-run-card-import", async (input: RunImportInput, { container }) => {
  const cards = container.resolve<CardModuleService>(CARD_MODULE)
  return new StepResponse(await cards.runImport(input.import_id, input.csv, input.actor ?? null))
})

/** Registers a CSV of cards as a batch; `startImport` created the import record first. */
export const importCardsWorkflow = createWorkflow("cashless-import-cards", (input: RunImportInput) => {
  return new WorkflowResponse(runCardImportStep(input))
})
