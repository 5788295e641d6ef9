import { Button, Input, Label, RadioGroup, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { useI18n } from "../../lib/till/i18n-context"
import { type ReaderSource, useReader } from "../../lib/till/reader-context"
import { DEFAULT_READER_URL, readerUrlOrNull } from "../../lib/till/reader-protocol"
import { LiveMessage, Panel } from "./panel"
import { ReaderPill } from "./status-pills"

/**
 * Where the till gets its cards: the reader agent on this computer (its address), or the
 * readers paired to the point of sale, through the server (a tablet). Kept in this browser.
 */
export const ReaderSettings = ({ onDone }: { onDone: () => void }) => {
  const { t } = useI18n()
  const { url, setUrl, source, setSource } = useReader()
  const id = useId()
  const [text, setText] = useState(url)
  const [choice, setChoice] = useState<ReaderSource>(source)
  const [error, setError] = useState<string | null>(null)
  return (
    <Panel title={t("reader_settings_title")} onEscape={onDone} testId="reader-settings">
      <Text className="text-lg">{choice === "local" ? t("reader_settings_explain") : t("reader_source_remote_explain")}</Text>
      <ReaderPill />
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          if (choice === "remote") {
            setSource("remote")
            return onDone()
          }
          const next = readerUrlOrNull(text)
          if (!next) return setError(t("reader_url_invalid"))
          setError(null)
          setUrl(next)
          setSource("local")
          onDone()
        }}
      >
        <fieldset className="flex flex-col gap-y-2">
          <legend className="txt-compact-small-plus mb-2">{t("reader_source")}</legend>
          <RadioGroup value={choice} onValueChange={(v) => setChoice(v === "remote" ? "remote" : "local")}>
            {(["local", "remote"] as const).map((value) => (
              <div key={value} className="flex items-center gap-x-3">
                <RadioGroup.Item value={value} id={`${id}-${value}`} />
                <Label htmlFor={`${id}-${value}`} className="text-base">
                  {t(value === "local" ? "reader_source_local" : "reader_source_remote")}
                </Label>
              </div>
            ))}
          </RadioGroup>
        </fieldset>
        {choice === "local" && (
          <div className="flex flex-col gap-y-2">
            <Label htmlFor={id}>{t("reader_url")}</Label>
            <Input id={id} value={text} onChange={(e) => setText(e.target.value)} className="h-12 font-mono text-lg" autoComplete="off" spellCheck={false} />
          </div>
        )}
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <div className="grid grid-cols-3 gap-3 [&>*]:w-full">
          {choice === "local" ? (
            <Button type="button" variant="secondary" size="large" onClick={() => setText(DEFAULT_READER_URL)}>
              {t("reader_url_default")}
            </Button>
          ) : (
            <span />
          )}
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
