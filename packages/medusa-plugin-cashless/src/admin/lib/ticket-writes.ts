import type { ErrorBody, Outcome } from "./till/http"

/**
 * A refused ticket write, with the server's code kept: the js-sdk keeps only the message, and
 * the refund drawer must tell "this ticket was already used" (409 `checked_in`, which a manager
 * may override) from every other refusal. The message is the server's, written for people.
 */
export class TicketWriteError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null
  ) {
    super(message)
    this.name = "TicketWriteError"
  }
}

/** The answer's body when it succeeded; otherwise the error to show. */
export function answerOf<T>(outcome: Outcome<T>): T {
  if (outcome.kind === "network")
    throw new TicketWriteError(
      `No answer from the server (${outcome.message}). Try again: the same refund is never paid twice.`,
      null,
      null
    )
  if (outcome.status >= 200 && outcome.status < 300) return outcome.body as T
  const body = (outcome.body ?? {}) as ErrorBody
  const message = typeof body.message === "string" && body.message ? body.message : `The server refused (HTTP ${outcome.status}).`
  throw new TicketWriteError(message, outcome.status, typeof body.code === "string" ? body.code : null)
}

/**
 * Whether a refund was refused only because the ticket was already checked in, which a manager
 * may override. The server says so with 409 `checked_in`.
 */
export const needsCheckedInOverride = (err: unknown) =>
  err instanceof TicketWriteError && err.status === 409 && err.code === "checked_in"
