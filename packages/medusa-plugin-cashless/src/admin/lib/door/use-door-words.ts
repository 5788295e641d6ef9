import { useCallback } from "react"
import { useI18n } from "../till/i18n-context"
import { translateDoor, type DoorKey } from "./i18n"

/** The door's words in the till's current language (TillI18nProvider around the page). */
export function useDoorWords() {
  const { lang } = useI18n()
  const d = useCallback((key: DoorKey, vars?: Record<string, string | number>) => translateDoor(lang, key, vars), [lang])
  return { d, lang }
}
