import type { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeCardUid } from "../../lib/card-uid"
import { CARD_MODULE, CardError, cardName, refuseUnusable } from "../../modules/card"
import type CardModuleService from "../../modules/card/service"
import { MEMBERSHIP_MODULE } from "../../modules/membership"
import type MembershipModuleService from "../../modules/membership/service"
import { TILL_MODULE, TillError } from "../../modules/till"
import type { MovementRow, VoidDetails } from "../../modules/till/lib/till-store"
import type TillModuleService from "../../modules/till/service"
import { WALLET_MODULE } from "../../modules/wallet"
import { requestHash } from "../../modules/wallet/lib/hash"
import type WalletModuleService from "../../modules/wallet/service"
import { GIFT_ISSUANCE } from "../../modules/wallet/types"

export type VoidCardInput = {
  point_of_sale_id: string
  idempotency_key: string
  card_uid: string
  reason?: string
  done_by: string
}

type Prepared = {
  replay: MovementRow | null
  request_hash: string
  session_id: string
  currency_code: string
  card_id: string
  card_name: string
  /** The wallet the card paid from when the void began. */
  wallet_id: string
  /** Set for a bound card: its money is its holder's and stays with them. */
  customer_id: string | null
  reason: string
}

type ClosedOut = { entry_id: string | null; paid_out: number; forfeited: Array<{ asset_code: string; amount: number }> }

const DEFAULT_REASON = "card handed back at the till"
const ledgerKey = (key: string) => `till-void:${key}`

const prepareVoidStep = createStep("cashless-prepare-void-card", async (input: VoidCardInput, { container }) => {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const cards = container.resolve<CardModuleService>(CARD_MODULE)
  let uid: string
  try {
    uid = normalizeCardUid(input.card_uid)
  } catch (err) {
    throw new TillError("invalid", (err as Error).message)
  }
  const reason = input.reason?.trim() || DEFAULT_REASON
  const hash = requestHash({ kind: "void", card_uid: uid, point_of_sale_id: input.point_of_sale_id, reason })
  const existing = await till.movementByKey(input.idempotency_key)
  if (existing) {
    if (existing.request_hash !== hash) {
      throw new TillError("idempotency_conflict", `The idempotency key "${input.idempotency_key}" was already used for another operation.`)
    }
    return new StepResponse({ replay: existing } as Prepared)
  }
  const [pos] = await till.listCashlessPointOfSales({ id: input.point_of_sale_id })
  if (!pos || pos.archived_at) throw new TillError("pos_not_found", `Point of sale ${input.point_of_sale_id} not found.`)
  const session = await till.openSession(pos.id)
  if (!session) throw new TillError("no_open_session", `No session is open at ${pos.name}: open one (with its cash float) first.`)
  if (!((pos.tenders as unknown as string[] | null) ?? []).includes("cash")) {
    throw new TillError("tender_not_accepted", `${pos.name} has no cash drawer: void the card at a till that takes cash.`)
  }
  const card = await cards.findCardByUid(uid)
  if (!card) throw CardError.notRegistered(uid)
  let walletId = card.wallet_id
  let customerId = card.customer_id
  if (!walletId) {
    // Blank: never used, or reset by an earlier attempt of this very void that did not finish.
    const earlier = await cards.resetByKey(card.id, input.idempotency_key)
    if (!earlier) throw new TillError("card_blank", `Card ${cardName(card)} is blank already: there is nothing on it to void.`)
    walletId = earlier.wallet_id
    customerId = earlier.customer_id
  } else {
    refuseUnusable(card)
  }
  return new StepResponse({
    replay: null,
    request_hash: hash,
    session_id: session.id,
    currency_code: pos.currency_code,
    card_id: card.id,
    card_name: cardName(card),
    wallet_id: walletId,
    customer_id: customerId,
    reason,
  } satisfies Prepared)
})

/**
 * The anonymous card's wallet emptied in one ledger entry: refundable money out of the drawer to
 * the person handing the card back, gift credit forfeited. A bound card's wallet is its holder's
 * account: nothing moves.
 */
const closeOutStep = createStep(
  "cashless-void-card-close-out",
  async ({ input, prepared }: { input: VoidCardInput; prepared: Prepared }, { container }) => {
    const none: ClosedOut = { entry_id: null, paid_out: 0, forfeited: [] }
    if (prepared.replay || prepared.customer_id) return new StepResponse(none, null as string | null)
    const result = await container.resolve<WalletModuleService>(WALLET_MODULE).closeOut({
      wallet_id: prepared.wallet_id,
      currency_code: prepared.currency_code,
      destination: "cash_drawer",
      reason: prepared.reason,
      idempotency_key: ledgerKey(input.idempotency_key),
      external_ref: `till:${input.point_of_sale_id} session:${prepared.session_id}`,
      actor: input.done_by,
    })
    if (!result) return new StepResponse(none, null as string | null)
    const outgoing = result.postings.filter((p) => p.system_code)
    const closed: ClosedOut = {
      entry_id: result.entry.id,
      paid_out: outgoing.filter((p) => p.system_code === "cash_drawer").reduce((s, p) => s + p.amount, 0),
      forfeited: outgoing.filter((p) => p.system_code === GIFT_ISSUANCE).map((p) => ({ asset_code: p.asset_code, amount: p.amount })),
    }
    return new StepResponse(closed, result.replayed ? null : result.entry.id)
  },
  async (entryId: string | null | undefined, { container }) => {
    if (!entryId) return
    await container
      .resolve<WalletModuleService>(WALLET_MODULE)
      .reverse({ entry_id: entryId, idempotency_key: `${entryId}:compensation`, reason: "card void not completed", actor: "system:workflow" })
  }
)

/** An anonymous card's memberships were its wallet's: they end with it. A holder keeps theirs. */
const endMembershipsStep = createStep(
  "cashless-void-card-end-memberships",
  async ({ input, prepared }: { input: VoidCardInput; prepared: Prepared }, { container }) => {
    if (prepared.replay || prepared.customer_id) return new StepResponse([] as string[], [] as string[])
    const ended = await container
      .resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
      .cancelWalletMemberships(prepared.wallet_id, `card ${prepared.card_name} voided: ${prepared.reason}`, input.done_by)
    return new StepResponse(ended, ended)
  },
  async (ended: string[] | undefined, { container }) => {
    const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    for (const id of ended ?? []) await memberships.restoreCancelled(id)
  }
)

const resetCardStep = createStep(
  "cashless-void-card-reset",
  async ({ input, prepared }: { input: VoidCardInput; prepared: Prepared }, { container }) => {
    if (prepared.replay) return new StepResponse(undefined, null)
    const { previous, changed } = await container.resolve<CardModuleService>(CARD_MODULE).resetCard({
      card_id: prepared.card_id,
      wallet_id: prepared.wallet_id,
      actor: input.done_by,
      reason: prepared.reason,
      void_key: input.idempotency_key,
    })
    return new StepResponse(undefined, changed ? { card_id: prepared.card_id, previous } : null)
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<CardModuleService>(CARD_MODULE).restoreReset(undo.card_id, undo.previous)
  }
)

const recordVoidStep = createStep(
  "cashless-record-void-card",
  async ({ input, prepared, closed, ended }: { input: VoidCardInput; prepared: Prepared; closed: ClosedOut; ended: string[] }, { container }) => {
    if (prepared.replay) return new StepResponse({ movement: prepared.replay, replayed: true })
    const details: VoidDetails = {
      card_name: prepared.card_name,
      forfeited: closed.forfeited,
      memberships_ended: ended,
      holder: prepared.customer_id ? { customer_id: prepared.customer_id, wallet_id: prepared.wallet_id } : null,
    }
    const movement = await container.resolve<TillModuleService>(TILL_MODULE).recordMovement({
      id: generateEntityId(undefined, "tmov"),
      idempotency_key: input.idempotency_key,
      request_hash: prepared.request_hash,
      session_id: prepared.session_id,
      point_of_sale_id: input.point_of_sale_id,
      kind: "void",
      tender: "cash",
      currency_code: prepared.currency_code,
      amount: closed.paid_out,
      card_id: prepared.card_id,
      wallet_id: prepared.wallet_id,
      entry_id: closed.entry_id,
      done_by: input.done_by,
      details,
    })
    return new StepResponse({ movement, replayed: false })
  }
)

/**
 * A card handed back (manager): its refundable money paid out in cash, its gift credit forfeited
 * and its memberships ended, in that order, then the card is blank again — status new, no
 * holder, and a new wallet on its next first use. A bound card is detached from its holder, whose
 * wallet, money and memberships stay on their account. Every write is keyed by the manager's
 * idempotency key, so a retry after a cut completes the void and never pays out twice.
 */
export const voidCardWorkflow = createWorkflow("cashless-void-card", (input: VoidCardInput) => {
  const prepared = prepareVoidStep(input)
  const closed = closeOutStep(transform({ input, prepared }, (d) => d))
  const ended = endMembershipsStep(transform({ input, prepared }, (d) => d))
  resetCardStep(transform({ input, prepared }, (d) => d))
  return new WorkflowResponse(recordVoidStep(transform({ input, prepared, closed, ended }, (d) => d)))
})

type Locking = { execute<T>(keys: string, job: () => Promise<T>, args?: { timeout?: number }): Promise<T> }

/**
 * Voids a card under a lock on its UID: two managers voiding the same card at once pay out once
 * (the second finds it blank, or replays the first when it is the same request).
 */
export async function voidCard(container: MedusaContainer, input: VoidCardInput) {
  let uid: string
  try {
    uid = normalizeCardUid(input.card_uid)
  } catch (err) {
    throw new TillError("invalid", (err as Error).message)
  }
  return container
    .resolve<Locking>(Modules.LOCKING)
    .execute(`cashless-void-card:${uid}`, async () => (await voidCardWorkflow(container).run({ input })).result, { timeout: 30 })
}
