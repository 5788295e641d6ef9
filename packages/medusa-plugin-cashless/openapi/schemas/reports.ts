import { z } from "@medusajs/framework/zod"
import { AssetKind } from "./common"
import { component, isoDate, minor } from "./registry"

const count = z.number().int()

/** What the tills took per day (shop time zone), point of sale, operation and tender. */
export const DailyReport = component(
  "DailyReport",
  z.strictObject({
    from: isoDate,
    to: isoDate,
    time_zone: z.string(),
    totals: z.array(
      z.strictObject({
        day: z.string(),
        point_of_sale_id: z.string(),
        point_of_sale: z.string(),
        operation: z.string(),
        tender: z.string(),
        count,
        amount: minor,
        currency_code: z.string(),
      })
    ),
  })
)

/** One line per posting of the range, with the totals per external account. */
export const LedgerReport = component(
  "LedgerReport",
  z.strictObject({
    from: isoDate,
    to: isoDate,
    postings: z.array(
      z.strictObject({
        entry_id: z.string(),
        created_at: isoDate,
        kind: z.string(),
        external_ref: z.string().nullable(),
        actor: z.string().nullable(),
        reason: z.string().nullable(),
        reverses_id: z.string().nullable(),
        wallet_id: z.string().nullable(),
        system_code: z.string().nullable(),
        asset_code: z.string(),
        amount: minor,
      })
    ),
    totals: z.array(z.strictObject({ system_code: z.string(), asset_code: z.string(), amount: minor })),
  })
)

/** What the operator owes its public per asset, and how many wallets hold some. */
export const OutstandingReport = component(
  "OutstandingReport",
  z.strictObject({
    outstanding: z.array(z.strictObject({ asset_code: z.string(), kind: AssetKind, currency_code: z.string(), total: minor, wallets: count })),
    at: isoDate,
  })
)
