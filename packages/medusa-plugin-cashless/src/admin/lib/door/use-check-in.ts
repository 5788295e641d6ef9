import { useCallback, useRef, useState } from "react"
import { newIdempotencyKey } from "../idempotency"
import { messageOf } from "../till/http"
import { postCheckIn } from "./api"
import { keyForScan, type ScanAttempt } from "./scan-key"
import { isCheckInAnswer, type CheckInAnswer } from "./types"
import type { ScanResult } from "./verdict"

export type ScanInput = { secret: string } | { uid: string }

export type CheckInState = {
  busy: boolean
  /** The last scan's result, shown big until the next one. */
  result: ScanResult | null
  /** A refusal that is not about the ticket: no role, not assigned to this door, a bad request. */
  refusal: string | null
  /** Sends the scan whose answer was lost again, with its key. */
  retry: (() => void) | null
  /** Bumped on every answer: the screen flashes the new result even when it reads the same. */
  serial: number
}

/**
 * Check-ins at one door for one event, one after the other (a scanner that fires twice waits its
 * turn). `onAnswer` gets each answer the server gave, for the counter.
 */
export function useCheckIn(posId: string, eventId: string, onAnswer: (answer: CheckInAnswer) => void) {
  const [state, setState] = useState<CheckInState>({ busy: false, result: null, refusal: null, retry: null, serial: 0 })
  const lost = useRef<ScanAttempt | null>(null)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const latestOnAnswer = useRef(onAnswer)
  latestOnAnswer.current = onAnswer
  const sendRef = useRef<(input: ScanInput) => void>(() => undefined)

  const run = useCallback(
    async (input: ScanInput) => {
      const payload = { event_id: eventId, ...input }
      const attempt = keyForScan(lost.current, JSON.stringify(payload), newIdempotencyKey)
      setState((s) => ({ ...s, busy: true }))
      const outcome = await postCheckIn(posId, { ...payload, idempotency_key: attempt.key })
      const answered = outcome.kind === "answer" && isCheckInAnswer(outcome.body)
      // No answer, or a server error: the check-in may or may not have been written. Keep its key.
      if (!answered && (outcome.kind === "network" || outcome.status >= 500)) {
        lost.current = attempt
        setState((s) => ({ busy: false, result: { kind: "no_answer" }, refusal: null, retry: () => sendRef.current(input), serial: s.serial + 1 }))
        return
      }
      lost.current = null
      if (answered) {
        const answer = outcome.body as CheckInAnswer
        latestOnAnswer.current(answer)
        setState((s) => ({ busy: false, result: { kind: "answer", answer }, refusal: null, retry: null, serial: s.serial + 1 }))
      } else {
        setState((s) => ({ busy: false, result: null, refusal: messageOf(outcome, `HTTP ${outcome.kind === "answer" ? outcome.status : ""}`), retry: null, serial: s.serial + 1 }))
      }
    },
    [posId, eventId]
  )

  const send = useCallback(
    (input: ScanInput) => {
      queue.current = queue.current.then(() => run(input)).catch(() => undefined)
    },
    [run]
  )
  sendRef.current = send

  /** A result the page knew without the server (a card's QR code, text that is no ticket). */
  const show = useCallback((result: ScanResult) => {
    setState((s) => ({ busy: s.busy, result, refusal: null, retry: null, serial: s.serial + 1 }))
  }, [])

  return { ...state, send, show }
}
