import { Link } from "react-router-dom"
import { useDoorWords } from "../../lib/door/use-door-words"
import { useI18n } from "../../lib/till/i18n-context"
import type { ServerState } from "../../lib/till/server-health"
import { LanguageToggle } from "../till/language-toggle"
import { ReaderPill, ServerPill } from "../till/status-pills"

/** Plain text on the base background: the admin's interactive blue is too pale for text (axe, 3.7:1). */
const linkButton = "text-ui-fg-base bg-ui-bg-base hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus rounded-md border px-3 py-2 text-base font-medium outline-none"

/** Where we are (door, event), the server and the reader, the language; the way to change door or event. */
export const DoorHeader = ({
  doorName,
  eventName,
  server,
  onChangeDoor,
  onChangeEvent,
  onReaderSettings,
}: {
  doorName: string | null
  eventName: string | null
  server: ServerState
  onChangeDoor: (() => void) | null
  onChangeEvent: (() => void) | null
  onReaderSettings: () => void
}) => {
  const { t } = useI18n()
  const { d } = useDoorWords()
  return (
    <header className="bg-ui-bg-base flex flex-wrap items-center gap-3 border-b px-4 py-3">
      <Link to="/cashless" className="text-ui-fg-base focus-visible:shadow-borders-focus rounded-md border px-3 py-2 text-base font-medium outline-none">
        {t("back_to_admin")}
      </Link>
      <h1 className="text-2xl font-bold">{doorName ? d("door_of", { door: doorName }) : d("door")}</h1>
      {eventName && (
        <p className="text-xl font-semibold" data-testid="door-event">
          {eventName}
        </p>
      )}
      <nav aria-label={d("door_actions")} className="flex flex-wrap gap-1">
        {onChangeDoor && (
          <button type="button" onClick={onChangeDoor} className={linkButton}>
            {d("door_change")}
          </button>
        )}
        {onChangeEvent && (
          <button type="button" onClick={onChangeEvent} className={linkButton}>
            {d("event_change")}
          </button>
        )}
      </nav>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <ServerPill state={server} />
        <button type="button" onClick={onReaderSettings} className="focus-visible:shadow-borders-focus rounded-full outline-none">
          <span className="sr-only">{t("reader_settings_open")}: </span>
          <ReaderPill />
        </button>
        <LanguageToggle />
      </div>
    </header>
  )
}
