import { Link } from "react-router-dom"
import { useI18n } from "../../lib/till/i18n-context"
import type { ServerState } from "../../lib/till/server-health"
import { LanguageToggle } from "./language-toggle"
import { ReaderPill, ServerPill } from "./status-pills"

export type TillMode = "sell" | "top_up" | "refund" | "void" | "check" | "close"

const MODES: TillMode[] = ["sell", "top_up", "refund", "void", "check", "close"]

const navButton = (active: boolean) =>
  `focus-visible:shadow-borders-focus rounded-lg px-4 py-3 text-base font-semibold outline-none ${
    active ? "bg-ui-button-inverted text-ui-contrast-fg-primary" : "bg-ui-bg-base text-ui-fg-base hover:bg-ui-bg-base-hover border"
  }`

/** Always on screen: where we are, the reader and the server, the language, and the till's actions. */
export const TillHeader = ({
  posName,
  server,
  mode,
  onMode,
  onChangePos,
  onReaderSettings,
}: {
  posName: string | null
  server: ServerState
  mode: TillMode | null
  onMode: (mode: TillMode) => void
  onChangePos: (() => void) | null
  onReaderSettings: () => void
}) => {
  const { t } = useI18n()
  return (
    <header className="bg-ui-bg-base flex flex-col gap-3 border-b px-4 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <Link to="/cashless" className="text-ui-fg-base focus-visible:shadow-borders-focus rounded-md border px-3 py-2 text-base font-medium outline-none">
          {t("back_to_admin")}
        </Link>
        <h1 className="text-2xl font-bold">{posName ? t("till_of", { pos: posName }) : t("till")}</h1>
        {onChangePos && (
          <button type="button" onClick={onChangePos} className="text-ui-fg-interactive focus-visible:shadow-borders-focus rounded-md px-2 py-1 text-base underline outline-none">
            {t("pos_change")}
          </button>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ServerPill state={server} />
          <button type="button" onClick={onReaderSettings} className="focus-visible:shadow-borders-focus rounded-full outline-none">
            <span className="sr-only">{t("reader_settings_open")}: </span>
            <ReaderPill />
          </button>
          <LanguageToggle />
        </div>
      </div>
      {mode && (
        <nav aria-label={t("till_actions")} className="flex flex-wrap gap-2">
          {MODES.map((m) => (
            <button key={m} type="button" className={navButton(mode === m)} aria-current={mode === m ? "page" : undefined} onClick={() => onMode(m)}>
              {t(`mode_${m}`)}
            </button>
          ))}
        </nav>
      )}
    </header>
  )
}
