import type { IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { toMajorUnits } from "../../lib/money"
import type { SaleLine } from "../../lib/till-prices"
import { TILL_MODULE, TillError } from "../../modules/till"
import type TillModuleService from "../../modules/till/service"
import { takeSaleStock } from "./sale-stock"
import type { SaleTender } from "./sale-types"

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Locking = { execute<T>(keys: string, job: () => Promise<T>, args?: { timeout?: number }): Promise<T> }

/** Medusa's manual provider: the till's tenders were paid at the counter, not online. */
const TILL_PROVIDER = "pp_system_default"

/** The Medusa order of a sale has an id derived from the sale's: a second projection finds it. */
export const orderIdOfSale = (saleId: string) => `order_${saleId.replace(/^csale_/, "")}`

const isUniqueViolation = (err: unknown) => /duplicate key|already exists|23505/.test(String((err as { message?: string })?.message ?? err))

/**
 * A till sale as a Medusa order, so Medusa's reports and exports stay whole: the point of sale's
 * sales channel, the lines at the prices and VAT they were sold at (VAT included), and one
 * captured payment per tender through the manual provider. Each piece is found before it is
 * made (the order by its derived id, the payments by their tender's place), so projecting the
 * same sale again — a re-drive, two workers at once — completes what is missing and never makes
 * a second order.
 *
 * Its stock-managed goods are taken from the inventory of the sales channel's stock location,
 * once per sale (sale-stock.ts: a claim on the sale before the inventory write, at most once
 * when a process dies in between). The stock is taken before the sale is marked projected, so
 * a failure there is re-driven; a sale marked projected is never looked at again, which is what
 * keeps the sales projected before the till took stock (`predates`) out of it.
 */
export async function projectSale(container: MedusaContainer, saleId: string): Promise<{ order_id: string; created: boolean }> {
  const locking = container.resolve<Locking>(Modules.LOCKING)
  return locking.execute(`cashless-project-sale:${saleId}`, () => projectLocked(container, saleId), { timeout: 30 })
}

async function projectLocked(container: MedusaContainer, saleId: string): Promise<{ order_id: string; created: boolean }> {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const [sale] = (await till.listCashlessSales({ id: saleId })) as Row[]
  if (!sale) throw new TillError("invalid", `Sale ${saleId} not found.`)
  if (sale.order_id) return { order_id: sale.order_id, created: false }
  const [pos] = (await till.listCashlessPointOfSales({ id: sale.point_of_sale_id })) as Row[]
  const orderId = orderIdOfSale(sale.id)
  const orders = container.resolve(Modules.ORDER)
  const currency = String(sale.currency_code)
  let created = false
  if (!(await orders.listOrders({ id: orderId }, { select: ["id"] })).length) {
    const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: currency }, { take: 1 })
    try {
      await orders.createOrders({
        id: orderId,
        status: "completed",
        region_id: region?.id,
        sales_channel_id: pos?.sales_channel_id,
        customer_id: sale.customer_id ?? undefined,
        currency_code: currency,
        metadata: { cashless_sale_id: sale.id, cashless_point_of_sale_id: sale.point_of_sale_id, cashless_session_id: sale.session_id },
        items: (sale.lines as SaleLine[]).map((l) => ({
          title: l.title,
          product_id: l.product_id,
          variant_id: l.variant_id,
          quantity: l.quantity,
          unit_price: toMajorUnits(l.unit_price, currency),
          is_tax_inclusive: true,
          tax_lines: l.tax_rate > 0 ? [{ rate: l.tax_rate, code: l.tax_code ?? "VAT", description: "VAT" }] : [],
        })),
      } as never)
      created = true
    } catch (err) {
      if (!isUniqueViolation(err)) throw err
    }
  }
  await payTenders(container, orderId, sale)
  await takeSaleStock(container, { id: sale.id, lines: sale.lines as SaleLine[], stock_status: sale.stock_status ?? null }, pos?.sales_channel_id)
  await till.updateCashlessSales({ id: sale.id, order_id: orderId, projected_at: new Date() })
  return { order_id: orderId, created }
}

/**
 * One captured payment per tender, in one payment collection of the order. Payments are made in
 * tender order under the sale's lock, so the n-th payment is the n-th tender: a projection that
 * stopped half-way captures what it authorized, makes only the tenders still missing, and gives
 * the order the transaction of a capture it never heard of (a process killed in between).
 */
async function payTenders(container: MedusaContainer, orderId: string, sale: Row) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve(Modules.PAYMENT)
  const orders = container.resolve(Modules.ORDER)
  const currency = String(sale.currency_code)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.id",
      "payment_collections.payments.id",
      "payment_collections.payments.created_at",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.captures.created_at",
    ],
    filters: { id: orderId },
  })
  let collection = (data[0] as Row | undefined)?.payment_collections?.[0] as Row | undefined
  if (!collection) {
    const [made] = await payments.createPaymentCollections([{ currency_code: currency, amount: toMajorUnits(Number(sale.total), currency) }])
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.ORDER]: { order_id: orderId },
      [Modules.PAYMENT]: { payment_collection_id: made.id },
    })
    collection = { id: made.id, payments: [] }
  }
  const existing = ((collection.payments ?? []) as Row[]).slice().sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || String(a.id).localeCompare(String(b.id)))
  for (const [index, tender] of (sale.tenders as SaleTender[]).entries()) {
    const amount = toMajorUnits(tender.amount, currency)
    let paymentId = existing[index]?.id as string | undefined
    if (existing[index]?.captured_at) {
      // Captured by a projection that may have stopped before the order heard of it (a process
      // killed in between): the order's transaction is made now, unless it already was.
      const captures = ((existing[index].captures ?? []) as Row[]).slice().sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
      await recordCapture(orders, orderId, currency, amount, String(captures.at(-1)?.id ?? paymentId))
      continue
    }
    if (!paymentId) {
      const session = await payments.createPaymentSession(collection.id, {
        provider_id: TILL_PROVIDER,
        currency_code: currency,
        amount,
        data: { cashless_sale_id: sale.id, cashless_tender: tender.kind, cashless_tender_index: index },
      })
      const payment = await payments.authorizePaymentSession(session.id, {})
      if (!payment) throw new Error(`the manual provider did not authorize tender ${index} of sale ${sale.id}`)
      paymentId = payment.id
      await payments.updatePayment({ id: paymentId, metadata: { cashless_sale_id: sale.id, cashless_tender: tender.kind, cashless_tender_index: index } } as never)
    }
    const captured = await payments.capturePayment({ payment_id: paymentId, amount, captured_by: "system:till" })
    const capture = (captured.captures ?? []).at(-1)
    await recordCapture(orders, orderId, currency, amount, capture?.id ?? paymentId)
  }
}

/** The order's transaction for one capture, made once: found again by the capture it records. */
async function recordCapture(orders: IOrderModuleService, orderId: string, currency: string, amount: number, referenceId: string) {
  const recorded = await orders.listOrderTransactions({ order_id: orderId, reference: "capture", reference_id: referenceId }, { select: ["id"] })
  if (recorded.length) return
  await orders.addOrderTransactions({ order_id: orderId, amount, currency_code: currency, reference: "capture", reference_id: referenceId })
}
