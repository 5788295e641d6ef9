import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { TILL_MODULE, TillError } from "../../modules/till"
import type TillModuleService from "../../modules/till/service"

type PosInput = {
  name?: string
  sales_channel_id?: string
  currency_code?: string
  country_code?: string
  category_ids?: string[] | null
  collection_ids?: string[] | null
  tenders?: string[]
}

async function checkChannel(container: MedusaContainer, channelId: string | undefined) {
  if (!channelId) return
  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: channelId })
  if (!channel) throw new TillError("invalid", `Sales channel ${channelId} not found: a point of sale sells a channel's products.`)
}

async function checkName(till: TillModuleService, name: string | undefined, except?: string) {
  if (!name) return
  const all = await till.listCashlessPointOfSales({})
  if (all.some((p) => p.id !== except && p.name.trim().toLowerCase() === name.trim().toLowerCase())) {
    throw new TillError("invalid", `A point of sale is already called "${name}".`)
  }
}

const createPointOfSaleStep = createStep(
  "cashless-create-point-of-sale",
  async (input: PosInput & { name: string; sales_channel_id: string; country_code: string }, { container }) => {
    const till = container.resolve<TillModuleService>(TILL_MODULE)
    await checkChannel(container, input.sales_channel_id)
    await checkName(till, input.name)
    const [created] = await till.createCashlessPointOfSales([
      {
        name: input.name.trim(),
        sales_channel_id: input.sales_channel_id,
        currency_code: (input.currency_code ?? "eur").toLowerCase(),
        country_code: input.country_code.toLowerCase(),
        // JSON columns: lists of ids.
        category_ids: (input.category_ids ?? null) as unknown as Record<string, unknown> | null,
        collection_ids: (input.collection_ids ?? null) as unknown as Record<string, unknown> | null,
        tenders: (input.tenders ?? ["wallet", "cash", "card_terminal"]) as unknown as Record<string, unknown>,
      },
    ])
    return new StepResponse(created, created.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) await container.resolve<TillModuleService>(TILL_MODULE).deleteCashlessPointOfSales([id])
  }
)

export const createPointOfSaleWorkflow = createWorkflow(
  "cashless-create-point-of-sale",
  (input: PosInput & { name: string; sales_channel_id: string; country_code: string }) => new WorkflowResponse(createPointOfSaleStep(input))
)

const updatePointOfSaleStep = createStep(
  "cashless-update-point-of-sale",
  async (input: PosInput & { id: string; archived?: boolean }, { container }) => {
    const till = container.resolve<TillModuleService>(TILL_MODULE)
    const [before] = await till.listCashlessPointOfSales({ id: input.id })
    if (!before) throw new TillError("pos_not_found", `Point of sale ${input.id} not found.`)
    await checkChannel(container, input.sales_channel_id)
    await checkName(till, input.name, input.id)
    const { archived, id, ...fields } = input
    const update: Record<string, unknown> = { id }
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) update[k] = typeof v === "string" && k.endsWith("_code") ? v.toLowerCase() : v
    if (archived !== undefined) update.archived_at = archived ? new Date() : null
    const updated = await till.updateCashlessPointOfSales(update as { id: string })
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before) return
    const { id, name, sales_channel_id, currency_code, country_code, category_ids, collection_ids, tenders, archived_at } = before
    await container
      .resolve<TillModuleService>(TILL_MODULE)
      .updateCashlessPointOfSales({ id, name, sales_channel_id, currency_code, country_code, category_ids, collection_ids, tenders, archived_at })
  }
)

export const updatePointOfSaleWorkflow = createWorkflow(
  "cashless-update-point-of-sale",
  (input: PosInput & { id: string; archived?: boolean }) => new WorkflowResponse(updatePointOfSaleStep(input))
)
