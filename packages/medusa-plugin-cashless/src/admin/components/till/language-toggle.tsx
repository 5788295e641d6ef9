import type { Lang } from "../../lib/till/i18n"
import { useI18n } from "../../lib/till/i18n-context"

/** English / Français, for the till and the door: the choice is kept in this browser. */
export const LanguageToggle = () => {
  const { t, lang, setLang } = useI18n()
  return (
    <div role="group" aria-label={t("language")} className="flex overflow-hidden rounded-lg border">
      {(["en", "fr"] as Lang[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
          className={`focus-visible:shadow-borders-focus px-3 py-2 text-base font-semibold outline-none ${lang === l ? "bg-ui-button-inverted text-ui-contrast-fg-primary" : "bg-ui-bg-base text-ui-fg-base"}`}
        >
          {l === "en" ? "English" : "Français"}
        </button>
      ))}
    </div>
  )
}
