import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeCardUid } from "../../lib/card-uid"
import { withCardWallet } from "../../lib/card-wallet"
import { formatMinor } from "../../lib/money"
import { refundableAsset } from "../../lib/refund-sources"
import { CARD_MODULE } from "../../modules/card"
import type CardModuleService from "../../modules/card/service"
import { TILL_MODULE, TillError } from "../../modules/till"
import type { MovementRow } from "../../modules/till/lib/till-store"
import type TillModuleService from "../../modules/till/service"
import { WALLET_MODULE } from "../../modules/wallet"
import { requestHash } from "../../modules/wallet/lib/hash"
import { LedgerError } from "../../modules/wallet/lib/errors"
import type WalletModuleService from "../../modules/wallet/service"

export type TillMoneyInput = {
  kind: "top_up" | "refund"
  point_of_sale_id: string
  idempotency_key: string
  card_uid: string
  amount: number
  tender: "cash" | "card_terminal"
  done_by: string
}

type Prepared = {
  replay: MovementRow | null
  request_hash: string
  session_id: string
  currency_code: string
  asset_code: string
  card_id: string
  wallet_id: string
}

const prepareTillMoneyStep = createStep("cashless-prepare-till-money", async (input: TillMoneyInput, { container }) => {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  let uid: string
  try {
    uid = normalizeCardUid(input.card_uid)
  } catch (err) {
    throw new TillError("invalid", (err as Error).message)
  }
  const hash = requestHash({ ...input, card_uid: uid, done_by: undefined })
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
  if (input.kind === "refund" && input.tender !== "cash") throw new TillError("tender_not_accepted", "A refund at the till is paid in cash.")
  if (!((pos.tenders as unknown as string[] | null) ?? []).includes(input.tender)) {
    throw new TillError("tender_not_accepted", `${pos.name} does not take ${input.tender.replace("_", " ")} payments.`)
  }
  const asset = await refundableAsset(container, pos.currency_code)
  if (!asset) throw new TillError("invalid", `No refundable money in ${pos.currency_code.toUpperCase()} is configured.`)
  const card = await withCardWallet(container, await container.resolve<CardModuleService>(CARD_MODULE).resolveCardForUse(uid, input.done_by), input.done_by)
  if (input.kind === "refund") {
    const balances = (await container.resolve<WalletModuleService>(WALLET_MODULE).getBalances([card.wallet_id]))[card.wallet_id] ?? []
    const fiat = balances.find((b) => b.asset_code === asset.code)?.balance ?? 0
    if (fiat < input.amount) {
      throw LedgerError.insufficientFunds(
        `The card holds ${formatMinor(fiat, pos.currency_code)} of refundable money: refund at most that (gift credit is not refundable).`
      )
    }
  }
  return new StepResponse({
    replay: null,
    request_hash: hash,
    session_id: session.id,
    currency_code: pos.currency_code,
    asset_code: asset.code,
    card_id: card.id,
    wallet_id: card.wallet_id,
  } satisfies Prepared)
})

/** The ledger entry: money in from the drawer or terminal, or refundable money out to the drawer. */
const moveTillMoneyStep = createStep(
  "cashless-move-till-money",
  async ({ input, prepared }: { input: TillMoneyInput; prepared: Prepared }, { container }) => {
    if (prepared.replay) return new StepResponse(prepared.replay.entry_id, null as string | null)
    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    const common = {
      wallet_id: prepared.wallet_id,
      asset_code: prepared.asset_code,
      amount: input.amount,
      external_ref: `till:${input.point_of_sale_id} session:${prepared.session_id}`,
      actor: input.done_by,
    }
    const result =
      input.kind === "top_up"
        ? await wallets.credit({ ...common, source: input.tender === "cash" ? "cash_drawer" : "card_terminal", idempotency_key: `till-top-up:${input.idempotency_key}` })
        : await wallets.refund({ ...common, destination: "cash_drawer", reason: "cash refund at the till", idempotency_key: `till-refund:${input.idempotency_key}` })
    return new StepResponse(result.entry.id, result.replayed ? null : result.entry.id)
  },
  async (entryId: string | null | undefined, { container }) => {
    if (!entryId) return
    await container
      .resolve<WalletModuleService>(WALLET_MODULE)
      .reverse({ entry_id: entryId, idempotency_key: `${entryId}:compensation`, reason: "till operation not recorded", actor: "system:workflow" })
  }
)

const recordTillMoneyStep = createStep(
  "cashless-record-till-money",
  async ({ input, prepared, entry_id }: { input: TillMoneyInput; prepared: Prepared; entry_id: string | null }, { container }) => {
    const till = container.resolve<TillModuleService>(TILL_MODULE)
    if (prepared.replay) return new StepResponse({ movement: prepared.replay, replayed: true })
    const movement = await till.recordMovement({
      id: generateEntityId(undefined, "tmov"),
      idempotency_key: input.idempotency_key,
      request_hash: prepared.request_hash,
      session_id: prepared.session_id,
      point_of_sale_id: input.point_of_sale_id,
      kind: input.kind,
      tender: input.tender,
      currency_code: prepared.currency_code,
      amount: input.amount,
      card_id: prepared.card_id,
      wallet_id: prepared.wallet_id,
      entry_id,
      done_by: input.done_by,
      details: null,
    })
    return new StepResponse({ movement, replayed: false })
  }
)

/**
 * Money across the counter for a card: a top-up paid in cash or on the card terminal (cashier),
 * or refundable money given back in cash (manager). One ledger entry and one till movement, both
 * keyed by the cashier's idempotency key; counted in the session's Ticket Z.
 */
export const tillMoneyWorkflow = createWorkflow("cashless-till-money", (input: TillMoneyInput) => {
  const prepared = prepareTillMoneyStep(input)
  const entryId = moveTillMoneyStep(transform({ input, prepared }, (d) => d))
  return new WorkflowResponse(recordTillMoneyStep(transform({ input, prepared, entryId }, ({ input, prepared, entryId }) => ({ input, prepared, entry_id: entryId }))))
})
