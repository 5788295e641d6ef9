import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { normalizeCardUid } from "../../lib/card-uid"
import { generateQrToken } from "../../lib/qr-token"
import { pagedRows, raw } from "../../lib/sql"
import { cardName } from "./card-name"
import { CardError } from "./lib/errors"
import { cardEvents, findCard, findImport, lockCards, recordEvent, toCard, toImport, updateCard } from "./lib/card-store"
import { type ImportProblem, type ImportRow, planImport } from "./lib/import-plan"
import { CashlessCard, CashlessCardBatch, CashlessCardEvent, CashlessCardImport } from "./models"
import {
  type BindInput,
  type BindResult,
  type CardEventRecord,
  type CardFilters,
  type CardImportRecord,
  type CardModuleOptions,
  type CardRecord,
  type CardResetPrevious,
  type CardStatus,
  type ChangeStatusInput,
  DEFAULT_QR_URL,
  type ReplaceInput,
} from "./types"

const IMPORT_CHUNK = 500

export { cardName }

/**
 * The wallet a card gets on first use. Derived from the card, so two first taps make one; a card
 * voided and handed back is in its next generation, so its next holder starts from nothing.
 */
export const cardWalletId = (card: { id: string; wallet_generation?: number }) =>
  `cwal_card_${card.id.replace(/^ccard_/, "")}${card.wallet_generation ? `_g${card.wallet_generation}` : ""}`

/** Lost, blocked and replaced cards are refused, with what the cashier can say. */
export function refuseUnusable(card: CardRecord): void {
  const name = cardName(card)
  if (card.status === "lost") {
    throw CardError.unusable(`Card ${name} was declared lost: it cannot be used. Its money stays in its holder's wallet.`)
  }
  if (card.status === "blocked") throw CardError.unusable(`Card ${name} is blocked by staff: it cannot be used.`)
  if (card.status === "voided") throw CardError.unusable(`Card ${name} was replaced by another card: it cannot be used.`)
}

type TransactionContext = Context & { transactionManager?: unknown }

/** knex prefixes a database error with the whole statement: keep what the database said. */
function failureMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  const pgCode = (err as { code?: unknown } | null)?.code
  if (typeof pgCode === "string" && /^[0-9A-Z]{5}$/.test(pgCode) && message.includes(" - ")) {
    return message.slice(message.lastIndexOf(" - ") + 3)
  }
  return message
}

export default class CardModuleService extends MedusaService({
  CashlessCard,
  CashlessCardBatch,
  CashlessCardEvent,
  CashlessCardImport,
}) {
  protected readonly options_: Required<CardModuleOptions>
  protected baseRepository_: { getActiveManager(): { getKnex(): Knex } }

  constructor(deps: { baseRepository: unknown }, options: CardModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.baseRepository_ = deps.baseRepository as CardModuleService["baseRepository_"]
    this.options_ = {
      unknownCards: options.unknownCards === "register" ? "register" : "refuse",
      allowMultipleCards: options.allowMultipleCards === true,
      qrUrl: options.qrUrl || DEFAULT_QR_URL,
    }
  }

  get settings(): Readonly<Required<CardModuleOptions>> {
    return this.options_
  }

  qrUrlOf(token: string): string {
    return this.options_.qrUrl.replace("{token}", encodeURIComponent(token))
  }

  // ---------------------------------------------------------------- reads

  async retrieveCard(id: string, @MedusaContext() ctx: Context = {}): Promise<CardRecord> {
    const card = await this.transact_((trx) => findCard(trx, "id", id), ctx)
    if (!card) throw CardError.notFound(`Card ${id} not found.`)
    return card
  }

  async findCardByUid(uid: string, @MedusaContext() ctx: Context = {}): Promise<CardRecord | null> {
    const normalized = this.uid_(uid)
    return this.transact_((trx) => findCard(trx, "uid", normalized), ctx)
  }

  async findCardByQrToken(token: string, @MedusaContext() ctx: Context = {}): Promise<CardRecord | null> {
    return this.transact_((trx) => findCard(trx, "qr_token", token), ctx)
  }

  async listCardRecords(
    filters: CardFilters = {},
    @MedusaContext() ctx: Context = {}
  ): Promise<{ cards: CardRecord[]; count: number }> {
    const limit = Math.min(Math.max(filters.limit ?? 20, 1), 500)
    const offset = Math.max(filters.offset ?? 0, 0)
    const where: string[] = ["c.deleted_at is null"]
    const bindings: unknown[] = []
    if (filters.status) {
      where.push("c.status = ?")
      bindings.push(filters.status)
    }
    if (filters.batch_id) {
      where.push("c.batch_id = ?")
      bindings.push(filters.batch_id)
    }
    const q = filters.q?.trim()
    if (q || filters.customer_ids) {
      const or: string[] = []
      if (q) {
        let uid: string | null = null
        try {
          uid = normalizeCardUid(q)
        } catch {
          uid = null
        }
        or.push("c.printed_number ilike ?", "c.uid like ?")
        bindings.push(`%${q.replace(/[\\%_]/g, "\\$&")}%`, `%${(uid ?? q).toUpperCase().replace(/[\s:-]/g, "").replace(/[\\%_]/g, "\\$&")}%`)
      }
      if (filters.customer_ids?.length) {
        or.push("c.customer_id = any(?)")
        bindings.push(filters.customer_ids)
      }
      where.push(or.length ? `(${or.join(" or ")})` : "false")
    }
    return this.transact_(async (trx) => {
      const { rows, count } = await pagedRows(
        trx,
        {
          columns: `c.id, c.uid, c.printed_number, c.qr_token, c.status, c.wallet_id, c.customer_id, c.batch_id,
                    b.name as batch_name, c.activated_at, c.bound_at, c.created_at`,
          from: "cashless_card c left join cashless_card_batch b on b.id = c.batch_id",
          where: where.join(" and "),
          orderBy: "c.printed_number nulls last, c.created_at, c.id",
        },
        bindings,
        limit,
        offset
      )
      return { cards: rows.map(toCard), count }
    }, ctx)
  }

  /** The cards whose wallet these are (an anonymous card's membership is held by its wallet). */
  async cardsByWallets(walletIds: string[], @MedusaContext() ctx: Context = {}): Promise<CardRecord[]> {
    if (!walletIds.length) return []
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select c.*, b.name as batch_name from cashless_card c left join cashless_card_batch b on b.id = c.batch_id
          where c.wallet_id = any(?) and c.deleted_at is null`,
        [walletIds]
      )
      return rows.map(toCard)
    }, ctx)
  }

  async listCardEvents(cardId: string, @MedusaContext() ctx: Context = {}): Promise<CardEventRecord[]> {
    return this.transact_((trx) => cardEvents(trx, cardId), ctx)
  }

  async listBatchRecords(
    @MedusaContext() ctx: Context = {}
  ): Promise<Array<{ id: string; name: string; card_count: number; created_by: string | null; created_at: string }>> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select id, name, card_count, created_by, created_at from cashless_card_batch
          where deleted_at is null order by created_at desc limit 500`
      )
      return rows.map((r: Record<string, unknown>) => ({
        id: String(r.id),
        name: String(r.name),
        card_count: Number(r.card_count),
        created_by: (r.created_by as string | null) ?? null,
        created_at: new Date(r.created_at as string).toISOString(),
      }))
    }, ctx)
  }

  /** Every card of a batch, in printed-number order, for the printer's CSV. */
  async batchCardRecords(batchId: string, @MedusaContext() ctx: Context = {}): Promise<CardRecord[]> {
    return this.transact_(async (trx) => {
      const { rows: batch } = await raw(trx, `select id from cashless_card_batch where id = ? and deleted_at is null`, [batchId])
      if (!batch.length) throw CardError.notFound(`Batch ${batchId} not found.`)
      const { rows } = await raw(
        trx,
        `select c.*, b.name as batch_name from cashless_card c join cashless_card_batch b on b.id = c.batch_id
          where c.batch_id = ? and c.deleted_at is null order by c.printed_number, c.id`,
        [batchId]
      )
      return rows.map(toCard)
    }, ctx)
  }

  // ---------------------------------------------------------------- use at a till

  /**
   * The card a reader read, if it may be used: unknown cards are refused or registered
   * (plugin option `unknownCards`), lost, blocked and replaced cards are refused.
   */
  async resolveCardForUse(
    uid: string,
    actor: string | null = null,
    @MedusaContext() ctx: Context = {}
  ): Promise<CardRecord> {
    const normalized = this.uid_(uid)
    return this.transact_(async (trx) => {
      let card = await findCard(trx, "uid", normalized)
      if (!card) {
        if (this.options_.unknownCards !== "register") throw CardError.notRegistered(normalized)
        const id = generateEntityId(undefined, "ccard")
        const { rows } = await raw(
          trx,
          `insert into cashless_card (id, uid, qr_token, status) values (?, ?, ?, 'new')
           on conflict (uid) do nothing returning id`,
          [id, normalized, generateQrToken()]
        )
        if (rows.length) {
          await recordEvent(trx, { card_id: id, action: "registered", from_status: null, to_status: "new", actor, reason: "unknown card tapped (auto-register)" })
        }
        card = await findCard(trx, "uid", normalized)
        if (!card) throw new Error(`card ${normalized} vanished after registering`)
      }
      refuseUnusable(card)
      return card
    }, ctx)
  }

  /**
   * Gives a card its wallet on first use. Only the first of simultaneous taps sets it (the
   * row is updated where it has none); every tap then reads the same wallet.
   */
  async attachWallet(
    cardId: string,
    walletId: string,
    actor: string | null = null,
    @MedusaContext() ctx: Context = {}
  ): Promise<CardRecord> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `update cashless_card set wallet_id = ?, status = case when status = 'new' then 'active' else status end,
                activated_at = coalesce(activated_at, now()), updated_at = now()
          where id = ? and wallet_id is null and deleted_at is null returning status`,
        [walletId, cardId]
      )
      if (rows.length && rows[0].status === "active") {
        await recordEvent(trx, { card_id: cardId, action: "activated", from_status: "new", to_status: "active", actor, reason: "first use", data: { wallet_id: walletId } })
      }
      const card = await findCard(trx, "id", cardId)
      if (!card) throw CardError.notFound(`Card ${cardId} not found.`)
      return card
    }, ctx)
  }

  // ---------------------------------------------------------------- binding

  /**
   * Binds a card to a customer: the card then pays from the customer's wallet. Under the
   * locks of the card and of the customer's other cards (in id order): a claim must name the
   * card's QR token and printed number, an unusable card or one bound to someone else is
   * refused, and so is a second card when the operator allows one only, or when the
   * customer's wallet holds money (anti-theft).
   */
  async bindCard(input: BindInput, @MedusaContext() ctx: Context = {}): Promise<BindResult> {
    return this.transact_(async (trx) => {
      let target: CardRecord | null
      if (input.card_id) {
        target = await findCard(trx, "id", input.card_id)
        if (!target) throw CardError.notFound(`Card ${input.card_id} not found.`)
      } else {
        target = input.qr_token ? await findCard(trx, "qr_token", input.qr_token) : null
        // The same answer for an unknown token and a wrong number: neither tells which is wrong.
        if (!target || !input.printed_number || target.printed_number !== input.printed_number.trim()) {
          throw CardError.claimMismatch()
        }
      }
      const locked = await lockCards(trx, `c.id = ? or (c.customer_id = ? and c.status = 'active')`, [
        target.id,
        input.customer_id,
      ])
      const card = locked.find((c) => c.id === target!.id)!
      const previous = { status: card.status, wallet_id: card.wallet_id, customer_id: card.customer_id, bound_at: card.bound_at }
      if (card.customer_id === input.customer_id && card.wallet_id === input.customer_wallet_id) {
        return { card, previous_wallet_id: null, changed: false, previous }
      }
      refuseUnusable(card)
      if (card.customer_id && card.customer_id !== input.customer_id) throw CardError.alreadyBound()
      const other = locked.find((c) => c.id !== card.id && c.customer_id === input.customer_id)
      if (other) {
        if (!this.options_.allowMultipleCards) throw CardError.cardLimit(cardName(other))
        if (input.holder_has_balance) throw CardError.antiTheft(cardName(other))
      }
      const now = new Date().toISOString()
      await updateCard(trx, card.id, {
        customer_id: input.customer_id,
        wallet_id: input.customer_wallet_id,
        status: "active",
        bound_at: now,
        activated_at: card.activated_at ?? now,
      })
      await recordEvent(trx, {
        card_id: card.id,
        action: "bound",
        from_status: card.status,
        to_status: "active",
        actor: input.actor,
        data: { customer_id: input.customer_id, wallet_id: input.customer_wallet_id, previous_wallet_id: card.wallet_id },
      })
      const bound = (await findCard(trx, "id", card.id))!
      return { card: bound, previous_wallet_id: card.wallet_id, changed: true, previous }
    }, ctx)
  }

  /** Compensation of `bindCard`: the card goes back to what it was, and the log says so. */
  async restoreBinding(
    cardId: string,
    previous: BindResult["previous"],
    @MedusaContext() ctx: Context = {}
  ): Promise<void> {
    await this.transact_(async (trx) => {
      const [card] = await lockCards(trx, "c.id = ?", [cardId])
      if (!card) return
      await updateCard(trx, cardId, previous)
      await recordEvent(trx, { card_id: cardId, action: "binding_undone", from_status: card.status, to_status: previous.status, actor: "system:workflow", reason: "the binding could not complete" })
    }, ctx)
  }

  // ---------------------------------------------------------------- status changes

  /**
   * Lost, blocked, unblocked. Asking for the state the card is already in changes nothing
   * (a retried request is harmless). Answers the previous status, for compensation.
   */
  async changeCardStatus(
    input: ChangeStatusInput,
    @MedusaContext() ctx: Context = {}
  ): Promise<{ card: CardRecord; previous_status: CardStatus; changed: boolean }> {
    return this.transact_(async (trx) => {
      const [card] = await lockCards(trx, "c.id = ?", [input.card_id])
      if (!card || (input.customer_id !== undefined && card.customer_id !== input.customer_id)) {
        throw CardError.notFound(`Card ${input.card_id} not found.`)
      }
      const name = cardName(card)
      let next: CardStatus
      switch (input.action) {
        case "lost":
          if (card.status === "voided") throw CardError.unusable(`Card ${name} was replaced: it is no longer in use.`)
          next = "lost"
          break
        case "block":
          if (card.status === "voided" || card.status === "lost") {
            throw CardError.unusable(`Card ${name} is ${card.status}: there is nothing to block.`)
          }
          next = "blocked"
          break
        case "unblock":
          if (card.status === "voided") throw CardError.unusable(`Card ${name} was replaced: it cannot be used again.`)
          next = card.status === "blocked" || card.status === "lost" ? (card.wallet_id ? "active" : "new") : card.status
          break
      }
      if (input.action !== "lost" && !input.reason?.trim()) {
        throw CardError.invalid("A reason is required: it is kept in the card's log.")
      }
      if (next === card.status) return { card, previous_status: card.status, changed: false }
      await updateCard(trx, card.id, { status: next })
      await recordEvent(trx, { card_id: card.id, action: input.action === "lost" ? "declared_lost" : input.action === "block" ? "blocked" : "unblocked", from_status: card.status, to_status: next, actor: input.actor, reason: input.reason })
      return { card: (await findCard(trx, "id", card.id))!, previous_status: card.status, changed: true }
    }, ctx)
  }

  /** Compensation of a status change. */
  async restoreStatus(cardId: string, status: CardStatus, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_(async (trx) => {
      const [card] = await lockCards(trx, "c.id = ?", [cardId])
      if (!card || card.status === status) return
      await updateCard(trx, cardId, { status })
      await recordEvent(trx, { card_id: cardId, action: "status_undone", from_status: card.status, to_status: status, actor: "system:workflow" })
    }, ctx)
  }

  /**
   * A new card takes over an old one's wallet and holder; the old card is voided. For an
   * anonymous card, whoever asks must show what is printed on it: its number and QR token.
   */
  async replaceCard(
    input: ReplaceInput,
    @MedusaContext() ctx: Context = {}
  ): Promise<{ old_card: CardRecord; new_card: CardRecord; changed: boolean }> {
    const newUid = this.uid_(input.new_card_uid)
    return this.transact_(async (trx) => {
      const found = await findCard(trx, "uid", newUid)
      if (!found) throw CardError.notRegistered(newUid)
      const locked = await lockCards(trx, "c.id = ? or c.id = ?", [input.card_id, found.id])
      const old = locked.find((c) => c.id === input.card_id)
      const fresh = locked.find((c) => c.id === found.id)!
      if (!old) throw CardError.notFound(`Card ${input.card_id} not found.`)
      if (old.id === fresh.id) throw CardError.invalid("The replacement is the same card.")
      // Retried after it succeeded: the new card already carries the old one's wallet.
      if (old.status === "voided" && fresh.wallet_id && fresh.wallet_id === old.wallet_id) {
        return { old_card: old, new_card: fresh, changed: false }
      }
      if (old.status === "voided") throw CardError.unusable(`Card ${cardName(old)} was already replaced.`)
      if (!old.customer_id) {
        const proven =
          !!input.printed_number && !!input.qr_token &&
          old.printed_number === input.printed_number.trim() && old.qr_token === input.qr_token.trim()
        if (!proven) {
          throw CardError.invalid(
            `Card ${cardName(old)} is anonymous: its printed number and QR token, as printed on it, are needed to move its money.`
          )
        }
      }
      if (fresh.status !== "new" || fresh.wallet_id || fresh.customer_id) {
        throw CardError.invalid(`Card ${cardName(fresh)} is already in use (${fresh.status}): take a new card for a replacement.`)
      }
      const now = new Date().toISOString()
      await updateCard(trx, fresh.id, {
        wallet_id: old.wallet_id,
        customer_id: old.customer_id,
        status: "active",
        activated_at: now,
        bound_at: old.customer_id ? now : null,
      })
      await updateCard(trx, old.id, { status: "voided" })
      await recordEvent(trx, { card_id: old.id, action: "replaced", from_status: old.status, to_status: "voided", actor: input.actor, reason: input.reason, data: { replaced_by: fresh.id, replaced_by_name: cardName(fresh) } })
      await recordEvent(trx, { card_id: fresh.id, action: "replacement", from_status: fresh.status, to_status: "active", actor: input.actor, reason: input.reason, data: { replaces: old.id, replaces_name: cardName(old), wallet_id: old.wallet_id } })
      return {
        old_card: (await findCard(trx, "id", old.id))!,
        new_card: (await findCard(trx, "id", fresh.id))!,
        changed: true,
      }
    }, ctx)
  }

  /**
   * A card handed back becomes blank: no holder, no wallet, status new, in its next wallet
   * generation. `wallet_id` is the wallet the caller emptied or detached: a card no longer paying
   * from it was reset already (a retry) and is left alone. Lost, blocked and replaced cards are
   * refused: they are dealt with on the card's page first.
   */
  async resetCard(
    input: { card_id: string; wallet_id: string; actor: string | null; reason: string; void_key: string },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ card: CardRecord; previous: CardResetPrevious; changed: boolean }> {
    return this.transact_(async (trx) => {
      const [card] = await lockCards(trx, "c.id = ?", [input.card_id])
      if (!card) throw CardError.notFound(`Card ${input.card_id} not found.`)
      const previous: CardResetPrevious = {
        status: card.status,
        wallet_id: card.wallet_id,
        customer_id: card.customer_id,
        activated_at: card.activated_at,
        bound_at: card.bound_at,
        wallet_generation: card.wallet_generation,
      }
      if (card.wallet_id !== input.wallet_id) return { card, previous, changed: false }
      refuseUnusable(card)
      await updateCard(trx, card.id, {
        status: "new",
        wallet_id: null,
        customer_id: null,
        activated_at: null,
        bound_at: null,
        wallet_generation: card.wallet_generation + 1,
      })
      await recordEvent(trx, {
        card_id: card.id,
        action: "reset_to_blank",
        from_status: card.status,
        to_status: "new",
        actor: input.actor,
        reason: input.reason,
        data: { wallet_id: card.wallet_id, customer_id: card.customer_id, void_key: input.void_key },
      })
      return { card: (await findCard(trx, "id", card.id))!, previous, changed: true }
    }, ctx)
  }

  /** What the reset made under this void's key left behind, when the card was reset by it (a retry after a crash). */
  async resetByKey(cardId: string, voidKey: string, @MedusaContext() ctx: Context = {}): Promise<{ wallet_id: string; customer_id: string | null } | null> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select data from cashless_card_event where card_id = ? and action = 'reset_to_blank' and data->>'void_key' = ? limit 1`,
        [cardId, voidKey]
      )
      const data = rows[0]?.data as { wallet_id?: string; customer_id?: string | null } | undefined
      return data?.wallet_id ? { wallet_id: data.wallet_id, customer_id: data.customer_id ?? null } : null
    }, ctx)
  }

  /** Compensation of `resetCard`, unless the blank card was used again meanwhile. */
  async restoreReset(cardId: string, previous: CardResetPrevious, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_(async (trx) => {
      const [card] = await lockCards(trx, "c.id = ?", [cardId])
      if (!card || card.wallet_id || card.wallet_generation !== previous.wallet_generation + 1) return
      await updateCard(trx, cardId, previous)
      await recordEvent(trx, { card_id: cardId, action: "void_undone", from_status: card.status, to_status: previous.status, actor: "system:workflow", reason: "the void could not complete" })
    }, ctx)
  }

  // ---------------------------------------------------------------- batch import

  /** The import of this key, created when new. A key reused with another file is refused. */
  async startImport(
    input: { idempotency_key: string; batch_name: string; csv: string; actor?: string | null },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ import: CardImportRecord; created: boolean }> {
    const fingerprint = createHash("sha256").update(`${input.batch_name}\u0000${input.csv}`).digest("hex")
    const key = input.idempotency_key
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `insert into cashless_card_import (id, idempotency_key, fingerprint, batch_name, status, created_by)
         values (?, ?, ?, ?, 'running', ?) on conflict (idempotency_key) do nothing returning *`,
        [generateEntityId(undefined, "cimp"), key, fingerprint, input.batch_name, input.actor ?? null]
      )
      if (rows.length) return { import: toImport(rows[0]), created: true }
      const { rows: existing } = await raw(trx, `select * from cashless_card_import where idempotency_key = ?`, [key])
      if (existing[0].fingerprint !== fingerprint) throw CardError.idempotencyConflict(key)
      return { import: toImport(existing[0]), created: false }
    }, ctx)
  }

  async retrieveImport(id: string, @MedusaContext() ctx: Context = {}): Promise<CardImportRecord> {
    const found = await this.transact_((trx) => findImport(trx, id), ctx)
    if (!found) throw CardError.notFound(`Import ${id} not found.`)
    return found
  }

  /**
   * Registers the cards of a CSV as one batch, in one transaction: bad lines are skipped and
   * reported, anything else rolls the whole import back. Counters are written outside the
   * transaction as chunks go, so that the admin page can show progress.
   */
  async runImport(importId: string, csv: string, actor: string | null = null): Promise<CardImportRecord> {
    const root = this.rootKnex_()
    const progress = (fields: Record<string, unknown>) =>
      raw(
        root,
        `update cashless_card_import set ${Object.keys(fields).map((k) => `"${k}" = ?`).join(", ")}, updated_at = now() where id = ?`,
        [...Object.values(fields), importId]
      )
    try {
      const current = await findImport(root, importId)
      if (!current) throw CardError.notFound(`Import ${importId} not found.`)
      if (current.status !== "running" || current.processed_rows > 0) return current
      let plan: ReturnType<typeof planImport>
      try {
        plan = planImport(csv)
      } catch (err) {
        if (err instanceof RangeError) throw CardError.invalid(err.message)
        throw err
      }
      await progress({ total_rows: plan.total, skipped_count: plan.problems.length })
      const { batchId, imported, problems } = await this.importRows_(current.batch_name, plan.rows, plan.problems, actor, progress)
      problems.sort((a, b) => a.line - b.line)
      await progress({
        status: "succeeded",
        batch_id: batchId,
        processed_rows: plan.total,
        imported_count: imported,
        skipped_count: problems.length,
        problems: JSON.stringify(problems),
        finished_at: new Date(),
      })
    } catch (err) {
      await progress({
        status: "failed",
        error: `The import was rolled back, no card was registered: ${failureMessage(err)}`,
        imported_count: 0,
        finished_at: new Date(),
      })
    }
    return (await findImport(root, importId))!
  }

  @InjectTransactionManager()
  protected async importRows_(
    batchName: string,
    rows: ImportRow[],
    planned: ImportProblem[],
    actor: string | null,
    progress: (fields: Record<string, unknown>) => Promise<unknown>,
    @MedusaContext() ctx: Context = {}
  ): Promise<{ batchId: string; imported: number; problems: ImportProblem[] }> {
    const trx = this.trxOf_(ctx)
    const batchId = generateEntityId(undefined, "cbatch")
    await raw(trx, `insert into cashless_card_batch (id, name, created_by, card_count) values (?, ?, ?, 0)`, [batchId, batchName, actor])
    const problems = [...planned]
    let imported = 0
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK)
      const ids = chunk.map(() => generateEntityId(undefined, "ccard"))
      const { rows: inserted } = await raw(
        trx,
        `insert into cashless_card (id, uid, printed_number, qr_token, status, batch_id)
         select t.id, t.uid, t.printed_number, t.qr_token, 'new', ?
           from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(id, uid, printed_number, qr_token)
         on conflict do nothing returning id, uid`,
        [batchId, ids, chunk.map((r) => r.uid), chunk.map((r) => r.printed_number), chunk.map((r) => r.qr_token)]
      )
      imported += inserted.length
      const done = new Set(inserted.map((r: { uid: string }) => r.uid))
      const rejected = chunk.filter((r) => !done.has(r.uid))
      if (rejected.length) problems.push(...(await this.explainConflicts_(trx, rejected)))
      if (inserted.length) {
        await raw(
          trx,
          `insert into cashless_card_event (id, card_id, action, from_status, to_status, actor, data)
           select 'ccev_' || substr(t.id, 7), t.id, 'registered', null, 'new', ?, ?::jsonb from unnest(?::text[]) as t(id)`,
          [actor, JSON.stringify({ batch_id: batchId, batch_name: batchName }), inserted.map((r: { id: string }) => r.id)]
        )
      }
      await progress({
        processed_rows: planned.length + start + chunk.length,
        imported_count: imported,
        skipped_count: problems.length,
      })
    }
    await raw(trx, `update cashless_card_batch set card_count = ? where id = ?`, [imported, batchId])
    return { batchId, imported, problems }
  }

  private async explainConflicts_(trx: Knex, rejected: ImportRow[]): Promise<ImportProblem[]> {
    const { rows } = await raw(
      trx,
      `select uid, printed_number from cashless_card
        where uid = any(?) or printed_number = any(?) or qr_token = any(?)`,
      [rejected.map((r) => r.uid), rejected.map((r) => r.printed_number), rejected.map((r) => r.qr_token)]
    )
    const byUid = new Set(rows.map((r: { uid: string }) => r.uid))
    const byNumber = new Set(rows.map((r: { printed_number: string | null }) => r.printed_number))
    return rejected.map((r) => ({
      line: r.line,
      uid: r.uid,
      reason: byUid.has(r.uid)
        ? "Duplicate UID: this card is already registered."
        : byNumber.has(r.printed_number)
          ? `Duplicate printed number ${r.printed_number}: another registered card carries it.`
          : "Duplicate QR token: another registered card carries it.",
    }))
  }

  // ---------------------------------------------------------------- helpers

  private uid_(uid: string): string {
    try {
      return normalizeCardUid(uid)
    } catch (err) {
      throw CardError.invalid((err as Error).message)
    }
  }

  private trxOf_(ctx: TransactionContext): Knex {
    const manager = ctx.transactionManager as { getTransactionContext(): Knex | undefined; getKnex(): Knex }
    return manager.getTransactionContext() ?? manager.getKnex()
  }

  /** Outside any transaction: what is written here is seen at once by other requests. */
  private rootKnex_(): Knex {
    return this.baseRepository_.getActiveManager().getKnex()
  }

  @InjectTransactionManager()
  protected async transact_<T>(work: (trx: Knex) => Promise<T>, @MedusaContext() ctx: Context = {}): Promise<T> {
    return work(this.trxOf_(ctx))
  }
}
