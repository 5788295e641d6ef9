import { z } from "@medusajs/framework/zod"
import { AdminCard } from "./cards"
import { component, isoDate, minor, nullableDate } from "./registry"

const id = z.string()
const Tender = z.enum(["wallet", "cash", "card_terminal"])
const count = z.number().int()

/** types/http/points-of-sale.ts `PointOfSale`. */
export const PointOfSale = component(
  "PointOfSale",
  z.strictObject({
    id,
    name: z.string(),
    sales_channel_id: z.string(),
    currency_code: z.string(),
    country_code: z.string(),
    category_ids: z.array(z.string()).nullable(),
    collection_ids: z.array(z.string()).nullable(),
    tenders: z.array(Tender),
    archived_at: nullableDate,
    created_at: isoDate,
    updated_at: isoDate,
    /** Sent by the routes although types/http/points-of-sale.ts leaves it out (found by the contract test). */
    deleted_at: nullableDate,
  })
)

/** A Ticket Z (modules/till/lib/ticket-z.ts), written at the session's close. */
const TicketZ = z.strictObject({
  session_id: id,
  point_of_sale_id: id,
  currency_code: z.string(),
  opened_by: z.string(),
  opened_at: isoDate,
  closed_by: z.string(),
  closed_at: isoDate,
  sales: z.strictObject({ count, total: minor, tax_total: minor }),
  by_tender: z.array(z.strictObject({ tender: Tender, count, amount: minor })),
  by_product: z.array(z.strictObject({ variant_id: z.string(), title: z.string(), quantity: count, total: minor })),
  by_vat_rate: z.array(z.strictObject({ rate: z.number(), base: minor, tax: minor, total: minor })),
  top_ups: z.array(z.strictObject({ tender: z.string(), count, amount: minor })),
  refunds: z.array(z.strictObject({ tender: z.string(), count, amount: minor })),
  voids: z.strictObject({ count, paid_out: minor, forfeited: z.array(z.strictObject({ asset_code: z.string(), amount: minor })) }),
  cards_used: count,
  cash: z.strictObject({
    opening_float: minor,
    sales: minor,
    top_ups: minor,
    refunds: minor,
    voids: minor,
    expected: minor,
    counted: minor,
    difference: minor,
  }),
})

/** modules/till/lib/till-store.ts `SessionRow`; a closed session's answer carries its Ticket Z. */
export const TillSession = component(
  "TillSession",
  z.strictObject({
    id,
    point_of_sale_id: id,
    currency_code: z.string(),
    opened_by: z.string(),
    opening_float: minor,
    opened_at: isoDate,
    closed_by: z.string().nullable(),
    closed_at: nullableDate,
    counted_cash: minor.nullable(),
    status: z.enum(["open", "closed"]),
    ticket_z: TicketZ.optional(),
  })
)
export const PointOfSaleAnswer = component("PointOfSaleAnswer", z.strictObject({ point_of_sale: PointOfSale }))
export const PointOfSaleDetail = component("PointOfSaleDetail", z.strictObject({ point_of_sale: PointOfSale, session: TillSession.nullable() }))
export const PointOfSaleList = component(
  "PointOfSaleList",
  z.strictObject({ points_of_sale: z.array(PointOfSale.extend({ open_session: TillSession.nullable() })) })
)
export const SessionAnswer = component("SessionAnswer", z.strictObject({ session: TillSession.nullable() }))

/** modules/till/lib/till-store.ts `SessionSummary`: expected cash and difference from its Ticket Z, null while open. */
export const SessionList = component(
  "SessionList",
  z.strictObject({
    sessions: z.array(
      z.strictObject({
        id,
        status: z.enum(["open", "closed"]),
        currency_code: z.string(),
        opened_by: z.string(),
        opened_at: isoDate,
        opening_float: minor,
        closed_by: z.string().nullable(),
        closed_at: nullableDate,
        counted_cash: minor.nullable(),
        expected_cash: minor.nullable(),
        difference: minor.nullable(),
      })
    ),
    count,
    limit: count,
    offset: count,
  })
)
export const TicketZAnswer = component("TicketZAnswer", z.strictObject({ ticket_z: TicketZ }))

/** types/http/till.ts `TillCatalog`: public prices, VAT included, minor units. */
export const TillCatalog = component(
  "TillCatalog",
  z.strictObject({
    point_of_sale: z.strictObject({ id, name: z.string(), currency_code: z.string(), country_code: z.string(), tenders: z.array(Tender) }),
    categories: z.array(z.strictObject({ id, name: z.string() })),
    products: z.array(
      z.strictObject({
        id,
        title: z.string(),
        thumbnail: z.string().nullable(),
        category_ids: z.array(z.string()),
        variants: z.array(
          z.strictObject({
            id,
            title: z.string(),
            unit_price: minor,
            tax_rate: z.number(),
            membership_plan: z.strictObject({ id, name: z.string() }).nullable(),
          })
        ),
      })
    ),
  })
)

/** types/http/till.ts `SaleReceipt` (201, or 200 for a replay). */
export const SaleReceipt = component(
  "SaleReceipt",
  z.strictObject({
    sale: z.strictObject({
      id,
      point_of_sale_id: id,
      session_id: id,
      status: z.enum(["completed", "voided"]),
      currency_code: z.string(),
      total: minor,
      tax_total: minor,
      /** lib/till-prices.ts `SaleLine`. */
      lines: z.array(
        z.strictObject({
          variant_id: z.string(),
          product_id: z.string(),
          title: z.string(),
          quantity: count,
          /** What the holder pays for one, VAT included. */
          unit_price: minor,
          /** The regular price when a price list (a member price) beat it, else null. */
          regular_price: minor.nullable(),
          price_list_id: z.string().nullable(),
          tax_rate: z.number(),
          tax_code: z.string().nullable(),
          tax_amount: minor,
          total: minor,
        })
      ),
      /** workflows/till/sale-types.ts `SaleTender`: a wallet tender names its card, wallet and entry. */
      tenders: z.array(
        z.strictObject({
          kind: Tender,
          amount: minor,
          card_id: z.string().optional(),
          card_name: z.string().optional(),
          wallet_id: z.string().optional(),
          entry_id: z.string().optional(),
        })
      ),
      sold_by: z.string(),
      created_at: isoDate,
      replayed: z.boolean(),
    }),
    card: AdminCard.nullable(),
    other_cards: z.array(AdminCard),
  })
)

/** types/http/till.ts `MovementReceipt`: a top-up, a cash refund or a card handed back. */
export const MovementReceipt = component(
  "MovementReceipt",
  z.strictObject({
    movement: z.strictObject({
      id,
      idempotency_key: z.string(),
      request_hash: z.string(),
      session_id: id,
      point_of_sale_id: id,
      kind: z.enum(["top_up", "refund", "void"]),
      tender: z.enum(["cash", "card_terminal"]),
      currency_code: z.string(),
      amount: minor,
      card_id: id,
      wallet_id: z.string().nullable(),
      entry_id: z.string().nullable(),
      done_by: z.string(),
      details: z
        .strictObject({
          card_name: z.string(),
          forfeited: z.array(z.strictObject({ asset_code: z.string(), amount: minor })),
          memberships_ended: z.array(z.string()),
          holder: z.unknown(),
        })
        .nullable(),
      created_at: isoDate,
      replayed: z.boolean(),
    }),
    card: AdminCard,
  })
)
