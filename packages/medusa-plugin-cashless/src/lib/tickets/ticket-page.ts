import { createHash } from "node:crypto"
import { qrSvg } from "./qr-svg"
import {
  escapeHtml as esc,
  eventWhen,
  momentIn,
  TICKET_WORDS,
  ticketReference,
  type TicketForHolder,
  type TicketLang,
} from "./ticket-words"

export type TicketPageInput = {
  /** One ticket (its page) or an order's tickets, in the order they are shown. */
  tickets: TicketForHolder[]
  lang: TicketLang
  /** The shop's time zone (plugin option `timeZone`), e.g. Europe/Paris. */
  timeZone: string
}

/**
 * Mobile first: one ticket fills a phone screen, its QR code as wide as the screen allows (a door
 * scanner reads it from a dimmed phone at arm's length). Printed: one ticket per page. The only
 * style of the page, so that the Content-Security-Policy can allow exactly it by its hash.
 */
const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#eee}
.ticket{min-height:100vh;min-height:100svh;max-width:32rem;margin:0 auto;padding:1rem 1.25rem;background:#fff;display:flex;flex-direction:column;gap:.6rem}
.ticket+.ticket{border-top:2px dashed #999}
.kicker{margin:0;font-size:.85rem;text-transform:uppercase;letter-spacing:.08em;color:#555;display:flex;justify-content:space-between}
h1{margin:0;font-size:1.6rem;line-height:1.2;overflow-wrap:anywhere}
.when{margin:0;font-size:1.1rem;font-weight:600}
.qr{display:block;width:100%;max-width:min(100%,70vh);height:auto;margin:.25rem auto}
.ref{margin:0;text-align:center;font:700 1.25rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.1em}
.help{margin:0;font-size:.9rem;color:#333;text-align:center}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{color:#555}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.status-valid{color:#0a6b2b}
.status-checked_in{color:#8a5a00}
.status-cancelled,.status-refunded{color:#b00020}
.stamp{margin:.5rem 0;padding:1.25rem .5rem;border:.3rem solid #b00020;color:#b00020;text-align:center;font-size:2.4rem;font-weight:900;line-height:1.1;text-transform:uppercase;letter-spacing:.05em}
.void-note{margin:0;text-align:center;font-weight:600;color:#b00020}
.checked{margin:0;padding:.5rem;border-radius:.4rem;background:#fff3cd;color:#5c3d00;text-align:center;font-weight:700}
.private{margin-top:auto;font-size:.8rem;color:#666}
@media print{
body{background:#fff}
.ticket{min-height:0;max-width:none;padding:0;break-after:page;page-break-after:always}
.ticket:last-child{break-after:auto;page-break-after:auto}
.ticket+.ticket{border-top:0}
.qr{width:9cm;max-width:9cm}
.private{margin-top:1rem}
}
`.trim()

/**
 * The page's Content-Security-Policy: nothing may load or run; the one inline style is allowed by
 * its hash (so an injected `<style>` or style attribute would not apply either), the QR codes are
 * inline SVG. No script at all: the browser's own Print does the printing.
 */
export const TICKET_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ")

function document(lang: TicketLang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${CSS}</style></head><body>
${body}
</body></html>
`
}

function ticketSection(ticket: TicketForHolder, n: number, total: number, lang: TicketLang, timeZone: string): string {
  const w = TICKET_WORDS[lang]
  const isVoid = ticket.status === "cancelled" || ticket.status === "refunded"
  const kicker = `<p class="kicker"><span>${esc(w.eTicket)}</span>${total > 1 ? `<span>${esc(w.ticketOf(n, total))}</span>` : ""}</p>`
  // A cancelled or refunded ticket shows no QR code at all: a screenshot of it must not look
  // like a ticket at the door, and nobody should be turned away holding what looks valid.
  const proof = isVoid
    ? `<p class="stamp" role="alert">${esc(w.status[ticket.status])}</p><p class="void-note">${esc(w.voidNote)}</p>`
    : [
        ticket.status === "checked_in" && ticket.checked_in_at
          ? `<p class="checked" role="status">${esc(w.checkedInAt(momentIn(ticket.checked_in_at, lang, timeZone)))}</p>`
          : "",
        qrSvg(ticket.page_url, { title: w.qrTitle(ticket.event.name), id: `qr-${n}` }),
        `<p class="ref">${esc(ticketReference(ticket.id))}</p>`,
        `<p class="help">${esc(w.showAtDoor)}</p>`,
      ].join("\n")
  const rows: Array<[string, string, string?]> = [
    ...(ticket.event.venue ? [[w.venue, ticket.event.venue] as [string, string]] : []),
    [w.type, ticket.type_title],
    ...(ticket.holder_name ? [[w.holder, ticket.holder_name] as [string, string]] : []),
    // Under the QR code when there is one; here when there is not (staff still look it up by it).
    ...(isVoid ? [[w.reference, ticketReference(ticket.id)] as [string, string]] : []),
    [w.statusLabel, w.status[ticket.status], `status-${ticket.status}`],
  ]
  const details = `<dl>${rows
    .map(([term, value, cls]) => `<dt>${esc(term)}</dt><dd${cls ? ` class="${cls}"` : ""}>${esc(value)}</dd>`)
    .join("")}</dl>`
  return `<section class="ticket" aria-labelledby="event-${n}">
${kicker}
<h1 id="event-${n}">${esc(ticket.event.name)}</h1>
<p class="when">${esc(eventWhen(ticket.event, lang, timeZone))}</p>
${proof}
${details}
${isVoid ? "" : `<p class="private">${esc(w.keepPrivate)}</p>`}
</section>`
}

/** One ticket's page, or an order's tickets one after the other: a whole HTML document, self-contained. */
export function renderTicketPage(input: TicketPageInput): string {
  const w = TICKET_WORDS[input.lang]
  const first = input.tickets[0]
  const title = first ? `${w.eTicket} — ${first.event.name}${first.holder_name ? ` — ${first.holder_name}` : ""}` : w.eTicket
  const body = input.tickets
    .map((t, i) => ticketSection(t, i + 1, input.tickets.length, input.lang, input.timeZone))
    .join("\n")
  return document(input.lang, title, body)
}

/** The answer to an address no ticket has (mistyped, garbled or made up): says so, tells nothing more. */
export function renderTicketNotFound(lang: TicketLang): string {
  const w = TICKET_WORDS[lang]
  return document(
    lang,
    w.notFoundTitle,
    `<section class="ticket"><p class="kicker"><span>${esc(w.eTicket)}</span></p><h1>${esc(w.notFoundTitle)}</h1><p>${esc(w.notFound)}</p></section>`
  )
}
