import { z } from "@medusajs/framework/zod"
import { Balance, CardStatus } from "./common"
import { MembershipCheck, OwnMembership, PublicMembership } from "./memberships"
import { Refund } from "./refunds"
import { component, minor, nullableDate } from "./registry"

/** A customer's own card (store/cashless/me/cards/my-cards.ts): never its UID or QR token. */
export const OwnCard = component(
  "OwnCard",
  z.strictObject({
    id: z.string(),
    printed_number: z.string().nullable(),
    status: CardStatus,
    bound_at: nullableDate,
    balances: z.array(Balance),
  })
)

/** The logged-in customer's wallet (store/cashless/me/wallet); null before any money reached it. */
export const OwnWallet = component(
  "OwnWallet",
  z.strictObject({ wallet: z.strictObject({ id: z.string(), balances: z.array(Balance) }).nullable() })
)

/** The holder's own movements (store/cashless/me/wallet/history): no accounts, references or staff reasons. */
export const OwnHistory = component(
  "OwnHistory",
  z.strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        entry_id: z.string(),
        kind: z.string(),
        asset_code: z.string(),
        amount: minor,
        balance_after: minor.nullable(),
        created_at: z.string(),
        reversal: z.boolean(),
      })
    ),
    next_cursor: z.string().nullable(),
  })
)

export const OwnCardList = component("OwnCardList", z.strictObject({ cards: z.array(OwnCard) }))
export const OwnCardAnswer = component("OwnCardAnswer", z.strictObject({ card: OwnCard }))

export const CardClaimed = component(
  "CardClaimed",
  z.strictObject({
    card: OwnCard,
    changed: z.boolean(),
    /** What moved from the card's anonymous wallet into the customer's. */
    moved: z.array(z.strictObject({ asset_code: z.string(), amount: minor })),
  })
)

export const OwnMemberships = component(
  "OwnMemberships",
  z.strictObject({ membership: MembershipCheck, memberships: z.array(OwnMembership) })
)

export const OwnRefunds = component(
  "OwnRefunds",
  z.strictObject({
    refundable: z.array(z.strictObject({ currency_code: z.string(), balance: minor, online: minor })),
    refunds: z.array(Refund),
  })
)

/** What anyone holding the card's QR code may see (store/cashless/qr/[token]). */
export const QrCard = component(
  "QrCard",
  z.strictObject({
    card: z.strictObject({
      status: CardStatus,
      usable: z.boolean(),
      bound: z.boolean(),
      balances: z.array(Balance),
      membership: PublicMembership,
    }),
  })
)

export const QrMembership = component("QrMembership", z.strictObject({ membership: PublicMembership }))

/** The cart with the top-up line in it, as Medusa carries it: amounts in major units (15 is 15.00 EUR). */
export const TopUpCart = component(
  "TopUpCart",
  z.strictObject({
    cart: z.strictObject({
      id: z.string(),
      currency_code: z.string(),
      total: z.number(),
      items: z.array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          unit_price: z.number(),
          quantity: z.number().int(),
          metadata: z.record(z.string(), z.unknown()).nullable(),
        })
      ),
    }),
  })
)

/** The wallet credit line put on a cart (workflows/wallet-credit). */
export const WalletCreditApplied = component(
  "WalletCreditApplied",
  z.strictObject({ wallet_credit: z.strictObject({ credit_line_id: z.string(), wallet_id: z.string(), amount: minor, currency_code: z.string() }) })
)
/** How many wallet credit lines came off the cart (0: there was none). */
export const WalletCreditRemoved = component("WalletCreditRemoved", z.strictObject({ removed: z.number().int().min(0) }))
