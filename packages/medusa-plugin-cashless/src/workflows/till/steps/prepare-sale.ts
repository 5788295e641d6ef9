import { createHash } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cardMembership } from "../../../lib/card-membership"
import { normalizeCardUid } from "../../../lib/card-uid"
import { withCardWallet } from "../../../lib/card-wallet"
import { formatMinor } from "../../../lib/money"
import { priceSale } from "../../../lib/till-prices"
import { CARD_MODULE, cardName } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"
import type { CardRecord } from "../../../modules/card/types"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import { TILL_MODULE, TillError } from "../../../modules/till"
import type TillModuleService from "../../../modules/till/service"
import { WALLET_MODULE } from "../../../modules/wallet"
import { requestHash } from "../../../modules/wallet/lib/hash"
import type WalletModuleService from "../../../modules/wallet/service"
import type { PreparedSale, SaleTender, SellInput, TenderInput } from "../sale-types"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

/** The card UID as the server writes it; a malformed one is the cashier's 400, not a crash. */
function uidOf(uid: string): string {
  try {
    return normalizeCardUid(uid)
  } catch (err) {
    throw new TillError("invalid", (err as Error).message)
  }
}

/** A sale's id follows from its idempotency key, so a retry after a crash finds the same sale. */
export const saleIdOf = (key: string) => `csale_${createHash("sha256").update(key).digest("hex").slice(0, 26).toUpperCase()}`

/** The wallet short for the whole sale: the till offers to complete it with another tender. */
export class WalletShort extends TillError {
  constructor(
    message: string,
    readonly details: { total: number; balance: number; short_by: number; currency_code: string; card: string }
  ) {
    super("wallet_short", message)
  }
}

/** What a card's wallet can spend in the sale's currency. */
export async function spendableBalance(wallets: WalletModuleService, walletId: string, currency: string): Promise<number> {
  return ((await wallets.getBalances([walletId]))[walletId] ?? []).filter((b) => b.currency_code === currency).reduce((s, b) => s + b.balance, 0)
}

/** True when the ledger already holds this sale's spend from this wallet (and it was not reversed). */
async function paidBySale(wallets: WalletModuleService, saleId: string, walletId: string): Promise<boolean> {
  return (await wallets.entriesByRef(`sale:${saleId}`)).some((e) => e.external_ref === `sale:${saleId}` && e.wallet_id === walletId && e.kind === "spend")
}

/** The refusal the till turns into "take the rest in cash": by how much the card is short. */
export function walletShort(w: { card: string; balance: number; amount: number; total: number; currency_code: string }): WalletShort {
  const short = w.amount - w.balance
  return new WalletShort(
    `Card ${w.card} holds ${formatMinor(w.balance, w.currency_code)}: ${formatMinor(short, w.currency_code)} short. ` +
      `Take the rest in cash, by card terminal or with a second card.`,
    { total: w.total, balance: w.balance, short_by: short, currency_code: w.currency_code, card: w.card }
  )
}

/**
 * The reads of a tap, before any money moves: the point of sale and its open session, the card
 * (refused when lost or blocked) and its holder, their membership and customer groups, the
 * member prices and VAT, and how each tender will pay.
 */
export const prepareSaleStep = createStep("cashless-prepare-sale", async (input: SellInput, { container }) => {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const saleId = saleIdOf(input.idempotency_key)
  const hash = requestHash({
    point_of_sale_id: input.point_of_sale_id,
    lines: input.lines,
    card_uid: input.card_uid ? uidOf(input.card_uid) : null,
    tenders: (input.tenders ?? []).map((t) => ({ ...t, card_uid: t.card_uid ? uidOf(t.card_uid) : null })),
  })
  const existing = await till.saleByKey(input.idempotency_key)
  if (existing) {
    if (existing.request_hash !== hash) {
      throw new TillError("idempotency_conflict", `The idempotency key "${input.idempotency_key}" was already used for another sale; use a new key for a new sale.`)
    }
    return new StepResponse({ replay: true, sale_id: existing.id } as unknown as PreparedSale)
  }

  const [pos] = await till.listCashlessPointOfSales({ id: input.point_of_sale_id })
  if (!pos || pos.archived_at) throw new TillError("pos_not_found", `Point of sale ${input.point_of_sale_id} not found.`)
  const session = await till.openSession(pos.id)
  if (!session) throw new TillError("no_open_session", `No session is open at ${pos.name}: open one (with its cash float) to sell.`)
  const accepted = (pos.tenders as unknown as string[] | null) ?? []

  const cards = new Map<string, CardRecord & { wallet_id: string }>()
  const cardOf = async (uid: string) => {
    const normalized = uidOf(uid)
    if (!cards.has(normalized)) {
      const card = await container.resolve<CardModuleService>(CARD_MODULE).resolveCardForUse(normalized, input.sold_by)
      cards.set(normalized, await withCardWallet(container, card, input.sold_by))
    }
    return cards.get(normalized)!
  }
  const primary = input.card_uid ? await cardOf(input.card_uid) : null
  const groups = primary ? await groupsOf(container, primary) : []

  const priced = await priceSale(container, {
    currency_code: pos.currency_code,
    country_code: pos.country_code,
    sales_channel_id: pos.sales_channel_id,
    group_ids: groups,
    lines: input.lines,
  })

  const wanted: TenderInput[] = input.tenders?.length
    ? input.tenders
    : primary
      ? [{ kind: "wallet", amount: priced.total, card_uid: input.card_uid }]
      : []
  if (!wanted.length) throw new TillError("invalid", "Say how the sale is paid: tap a card, or give the tenders (cash, card terminal).")
  const paid = wanted.reduce((s, t) => s + t.amount, 0)
  if (paid !== priced.total) {
    throw new TillError(
      "invalid",
      `The tenders come to ${formatMinor(paid, pos.currency_code)} but the sale is ${formatMinor(priced.total, pos.currency_code)}.`
    )
  }
  // A membership sold at the till belongs to the card tapped: without one there is no holder.
  const plans = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).plansForVariants(input.lines.map((l) => l.variant_id))
  if (plans.size && !primary) throw new TillError("invalid", "A membership is sold to a card: tap the member's card first.")
  const planLines = plans.size ? Object.fromEntries([...plans.entries()].map(([variant, plan]) => [variant, plan.id])) : null

  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const tenders: SaleTender[] = []
  for (const t of wanted) {
    if (!accepted.includes(t.kind)) {
      throw new TillError("tender_not_accepted", `${pos.name} does not take ${t.kind.replace("_", " ")} payments.`)
    }
    if (t.kind !== "wallet") {
      tenders.push({ kind: t.kind, amount: t.amount })
      continue
    }
    const uid = t.card_uid ?? input.card_uid
    if (!uid) throw new TillError("invalid", "A wallet payment needs the card's UID.")
    const card = await cardOf(uid)
    const balance = await spendableBalance(wallets, card.wallet_id, pos.currency_code)
    // The same tap still in flight elsewhere (a till's retry through the load balancer reached
    // another server process) may have paid already without having recorded the sale yet: then
    // the money is gone because of this very sale, which goes on and answers as the replay it is.
    if (balance < t.amount && !(await paidBySale(wallets, saleId, card.wallet_id))) {
      throw walletShort({ card: cardName(card), balance, amount: t.amount, total: priced.total, currency_code: pos.currency_code })
    }
    tenders.push({ kind: "wallet", amount: t.amount, card_id: card.id, card_name: cardName(card), wallet_id: card.wallet_id })
  }

  return new StepResponse({
    sale_id: saleId,
    request_hash: hash,
    replay: false,
    point_of_sale: { id: pos.id, name: pos.name, sales_channel_id: pos.sales_channel_id, currency_code: pos.currency_code },
    session_id: session.id,
    currency_code: pos.currency_code,
    lines: priced.lines,
    total: priced.total,
    tax_total: priced.tax_total,
    tenders,
    card_id: primary?.id ?? null,
    customer_id: primary?.customer_id ?? null,
    holder_wallet_id: primary?.wallet_id ?? null,
    plan_lines: planLines,
  } satisfies PreparedSale)
})

/**
 * The customer groups a card's holder is priced with: a bound customer's own groups, plus the
 * group of a valid membership plan — which is how an anonymous member gets member prices.
 */
async function groupsOf(container: MedusaContainer, card: CardRecord): Promise<string[]> {
  const groups = new Set<string>()
  if (card.customer_id) {
    const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: card.customer_id } })
    for (const g of data[0]?.groups ?? []) groups.add(g.id)
  }
  const membership = await cardMembership(container, card)
  if (membership.status === "valid" && membership.plan?.customer_group_id) groups.add(membership.plan.customer_group_id)
  return [...groups]
}
