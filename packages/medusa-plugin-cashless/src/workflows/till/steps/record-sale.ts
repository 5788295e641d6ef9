import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TILL_MODULE } from "../../../modules/till"
import type TillModuleService from "../../../modules/till/service"
import type { SaleRow } from "../../../modules/till/lib/till-store"
import type { PreparedSale, SaleTender } from "../sale-types"

/** The sale row, in its still-open session; the same key again keeps the first row. */
export const recordSaleStep = createStep(
  "cashless-record-sale",
  async (input: { sale: PreparedSale; tenders: SaleTender[]; idempotency_key: string; sold_by: string }, { container }) => {
    const till = container.resolve<TillModuleService>(TILL_MODULE)
    if (input.sale.replay) return new StepResponse({ sale: (await till.saleByKey(input.idempotency_key))!, created: false })
    const { sale } = input
    const recorded: { sale: SaleRow; created: boolean } = await till.recordSale({
      id: sale.sale_id,
      idempotency_key: input.idempotency_key,
      request_hash: sale.request_hash,
      session_id: sale.session_id,
      point_of_sale_id: sale.point_of_sale.id,
      currency_code: sale.currency_code,
      status: "completed",
      total: sale.total,
      tax_total: sale.tax_total,
      lines: sale.lines,
      tenders: input.tenders,
      card_id: sale.card_id,
      customer_id: sale.customer_id,
      sold_by: input.sold_by,
    })
    return new StepResponse(recorded)
  }
)
