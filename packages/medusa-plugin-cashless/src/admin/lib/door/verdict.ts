import type { Lang } from "../till/i18n"
import { translateDoor, type DoorKey } from "./i18n"
import type { CheckInAnswer } from "./types"

/**
 * What the door shows after a scan: one big word in a colour readable from a metre away, then
 * the lines that explain it. Green lets in; amber is a ticket already used (look at the person:
 * a friend may have passed it back); red refuses; grey is a scan the server never answered.
 */
export type Tone = "green" | "amber" | "red" | "grey"

export type Verdict = {
  tone: Tone
  word: string
  /** The reason or the circumstances, in a sentence. */
  detail: string | null
  /** The ticket's holder and type, when there is a ticket. */
  holder: string | null
  ticketType: string | null
  /** A card tap: how many of the holder's tickets are still to use. */
  remaining: string | null
}

/** What happened to a scan: the server's answer, or something the page knew without asking. */
export type ScanResult = { kind: "answer"; answer: CheckInAnswer } | { kind: "card_qr" } | { kind: "not_a_ticket" } | { kind: "no_answer" }

const TONE: Record<CheckInAnswer["outcome"], Tone> = {
  admitted: "green",
  already_checked_in: "amber",
  cancelled: "red",
  refunded: "red",
  wrong_event: "red",
  unknown_ticket: "red",
  unknown_card: "red",
  no_ticket: "red",
}

/** HH:MM in the browser's time zone unless one is given (the tests give one). */
export function formatTime(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso))
}

function remainingLine(lang: Lang, remaining: number | null): string | null {
  if (remaining === null || remaining === undefined) return null
  const key: DoorKey = remaining <= 0 ? "holder_remaining_none" : remaining === 1 ? "holder_remaining_one" : "holder_remaining_many"
  return translateDoor(lang, key, { count: remaining })
}

function answerDetail(answer: CheckInAnswer, lang: Lang, timeZone?: string): string | null {
  const t = (key: DoorKey, vars?: Record<string, string | number>) => translateDoor(lang, key, vars)
  const ticket = answer.ticket
  switch (answer.outcome) {
    case "admitted":
      return null
    case "already_checked_in": {
      const parts = [
        ticket?.checked_in_at ? t("already_at", { time: formatTime(ticket.checked_in_at, lang, timeZone) }) : null,
        ticket?.checked_in_by ? t("already_by", { name: ticket.checked_in_by.name }) : null,
        ticket?.checked_in_where ? t("already_where", { door: ticket.checked_in_where.name }) : null,
      ].filter(Boolean)
      return parts.length ? parts.join(" ") : null
    }
    case "wrong_event":
      return t("wrong_event_detail", { event: answer.ticket_event?.name ?? ticket?.event_name ?? "?" })
    case "cancelled":
      return t("cancelled_detail")
    case "refunded":
      return t("refunded_detail")
    case "unknown_ticket":
      return t("unknown_ticket_detail")
    case "unknown_card":
      return t("unknown_card_detail")
    case "no_ticket":
      return t("no_ticket_detail", { event: answer.event.name })
  }
}

export function verdictOf(result: ScanResult, lang: Lang, timeZone?: string): Verdict {
  const t = (key: DoorKey) => translateDoor(lang, key)
  const bare = { holder: null, ticketType: null, remaining: null }
  switch (result.kind) {
    case "card_qr":
      return { tone: "red", word: t("not_a_ticket"), detail: t("card_qr_detail"), ...bare }
    case "not_a_ticket":
      return { tone: "red", word: t("not_a_ticket"), detail: t("not_a_ticket_detail"), ...bare }
    case "no_answer":
      return { tone: "grey", word: t("no_answer"), detail: t("no_answer_detail"), ...bare }
    case "answer": {
      const { answer } = result
      const ticket = answer.ticket
      return {
        tone: TONE[answer.outcome],
        word: t(answer.outcome),
        detail: answerDetail(answer, lang, timeZone),
        holder: ticket ? (ticket.holder_name || ticket.holder_email || t("holder_unnamed")) : null,
        ticketType: ticket?.type_title ?? null,
        // Said after a card tap lets someone in: the holder's friends may come through on the same card.
        remaining: answer.outcome === "admitted" ? remainingLine(lang, answer.holder_remaining) : null,
      }
    }
  }
}
