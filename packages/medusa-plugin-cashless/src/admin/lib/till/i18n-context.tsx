import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react"
import { detectLang, translate, type Lang, type MessageKey } from "./i18n"

const LANG_KEY = "cashless.till.lang"

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: (key: MessageKey, vars?: Record<string, string | number>) => string }

const I18nContext = createContext<I18n | null>(null)

function initialLang(): Lang {
  try {
    return detectLang(localStorage.getItem(LANG_KEY), localStorage.getItem("lng"), navigator.language)
  } catch {
    return detectLang(null, null, typeof navigator === "undefined" ? undefined : navigator.language)
  }
}

/** The till's language: its own toggle, else the admin's ("lng"), else the browser's. */
export const TillI18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(initialLang)
  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      localStorage.setItem(LANG_KEY, next)
    } catch {
      // A browser without storage keeps the choice for this page only.
    }
  }, [])
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error("useI18n outside TillI18nProvider")
  return value
}
