import { Button, Input, Label, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { useI18n } from "../../lib/till/i18n-context"
import { useReader } from "../../lib/till/reader-context"
import { DEFAULT_READER_URL, readerUrlOrNull } from "../../lib/till/reader-protocol"
import { LiveMessage, Panel } from "./panel"
import { ReaderPill } from "./status-pills"

/** Where the reader agent listens on this till computer; kept in this browser. */
export const ReaderSettings = ({ onDone }: { onDone: () => void }) => {
  const { t } = useI18n()
  const { url, setUrl } = useReader()
  const id = useId()
  const [text, setText] = useState(url)
  const [error, setError] = useState<string | null>(null)
  return (
    <Panel title={t("reader_settings_title")} onEscape={onDone} testId="reader-settings">
      <Text className="text-lg">{t("reader_settings_explain")}</Text>
      <ReaderPill />
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          const next = readerUrlOrNull(text)
          if (!next) return setError(t("reader_url_invalid"))
          setError(null)
          setUrl(next)
          onDone()
        }}
      >
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={id}>{t("reader_url")}</Label>
          <Input id={id} value={text} onChange={(e) => setText(e.target.value)} className="h-12 font-mono text-lg" autoComplete="off" spellCheck={false} />
        </div>
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <div className="grid grid-cols-3 gap-3 [&>*]:w-full">
          <Button type="button" variant="secondary" size="large" onClick={() => setText(DEFAULT_READER_URL)}>
            {t("reader_url_default")}
          </Button>
          <Button type="button" variant="secondary" size="large" onClick={onDone}>
            {t("cancel")}
          </Button>
          <Button type="submit" size="large">
            {t("save")}
          </Button>
        </div>
      </form>
    </Panel>
  )
}
