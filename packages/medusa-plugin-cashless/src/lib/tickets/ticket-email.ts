import QRCode from "qrcode"
import {
  escapeHtml as esc,
  eventWhen,
  TICKET_WORDS,
  ticketReference,
  type TicketForHolder,
  type TicketLang,
} from "./ticket-words"

export type TicketEmailInput = {
  /** All the tickets of one order (the email goes to their holder). */
  tickets: TicketForHolder[]
  lang: TicketLang
  /** The shop's time zone (plugin option `timeZone`). */
  timeZone: string
  /** Whom to greet; the first ticket's holder when not given. */
  holderName?: string | null
}

export type TicketEmail = { subject: string; text: string; html: string }

/**
 * The QR code as a PNG data URL, not as inline SVG. Neither shows everywhere: Gmail strips both,
 * Outlook for Windows shows neither. But inline SVG is stripped by most clients besides Apple Mail
 * and Thunderbird (Gmail, Outlook, Yahoo, many Android clients), while a PNG data URL also shows
 * in iOS/macOS Mail, Outlook for Mac, Samsung Email, Thunderbird — and needs no image fetch that
 * clients block by default. Wherever it does not show, the link right above it opens the ticket's
 * page, which is the ticket (the QR encodes that very link), so the email never depends on it.
 * (CID attachments show in Gmail too, but Medusa notification providers do not all pass them.)
 */
async function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 4, scale: 5, type: "image/png" })
}

const distinct = (values: string[]) => [...new Set(values)]

/** QR images inlined in one mail at most; every ticket keeps its link. */
export const MAX_INLINE_QR = 10

/** The email that brings an order's e-tickets: one link per ticket to its page, its QR inline. */
export async function ticketEmail(input: TicketEmailInput): Promise<TicketEmail> {
  const w = TICKET_WORDS[input.lang]
  const { tickets } = input
  const events = distinct(tickets.map((t) => t.event.name))
  const name = input.holderName !== undefined ? input.holderName : tickets[0]?.holder_name ?? null
  const subject = w.emailSubject(events.join(", "), tickets.length)
  const isVoid = (t: TicketForHolder) => t.status === "cancelled" || t.status === "refunded"

  const textBlocks = tickets.map((t, i) =>
    [
      `${tickets.length > 1 ? `${w.ticketOf(i + 1, tickets.length)} — ` : ""}${t.event.name}`,
      eventWhen(t.event, input.lang, input.timeZone),
      ...(t.event.venue ? [`${w.venue}${w.colon}${t.event.venue}`] : []),
      `${w.type}${w.colon}${t.type_title}`,
      ...(t.holder_name ? [`${w.holder}${w.colon}${t.holder_name}`] : []),
      `${w.reference}${w.colon}${ticketReference(t.id)}`,
      ...(isVoid(t) ? [`${w.statusLabel}${w.colon}${w.status[t.status]}`] : []),
      `${w.openTicket}${w.colon}${t.page_url}`,
    ].join("\n")
  )
  const text = [w.hello(name), "", w.emailIntro(tickets.length), "", textBlocks.join("\n\n"), "", w.keepPrivate, "", w.emailFooter, ""].join("\n")

  // Each QR image is CPU work on the server's one thread and weight in the mail: a large order's
  // mail shows the first ones and links every ticket (the page, which is the ticket, has its QR).
  let inline = 0
  const qrs: Array<string | null> = []
  for (const t of tickets) qrs.push(!isVoid(t) && inline++ < MAX_INLINE_QR ? await qrDataUrl(t.page_url) : null)
  // Email HTML: tables and inline styles only (many clients drop <style> and ignore flex/grid).
  const cell = "font-family:Arial,Helvetica,sans-serif;color:#111;font-size:15px;line-height:1.4"
  const htmlBlocks = tickets.map((t, i) => {
    const url = esc(t.page_url)
    const details = [
      ...(t.event.venue ? [`${esc(w.venue)}${w.colon}${esc(t.event.venue)}`] : []),
      `${esc(w.type)}${w.colon}<b>${esc(t.type_title)}</b>`,
      ...(t.holder_name ? [`${esc(w.holder)}${w.colon}<b>${esc(t.holder_name)}</b>`] : []),
      `${esc(w.reference)}${w.colon}<b>${esc(ticketReference(t.id))}</b>`,
      ...(isVoid(t) ? [`${esc(w.statusLabel)}${w.colon}<b style="color:#b00020">${esc(w.status[t.status])}</b>`] : []),
    ].join("<br>")
    const qr = qrs[i]
      ? `<a href="${url}"><img src="${qrs[i]}" width="200" height="200" alt="${esc(w.qrTitle(t.event.name))}" style="display:block;border:0;width:200px;height:200px"></a>`
      : ""
    return `<tr><td style="${cell};padding:16px;border:1px solid #ddd;border-radius:8px">
${tickets.length > 1 ? `<div style="font-size:12px;text-transform:uppercase;color:#555">${esc(w.ticketOf(i + 1, tickets.length))}</div>` : ""}
<div style="font-size:20px;font-weight:bold">${esc(t.event.name)}</div>
<div style="font-weight:bold">${esc(eventWhen(t.event, input.lang, input.timeZone))}</div>
<div style="margin:8px 0">${details}</div>
${qr}
<p style="margin:12px 0 0"><a href="${url}" style="display:inline-block;padding:10px 16px;background:#111;color:#fff;text-decoration:none;border-radius:6px;font-weight:bold">${esc(w.openTicket)}</a></p>
<p style="margin:6px 0 0;font-size:12px;color:#555;word-break:break-all">${url}</p>
</td></tr>
<tr><td style="height:12px;line-height:12px;font-size:0">&nbsp;</td></tr>`
  })
  const html = `<!doctype html>
<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f4">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f4"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#fff">
<tr><td style="${cell};padding:16px">${esc(w.hello(name))}<br><br>${esc(w.emailIntro(tickets.length))}</td></tr>
${htmlBlocks.join("\n")}
<tr><td style="${cell};padding:16px;font-size:13px;color:#555">${esc(w.keepPrivate)}<br><br>${esc(w.emailFooter)}</td></tr>
</table></td></tr></table>
</body></html>
`
  return { subject, text, html }
}
