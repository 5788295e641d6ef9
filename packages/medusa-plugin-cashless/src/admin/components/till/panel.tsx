import { Heading } from "@medusajs/ui"
import { useEffect, useId, useRef, type ReactNode } from "react"

/**
 * A step of the till in the middle of the screen, announced as a dialog: its heading is its
 * name, Escape goes back when there is somewhere to go, focus starts inside it.
 */
export const Panel = ({
  title,
  onEscape,
  children,
  wide,
  testId,
}: {
  title: string
  onEscape?: () => void
  children: ReactNode
  wide?: boolean
  testId?: string
}) => {
  const headingId = useId()
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el && !el.contains(document.activeElement)) {
      // The first control one can see: inputs inside a closed <details> cannot take focus.
      const candidates = [...el.querySelectorAll<HTMLElement>("[data-autofocus], input, summary, button:not([disabled])")]
      const first = candidates.find((c) => c.hasAttribute("data-autofocus")) ?? candidates.find((c) => c.getClientRects().length > 0)
      first?.focus()
    }
  }, [])
  return (
    <section
      ref={ref}
      role="dialog"
      aria-labelledby={headingId}
      data-testid={testId}
      className={`bg-ui-bg-base border-ui-border-base mx-auto flex w-full flex-col gap-y-5 rounded-xl border p-6 shadow-elevation-card-rest ${wide ? "max-w-4xl" : "max-w-xl"}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && onEscape) {
          e.stopPropagation()
          onEscape()
        }
      }}
    >
      <Heading level="h2" id={headingId} className="text-2xl">
        {title}
      </Heading>
      {children}
    </section>
  )
}

/** A line of text said out loud by screen readers when it changes: the result of an action. */
export const LiveMessage = ({ tone, children }: { tone: "error" | "info" | "success"; children: ReactNode }) => {
  const colours = {
    error: "border-ui-tag-red-border bg-ui-tag-red-bg text-ui-tag-red-text",
    info: "border-ui-tag-blue-border bg-ui-tag-blue-bg text-ui-tag-blue-text",
    success: "border-ui-tag-green-border bg-ui-tag-green-bg text-ui-tag-green-text",
  }[tone]
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-base font-medium ${colours}`}>
      {children}
    </p>
  )
}
