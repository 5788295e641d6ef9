import { fillPlaceholders, type Lang } from "../till/i18n"

/**
 * The Door's words, in English and French. The language itself is the till's (lib/till/i18n.ts:
 * its own toggle, else the admin's, else the browser's), so a counter that is both a till and a
 * door speaks one language; the reader and camera controls reuse the till's words.
 */
const en = {
  door: "Door",
  door_of: "Door · {door}",
  door_actions: "Door settings",
  door_title: "Choose the door",
  door_choose: "Which entrance is this? Check-ins are recorded at this point of sale.",
  door_none: "You are not assigned to any point of sale: ask a cashless admin.",
  door_change: "Change door",
  event_title: "Choose the event",
  event_choose: "Which event are you letting people in to?",
  event_none: "No event is open: create one in Cashless → Events.",
  event_change: "Change event",
  event_starts: "Starts {when}",

  scan_label: "Scan a ticket",
  scan_hint: "Scan the ticket's QR code, or tap a card on the reader.",
  scan_submit: "Check in",
  scan_busy: "Checking…",
  scan_retry: "Try again",

  counter: "Checked in",
  counter_of: "{checked_in} / {capacity}",
  counter_issued: "{issued} tickets issued",
  counter_unavailable: "Counter unavailable",

  admitted: "ADMITTED",
  already_checked_in: "ALREADY CHECKED IN",
  cancelled: "CANCELLED",
  refunded: "REFUNDED",
  wrong_event: "WRONG EVENT",
  unknown_ticket: "UNKNOWN TICKET",
  unknown_card: "UNKNOWN CARD",
  no_ticket: "NO TICKET",
  not_a_ticket: "NOT A TICKET",
  no_answer: "NO ANSWER",

  already_at: "at {time}",
  already_by: "by {name}",
  already_where: "at {door}",
  wrong_event_detail: "This ticket is for {event}.",
  cancelled_detail: "This ticket was cancelled.",
  refunded_detail: "This ticket was refunded.",
  unknown_ticket_detail: "No ticket has this code.",
  unknown_card_detail: "This card is not registered.",
  no_ticket_detail: "The card's holder has no ticket left for {event}.",
  card_qr_detail: "This is a cashless card's code, not a ticket: tap the card on the reader instead.",
  not_a_ticket_detail: "This code is not a ticket.",
  no_answer_detail: "The server did not answer: try again, the ticket is never let in twice.",
  holder_remaining_none: "No other ticket for this holder",
  holder_remaining_one: "1 more ticket for this holder",
  holder_remaining_many: "{count} more tickets for this holder",
  holder_unnamed: "Holder not named",

  refused: "Refused: {message}",
  server_banner: "Server unreachable — scans are not recorded until it answers again.",
  logged_out_banner: "Your login has expired: log in again in the admin.",
}

export type DoorKey = keyof typeof en

const fr: Record<DoorKey, string> = {
  door: "Contrôle des billets",
  door_of: "Contrôle · {door}",
  door_actions: "Réglages de l'entrée",
  door_title: "Choisir l'entrée",
  door_choose: "Quelle entrée est-ce ? Les passages sont enregistrés à ce point de vente.",
  door_none: "Vous n'êtes affecté à aucun point de vente : demandez à un admin cashless.",
  door_change: "Changer d'entrée",
  event_title: "Choisir l'événement",
  event_choose: "Pour quel événement faites-vous entrer le public ?",
  event_none: "Aucun événement ouvert : créez-en un dans Cashless → Événements.",
  event_change: "Changer d'événement",
  event_starts: "Début {when}",

  scan_label: "Scanner un billet",
  scan_hint: "Scannez le QR code du billet, ou présentez une carte sur le lecteur.",
  scan_submit: "Valider",
  scan_busy: "Vérification…",
  scan_retry: "Réessayer",

  counter: "Entrés",
  counter_of: "{checked_in} / {capacity}",
  counter_issued: "{issued} billets émis",
  counter_unavailable: "Compteur indisponible",

  admitted: "ENTRÉE",
  already_checked_in: "DÉJÀ ENTRÉ",
  cancelled: "ANNULÉ",
  refunded: "REMBOURSÉ",
  wrong_event: "MAUVAIS ÉVÉNEMENT",
  unknown_ticket: "BILLET INCONNU",
  unknown_card: "CARTE INCONNUE",
  no_ticket: "AUCUN BILLET",
  not_a_ticket: "PAS UN BILLET",
  no_answer: "PAS DE RÉPONSE",

  already_at: "à {time}",
  already_by: "par {name}",
  already_where: "à {door}",
  wrong_event_detail: "Ce billet est pour {event}.",
  cancelled_detail: "Ce billet a été annulé.",
  refunded_detail: "Ce billet a été remboursé.",
  unknown_ticket_detail: "Aucun billet n'a ce code.",
  unknown_card_detail: "Cette carte n'est pas enregistrée.",
  no_ticket_detail: "Le titulaire de la carte n'a plus de billet pour {event}.",
  card_qr_detail: "C'est le code d'une carte cashless, pas un billet : présentez plutôt la carte sur le lecteur.",
  not_a_ticket_detail: "Ce code n'est pas un billet.",
  no_answer_detail: "Le serveur n'a pas répondu : réessayez, un billet n'entre jamais deux fois.",
  holder_remaining_none: "Plus aucun autre billet pour ce titulaire",
  holder_remaining_one: "Encore 1 billet pour ce titulaire",
  holder_remaining_many: "Encore {count} billets pour ce titulaire",
  holder_unnamed: "Titulaire sans nom",

  refused: "Refusé : {message}",
  server_banner: "Serveur injoignable — les passages ne sont pas enregistrés tant qu'il ne répond pas.",
  logged_out_banner: "Votre session a expiré : reconnectez-vous dans l'admin.",
}

export const DOOR_DICTIONARIES: Record<Lang, Record<DoorKey, string>> = { en, fr }

export function translateDoor(lang: Lang, key: DoorKey, vars?: Record<string, string | number>): string {
  return fillPlaceholders(DOOR_DICTIONARIES[lang][key] ?? DOOR_DICTIONARIES.en[key] ?? key, vars)
}
