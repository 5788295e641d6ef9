import { Button } from "@medusajs/ui"
import { useCallback, useEffect, useReducer, useRef, useState } from "react"
import type { SaleBody, SaleReceipt, TenderKind, TillCatalog, WalletShortBody } from "../../../types/http/till"
import { newIdempotencyKey } from "../../lib/idempotency"
import { basketLines, basketNeedsCard, basketReducer, basketTotal } from "../../lib/till/basket"
import { messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import type { PendingCharge } from "../../lib/till/pending-charges"
import { browserChargeStore, useChargeRunner } from "../../lib/till/use-charge"
import { BasketPanel } from "./basket-panel"
import { CardWait } from "./card-wait"
import { ChargeProgress } from "./charge-progress"
import { LiveMessage, Panel } from "./panel"
import { ProductGrid } from "./product-grid"
import { ReceiptPanel } from "./receipt-panel"
import { SplitPanel } from "./split-panel"
import { TenderConfirm } from "./tender-confirm"

type Short = { key: string; uid: string; lines: SaleBody["lines"]; display: PendingCharge["display"]; short: WalletShortBody }

type Step =
  | { kind: "basket" }
  | { kind: "confirm_tender"; tender: "cash" | "card_terminal" }
  | { kind: "wait_card"; tender: TenderKind }
  | { kind: "charging"; charge: PendingCharge }
  | ({ kind: "short"; error?: string } & Short)
  | ({ kind: "second_card" } & Short)
  | { kind: "receipt"; receipt: SaleReceipt }
  | { kind: "refused"; message: string }

/** The sale: grid and basket, then the card (or cash), then the receipt; a short wallet is split. */
export const SellScreen = ({ posId, catalog }: { posId: string; catalog: TillCatalog }) => {
  const { t, lang } = useI18n()
  const [items, dispatch] = useReducer(basketReducer, [])
  const [step, setStep] = useState<Step>({ kind: "basket" })
  const { view, run } = useChargeRunner()
  const lastShort = useRef<Short | null>(null)
  const currency = catalog.point_of_sale.currency_code
  const tenders = catalog.point_of_sale.tenders
  const total = basketTotal(items)
  const money = (minor: number) => formatAmount(minor, currency, lang)

  const charge = useCallback(
    async (pending: PendingCharge) => {
      setStep({ kind: "charging", charge: pending })
      const result = await run<SaleReceipt>(pending)
      if (result.decision === "cancelled" || result.decision === "logged_out") return
      const body = pending.body as SaleBody
      const isSplit = !!body.tenders?.length && !!lastShort.current && lastShort.current.key === pending.key
      if (result.decision === "done") {
        lastShort.current = null
        dispatch({ type: "clear" })
        setStep({ kind: "receipt", receipt: result.outcome.body as SaleReceipt })
        return
      }
      if (result.decision === "wallet_short" && !isSplit && body.card_uid) {
        const short: Short = { key: pending.key, uid: body.card_uid, lines: body.lines, display: pending.display, short: result.outcome.body as WalletShortBody }
        lastShort.current = short
        setStep({ kind: "short", ...short })
        return
      }
      const message = messageOf(result.outcome, t("charge_refused"))
      if (isSplit && lastShort.current) setStep({ kind: "short", ...lastShort.current, error: message })
      else setStep({ kind: "refused", message })
    },
    [run, t]
  )

  // A charge left unanswered (the page was reloaded, the server was away) is sent again first.
  // Once per screen: a language switch re-creates the callbacks, and must not start a second sender.
  const resumed = useRef(false)
  useEffect(() => {
    if (resumed.current) return
    resumed.current = true
    const left = browserChargeStore()
      .forPointOfSale(posId)
      .find((c) => c.kind === "sale")
    if (left) void charge(left)
  }, [posId, charge])

  const newSale = (extra: Pick<SaleBody, "card_uid" | "tenders">): PendingCharge => ({
    key: newIdempotencyKey(),
    pos_id: posId,
    kind: "sale",
    path: `/admin/cashless/tills/${posId}/sales`,
    body: { lines: basketLines(items), ...extra } as Record<string, unknown>,
    display: { total, currency_code: currency, lines: items.map((i) => ({ title: i.title, quantity: i.quantity })) },
    created_at: new Date().toISOString(),
    attempts: 0,
  })
  // The key goes in the body only once it is chosen, so that the stored charge and the request agree.
  const withKey = (c: PendingCharge): PendingCharge => ({ ...c, body: { idempotency_key: c.key, ...c.body } })

  const onPay = (kind: TenderKind) => {
    if (kind === "wallet") setStep({ kind: "wait_card", tender: "wallet" })
    else setStep({ kind: "confirm_tender", tender: kind })
  }
  const onTenderConfirmed = (tender: "cash" | "card_terminal") => {
    // A membership needs a holder: the member's card is tapped, the money taken at the counter.
    if (basketNeedsCard(items)) setStep({ kind: "wait_card", tender })
    else void charge(withKey(newSale({ tenders: [{ kind: tender, amount: total }] })))
  }
  const onCard = (uid: string, tender: TenderKind) => {
    if (tender === "wallet") void charge(withKey(newSale({ card_uid: uid })))
    else void charge(withKey(newSale({ card_uid: uid, tenders: [{ kind: tender, amount: total }] })))
  }
  const completeSplit = (s: Short, rest: SaleBody["tenders"]) => {
    const paid = s.short.balance > 0 ? [{ kind: "wallet" as const, amount: s.short.balance, card_uid: s.uid }] : []
    void charge({
      key: s.key,
      pos_id: posId,
      kind: "sale",
      path: `/admin/cashless/tills/${posId}/sales`,
      body: { idempotency_key: s.key, card_uid: s.uid, lines: s.lines, tenders: [...paid, ...(rest ?? [])] },
      display: { ...s.display, total: s.short.total },
      created_at: new Date().toISOString(),
      attempts: 0,
    })
  }

  const overlay = (() => {
    switch (step.kind) {
      case "basket":
        return null
      case "confirm_tender":
        return <TenderConfirm kind={step.tender} total={total} currencyCode={currency} onConfirm={() => onTenderConfirmed(step.tender)} onCancel={() => setStep({ kind: "basket" })} />
      case "wait_card":
        return (
          <CardWait
            title={step.tender === "wallet" ? t("wait_card_title") : t("wait_member_card_title")}
            amount={money(total)}
            note={t("member_prices_note")}
            prompt={step.tender === "wallet" ? undefined : t("tap_member_card")}
            onCard={(uid) => onCard(uid, step.tender)}
            onCancel={() => setStep({ kind: "basket" })}
          />
        )
      case "charging":
        return <ChargeProgress charge={step.charge} view={view} />
      case "short":
        return (
          <SplitPanel
            short={step.short}
            tenders={tenders}
            error={step.error}
            onRest={(kind) => completeSplit(step, [{ kind, amount: step.short.short_by }])}
            onSecondCard={() => setStep({ ...step, kind: "second_card" })}
            onCancel={() => {
              lastShort.current = null
              setStep({ kind: "basket" })
            }}
          />
        )
      case "second_card":
        return (
          <CardWait
            title={t("second_card_title")}
            amount={money(step.short.short_by)}
            prompt={t("tap_second_card")}
            onCard={(uid) =>
              uid === step.uid
                ? setStep({ ...step, kind: "short", error: t("second_card_same") })
                : completeSplit(step, [{ kind: "wallet", amount: step.short.short_by, card_uid: uid }])
            }
            onCancel={() => setStep({ ...step, kind: "short" })}
          />
        )
      case "receipt":
        return <ReceiptPanel receipt={step.receipt} onNext={() => setStep({ kind: "basket" })} />
      case "refused":
        return (
          <Panel title={t("charge_refused_title")} onEscape={() => setStep({ kind: "basket" })} testId="refused">
            <LiveMessage tone="error">{step.message}</LiveMessage>
            <Button size="xlarge" onClick={() => setStep({ kind: "basket" })}>
              {t("back_to_basket")}
            </Button>
          </Panel>
        )
    }
  })()

  if (overlay) return <div className="flex flex-1 items-start justify-center overflow-y-auto p-4">{overlay}</div>
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4 p-4 lg:flex-row">
      <ProductGrid catalog={catalog} onAdd={(item) => dispatch({ type: "add", item })} />
      <BasketPanel items={items} dispatch={dispatch} currencyCode={currency} tenders={tenders} onPay={onPay} />
    </div>
  )
}
