import { Button } from "@medusajs/ui"
import type { Tone, Verdict } from "../../lib/door/verdict"
import { useDoorWords } from "../../lib/door/use-door-words"

/**
 * Solid colours read from a metre away; each pair passes WCAG AA. The word says it alone for
 * whoever does not see the colour.
 */
const COLOURS: Record<Tone, { background: string; color: string }> = {
  green: { background: "#15803d", color: "#ffffff" },
  amber: { background: "#f59e0b", color: "#111827" },
  red: { background: "#b91c1c", color: "#ffffff" },
  grey: { background: "#4b5563", color: "#ffffff" },
}

/** The result of the last scan, big, until the next one; `serial` tells two identical results apart. */
export const VerdictPanel = ({ verdict, serial, onRetry }: { verdict: Verdict | null; serial: number; onRetry: (() => void) | null }) => {
  const { d } = useDoorWords()
  if (!verdict) {
    return (
      <div data-testid="verdict-idle" className="text-ui-fg-subtle flex min-h-[40vh] flex-1 items-center justify-center rounded-2xl border-4 border-dashed p-6 text-center text-2xl">
        {d("scan_hint")}
      </div>
    )
  }
  return (
    <div
      role="status"
      aria-live="assertive"
      aria-atomic="true"
      data-testid="verdict"
      data-tone={verdict.tone}
      data-serial={serial}
      style={COLOURS[verdict.tone]}
      className="flex min-h-[40vh] flex-1 flex-col items-center justify-center gap-y-4 rounded-2xl p-6 text-center"
    >
      <p data-testid="verdict-word" className="text-5xl font-black tracking-wide sm:text-7xl">
        {verdict.word}
      </p>
      {verdict.detail && (
        <p data-testid="verdict-detail" className="text-2xl font-semibold sm:text-3xl">
          {verdict.detail}
        </p>
      )}
      {verdict.holder && (
        <p data-testid="verdict-holder" className="text-3xl font-bold">
          {verdict.holder}
        </p>
      )}
      {verdict.ticketType && (
        <p data-testid="verdict-type" className="text-2xl">
          {verdict.ticketType}
        </p>
      )}
      {verdict.remaining && (
        <p data-testid="verdict-remaining" className="text-2xl font-semibold">
          {verdict.remaining}
        </p>
      )}
      {onRetry && (
        <Button size="xlarge" variant="secondary" onClick={onRetry}>
          {d("scan_retry")}
        </Button>
      )}
    </div>
  )
}
