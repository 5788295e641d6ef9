import { useEffect, useState } from "react"
import { useI18n } from "../../lib/till/i18n-context"
import { useReader } from "../../lib/till/reader-context"
import { onlineCount } from "../../lib/till/remote-readers"
import type { ServerState } from "../../lib/till/server-health"

type Tone = "green" | "orange" | "red" | "grey"

const TONE: Record<Tone, string> = {
  green: "border-ui-tag-green-border bg-ui-tag-green-bg text-ui-tag-green-text",
  orange: "border-ui-tag-orange-border bg-ui-tag-orange-bg text-ui-tag-orange-text",
  red: "border-ui-tag-red-border bg-ui-tag-red-bg text-ui-tag-red-text",
  grey: "border-ui-tag-neutral-border bg-ui-tag-neutral-bg text-ui-tag-neutral-text",
}

const DOT: Record<Tone, string> = { green: "bg-ui-tag-green-icon", orange: "bg-ui-tag-orange-icon", red: "bg-ui-tag-red-icon", grey: "bg-ui-tag-neutral-icon" }

/** A state in words and colour; the words carry it alone for those who do not see the colour. */
export const Pill = ({ tone, children, testId }: { tone: Tone; children: string; testId?: string }) => (
  <span data-testid={testId} data-tone={tone} className={`inline-flex items-center gap-x-2 rounded-full border px-3 py-1 text-sm font-medium ${TONE[tone]}`}>
    <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${DOT[tone]}`} />
    {children}
  </span>
)

/** The paired readers of the point of sale, through the server (remote mode). */
const RemoteReaderPill = () => {
  const { t } = useI18n()
  const { remote } = useReader()
  // A reader that stops sending goes offline 90 s after it was last seen, without any event.
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000)
    return () => clearInterval(timer)
  }, [])
  if (!remote) return <Pill tone="grey" testId="reader-status">{t("remote_no_pos")}</Pill>
  if (remote.kind === "connecting") return <Pill tone="grey" testId="reader-status">{t("remote_connecting")}</Pill>
  if (remote.kind === "unreachable") return <Pill tone="red" testId="reader-status">{t("remote_unreachable")}</Pill>
  const online = onlineCount(remote.devices, Math.max(now, Date.now()))
  return online ? (
    <Pill tone="green" testId="reader-status">{t("remote_online", { count: online })}</Pill>
  ) : (
    <Pill tone="orange" testId="reader-status">{t("remote_none")}</Pill>
  )
}

export const ReaderPill = () => {
  const { source } = useReader()
  return source === "remote" ? <RemoteReaderPill /> : <LocalReaderPill />
}

/** The reader agent on this computer (local mode). */
const LocalReaderPill = () => {
  const { t } = useI18n()
  const { state } = useReader()
  if (state.kind === "connecting") return <Pill tone="grey" testId="reader-status">{t("reader_connecting")}</Pill>
  if (state.kind === "unreachable") return <Pill tone="red" testId="reader-status">{t("reader_unreachable")}</Pill>
  if (state.pcsc === "down") return <Pill tone="red" testId="reader-status">{t("reader_pcsc_down")}</Pill>
  if (state.pcsc === "ok" && state.readers.length === 0) return <Pill tone="orange" testId="reader-status">{t("reader_none")}</Pill>
  return (
    <Pill tone="green" testId="reader-status">
      {state.readers.length ? t("reader_ready", { readers: state.readers.join(", ") }) : t("reader_connected")}
    </Pill>
  )
}

export const ServerPill = ({ state }: { state: ServerState }) => {
  const { t } = useI18n()
  const [tone, text]: [Tone, string] =
    state === "ok"
      ? ["green", t("server_ok")]
      : state === "unreachable"
        ? ["red", t("server_unreachable")]
        : state === "logged_out"
          ? ["orange", t("server_logged_out")]
          : ["grey", t("server_checking")]
  return <Pill tone={tone} testId="server-status">{text}</Pill>
}
