import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sessionQueryKey, useCatalog, useOpenSession, usePointsOfSale, useStaffMe } from "../../lib/till/api"
import { useI18n } from "../../lib/till/i18n-context"
import { useReader } from "../../lib/till/reader-context"
import { useServerHeartbeat } from "../../lib/till/server-health"
import { browserChargeStore } from "../../lib/till/use-charge"
import { ClosedSession } from "./closed-session"
import { CheckCardScreen } from "./check-card-screen"
import { CloseSessionScreen, type Closed } from "./close-session-screen"
import { OpenSession } from "./open-session"
import { LiveMessage, Panel } from "./panel"
import { PosPicker } from "./pos-picker"
import { ReaderSettings } from "./reader-settings"
import { RefundScreen } from "./refund-screen"
import { SellScreen } from "./sell-screen"
import { TillHeader, type TillMode } from "./till-header"
import { TopUpScreen } from "./top-up-screen"
import { VoidScreen } from "./void-screen"

const POS_KEY = "cashless.till.pos"

const storedPos = () => {
  try {
    return localStorage.getItem(POS_KEY)
  } catch {
    return null
  }
}

const Centered = ({ children }: { children: React.ReactNode }) => <div className="flex flex-1 items-start justify-center overflow-y-auto p-4">{children}</div>

/** The till, full screen over the admin: point of sale → session → sell, and the counter's other actions. */
export const TillScreen = () => {
  const { t, lang } = useI18n()
  const client = useQueryClient()
  const server = useServerHeartbeat()
  const me = useStaffMe()
  const points = usePointsOfSale()
  const [posId, setPosId] = useState<string | null>(storedPos)
  const [mode, setMode] = useState<TillMode>("sell")
  const [settings, setSettings] = useState(false)
  const [closed, setClosed] = useState<Closed | null>(null)

  const role = me.data?.me.role
  const options = (points.data?.points_of_sale ?? []).filter(
    (p) => !p.archived_at && (role !== "cashier" || me.data?.me.point_of_sale_ids.includes(p.id))
  )
  const pos = options.find((p) => p.id === posId) ?? (options.length === 1 ? options[0] : null)
  const catalog = useCatalog(pos?.id ?? "")
  const session = useOpenSession(pos?.id ?? "")

  // Remote readers are those of the point of sale this till sells at.
  const { setPointOfSale } = useReader()
  useEffect(() => setPointOfSale(pos?.id ?? null), [pos?.id, setPointOfSale])

  useEffect(() => {
    if (pos && pos.id !== posId) setPosId(pos.id)
    if (pos) localStorage.setItem(POS_KEY, pos.id)
  }, [pos, posId])

  // A top-up left unanswered by a reload is resumed on its own screen; sales resume on the sale screen.
  useEffect(() => {
    if (pos && browserChargeStore().forPointOfSale(pos.id).some((c) => c.kind === "top_up")) setMode("top_up")
  }, [pos])

  const ready = !!pos && !!session.data?.session && !!catalog.data && !closed
  const body = (() => {
    if (settings) return <Centered><ReaderSettings onDone={() => setSettings(false)} /></Centered>
    // A failed refetch keeps the data it had: the till goes on with it (the status bar says the server is away).
    if (!me.data || !points.data) {
      const failed = me.error ?? points.error
      return (
        <Centered>
          {failed ? (
            <Panel title={t("till")}>
              <LiveMessage tone="error">{failed.message || t("server_unreachable")}</LiveMessage>
            </Panel>
          ) : (
            <p role="status" className="text-xl">
              {t("loading")}
            </p>
          )}
        </Centered>
      )
    }
    if (!role) return <Centered><Panel title={t("till")}><LiveMessage tone="error">{t("no_role")}</LiveMessage></Panel></Centered>
    if (!pos) return <Centered><PosPicker options={options} onPick={setPosId} /></Centered>
    if (closed) return <Centered><ClosedSession closed={closed} onNext={() => setClosed(null)} /></Centered>
    if (!session.data || !catalog.data) {
      const failed = catalog.error ?? session.error
      return (
        <Centered>
          {failed ? (
            <Panel title={t("till")}>
              <LiveMessage tone="error">{failed.message || t("server_unreachable")}</LiveMessage>
            </Panel>
          ) : (
            <p role="status" className="text-xl">
              {t("loading")}
            </p>
          )}
        </Centered>
      )
    }
    const open = session.data.session
    if (!open) {
      return (
        <Centered>
          <OpenSession posId={pos.id} posName={pos.name} currencyCode={pos.currency_code} onOpened={() => void client.invalidateQueries({ queryKey: sessionQueryKey(pos.id) })} />
        </Centered>
      )
    }
    const cat = catalog.data
    const back = () => setMode("sell")
    switch (mode) {
      case "sell":
        return <SellScreen posId={pos.id} catalog={cat} />
      case "top_up":
        return <Centered><TopUpScreen posId={pos.id} currencyCode={pos.currency_code} tenders={cat.point_of_sale.tenders} onDone={back} /></Centered>
      case "refund":
        return <Centered><RefundScreen role={role} posId={pos.id} currencyCode={pos.currency_code} onDone={back} /></Centered>
      case "void":
        return <Centered><VoidScreen role={role} posId={pos.id} currencyCode={pos.currency_code} onDone={back} /></Centered>
      case "check":
        return <Centered><CheckCardScreen onDone={back} /></Centered>
      case "close":
        return (
          <Centered>
            <CloseSessionScreen
              role={role}
              posId={pos.id}
              session={open}
              onCancel={back}
              onClosed={(c) => {
                setClosed(c)
                setMode("sell")
                void client.invalidateQueries({ queryKey: sessionQueryKey(pos.id) })
              }}
            />
          </Centered>
        )
    }
  })()

  return (
    <div data-till="" lang={lang} className="bg-ui-bg-subtle text-ui-fg-base fixed inset-0 z-[60] flex flex-col overflow-hidden">
      <TillHeader
        posName={pos?.name ?? null}
        server={server}
        mode={ready && !settings ? mode : null}
        onMode={setMode}
        onChangePos={options.length > 1 && pos ? () => setPosId(null) : null}
        onReaderSettings={() => setSettings((s) => !s)}
      />
      {server === "unreachable" && (
        <div role="alert" className="bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border border-b px-4 py-2 text-lg font-semibold">
          {t("server_banner")}
        </div>
      )}
      {server === "logged_out" && (
        <div role="alert" className="bg-ui-tag-orange-bg text-ui-tag-orange-text border-ui-tag-orange-border border-b px-4 py-2 text-lg font-semibold">
          {t("logged_out_banner")}
        </div>
      )}
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">{body}</div>
    </div>
  )
}
