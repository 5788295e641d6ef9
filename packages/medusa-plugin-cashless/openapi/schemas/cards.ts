import { z } from "@medusajs/framework/zod"
import { Balance, CardStatus } from "./common"
import { MembershipCheck } from "./memberships"
import { EntryResult } from "./wallets"
import { component, isoDate, nullableDate } from "./registry"

const id = z.string()

/** types/http/till.ts `TillCard`: the card record, its QR address, holder and balances, as staff see it. */
export const AdminCard = component(
  "AdminCard",
  z.strictObject({
    id,
    uid: z.string(),
    printed_number: z.string().nullable(),
    qr_token: z.string(),
    status: CardStatus,
    wallet_id: z.string().nullable(),
    customer_id: z.string().nullable(),
    wallet_generation: z.number().int(),
    batch_id: z.string().nullable(),
    batch_name: z.string().nullable(),
    activated_at: nullableDate,
    bound_at: nullableDate,
    created_at: isoDate,
    qr_url: z.string(),
    holder: z.strictObject({ id, email: z.string().nullable(), name: z.string().nullable() }).nullable(),
    balances: z.array(Balance),
    /** On a single card's answer; lists leave it out. */
    membership: MembershipCheck.optional(),
  })
)
export const CardAnswer = component("CardAnswer", z.strictObject({ card: AdminCard }))
export const CardBound = component(
  "CardBound",
  z.strictObject({ card: AdminCard, changed: z.boolean(), /** The ledger entry that moved the card's anonymous balances, null when there were none. */
    fusion: EntryResult.nullable(), })
)
export const CardReplaced = component("CardReplaced", z.strictObject({ old_card: AdminCard, new_card: AdminCard, changed: z.boolean() }))
export const CardList = component(
  "CardList",
  z.strictObject({ cards: z.array(AdminCard), count: z.number().int(), limit: z.number().int().optional(), offset: z.number().int().optional() })
)
export const CardWithEvents = component(
  "CardWithEvents",
  z.strictObject({
    card: AdminCard,
    events: z.array(
      z.strictObject({
        id,
        action: z.string(),
        from_status: CardStatus.nullable(),
        to_status: CardStatus.nullable(),
        actor: z.string().nullable(),
        reason: z.string().nullable(),
        data: z.unknown(),
        created_at: isoDate,
      })
    ),
  })
)
export const CardBatches = component(
  "CardBatches",
  z.strictObject({
    batches: z.array(z.strictObject({ id, name: z.string(), card_count: z.number().int(), created_by: z.string().nullable(), created_at: isoDate })),
  })
)

const CardImportRecord = z.strictObject({
  id,
  batch_name: z.string(),
  batch_id: z.string().nullable(),
  status: z.string(),
  total_rows: z.number().int(),
  processed_rows: z.number().int(),
  imported_count: z.number().int(),
  skipped_count: z.number().int(),
  /** Each skipped line with its reason (modules/card/types.ts). */
  problems: z.array(z.strictObject({ line: z.number().int(), uid: z.string().nullable(), reason: z.string() })),
  error: z.string().nullable(),
  created_at: isoDate,
  finished_at: nullableDate,
})
export const CardImport = component("CardImport", z.strictObject({ import: CardImportRecord }))
export const CardImportStarted = component("CardImportStarted", z.strictObject({ import: CardImportRecord, replayed: z.boolean() }))

