/** The languages the e-ticket page and email speak. */
export type TicketLang = "en" | "fr"

export const TICKET_LANGS: readonly TicketLang[] = ["en", "fr"]

/** What a ticket's page and email need of it: the store's view (tickets contract), minus the rest. */
export type TicketForHolder = {
  id: string
  status: "valid" | "checked_in" | "cancelled" | "refunded"
  type_title: string
  holder_name: string | null
  order_id: string
  checked_in_at: string | null
  page_url: string
  event: { id: string; name: string; venue: string | null; starts_at: string; ends_at: string | null }
}

export const TICKET_WORDS = {
  en: {
    locale: "en-GB",
    /** Between a label and its value (French typography puts a space before the colon). */
    colon: ": ",
    eTicket: "E-ticket",
    ticketOf: (n: number, total: number) => `Ticket ${n} of ${total}`,
    venue: "Venue",
    date: "Date",
    type: "Ticket type",
    holder: "Holder",
    reference: "Reference",
    statusLabel: "Status",
    status: { valid: "Valid", checked_in: "Checked in", cancelled: "Cancelled", refunded: "Refunded" },
    checkedInAt: (when: string) => `Checked in on ${when}`,
    voidNote: "This ticket is no longer valid: it does not admit anyone.",
    showAtDoor: "Show this QR code at the entrance, on your phone or printed. It admits one person, once.",
    qrTitle: (event: string) => `QR code of the ticket for ${event}`,
    keepPrivate: "Keep this page to yourself: whoever holds the QR code holds the ticket.",
    notFoundTitle: "Ticket not found",
    notFound: "No ticket answers this address. Check the link in your email, or ask the organizers.",
    emailSubject: (events: string, count: number) => (count > 1 ? `Your ${count} tickets: ${events}` : `Your ticket: ${events}`),
    hello: (name: string | null) => (name ? `Hello ${name},` : "Hello,"),
    emailIntro: (count: number) =>
      count > 1
        ? `here are your ${count} tickets. Each one has its own page with its QR code: open it on your phone at the entrance, or print it.`
        : "here is your ticket. Its page holds its QR code: open it on your phone at the entrance, or print it.",
    openTicket: "Open the ticket",
    emailFooter: "See you there!",
  },
  fr: {
    locale: "fr-FR",
    colon: "\u00a0: ",
    eTicket: "Billet électronique",
    ticketOf: (n: number, total: number) => `Billet ${n} sur ${total}`,
    venue: "Lieu",
    date: "Date",
    type: "Tarif",
    holder: "Titulaire",
    reference: "Référence",
    statusLabel: "Statut",
    status: { valid: "Valable", checked_in: "Entrée validée", cancelled: "Annulé", refunded: "Remboursé" },
    checkedInAt: (when: string) => `Entrée validée le ${when}`,
    voidNote: "Ce billet n'est plus valable : il ne permet pas d'entrer.",
    showAtDoor: "Présentez ce QR code à l'entrée, sur votre téléphone ou imprimé. Il permet une seule entrée, pour une personne.",
    qrTitle: (event: string) => `QR code du billet pour ${event}`,
    keepPrivate: "Gardez cette page pour vous : qui a le QR code a le billet.",
    notFoundTitle: "Billet introuvable",
    notFound: "Aucun billet ne correspond à cette adresse. Vérifiez le lien de votre e-mail, ou demandez aux organisateurs.",
    emailSubject: (events: string, count: number) => (count > 1 ? `Vos ${count} billets : ${events}` : `Votre billet : ${events}`),
    hello: (name: string | null) => (name ? `Bonjour ${name},` : "Bonjour,"),
    emailIntro: (count: number) =>
      count > 1
        ? `voici vos ${count} billets. Chacun a sa page avec son QR code : ouvrez-la sur votre téléphone à l'entrée, ou imprimez-la.`
        : "voici votre billet. Sa page porte son QR code : ouvrez-la sur votre téléphone à l'entrée, ou imprimez-la.",
    openTicket: "Ouvrir le billet",
    emailFooter: "À bientôt !",
  },
} as const

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/**
 * The short reference printed under the QR code, for staff to find the ticket by hand when a
 * phone is dead: the end of its id (a ULID, random in its last 16 characters), never its secret.
 */
export function ticketReference(id: string): string {
  const tail = id.replace(/^[a-z]+_/, "").slice(-8).toUpperCase()
  return `${tail.slice(0, 4)}-${tail.slice(4)}`
}

/** The language the reader asks for first among ours (Accept-Language, RFC 9110 §12.5.4); English otherwise. */
export function ticketLangFromHeader(header: string | string[] | undefined): TicketLang {
  const value = Array.isArray(header) ? header.join(",") : header ?? ""
  let best: { lang: TicketLang; q: number } | null = null
  for (const part of value.split(",")) {
    const [range, ...params] = part.trim().toLowerCase().split(";")
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!Number.isFinite(q) || q <= 0) continue
    const primary = range.trim().split("-")[0] as TicketLang
    if (!TICKET_LANGS.includes(primary)) continue
    if (!best || q > best.q) best = { lang: primary, q }
  }
  return best?.lang ?? "en"
}

/**
 * When the event runs, in the shop's time zone (the reader may be anywhere; the doors open in
 * the shop's): "Saturday 10 July 2027, 18:00 – 23:30" or, over several days, both ends in full.
 */
export function eventWhen(event: { starts_at: string; ends_at: string | null }, lang: TicketLang, timeZone: string): string {
  const w = TICKET_WORDS[lang]
  const day = new Intl.DateTimeFormat(w.locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone })
  const time = new Intl.DateTimeFormat(w.locale, { hour: "2-digit", minute: "2-digit", timeZone })
  const starts = new Date(event.starts_at)
  const start = `${day.format(starts)}, ${time.format(starts)}`
  if (!event.ends_at) return start
  const ends = new Date(event.ends_at)
  if (day.format(ends) === day.format(starts)) return `${start} – ${time.format(ends)}`
  return `${start} – ${day.format(ends)}, ${time.format(ends)}`
}

/** A moment (check-in) in the shop's time zone, to the minute. */
export function momentIn(iso: string, lang: TicketLang, timeZone: string): string {
  return new Intl.DateTimeFormat(TICKET_WORDS[lang].locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(iso))
}
