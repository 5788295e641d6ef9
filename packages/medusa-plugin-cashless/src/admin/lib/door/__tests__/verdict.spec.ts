import { DOOR_DICTIONARIES, translateDoor } from "../i18n"
import { LANGS, placeholdersOf } from "../../till/i18n"
import type { CheckInAnswer, CheckInOutcome, DoorTicket } from "../types"
import { formatTime, verdictOf } from "../verdict"

const ticket = (over: Partial<DoorTicket> = {}): DoorTicket => ({
  id: "tkt_1",
  event_id: "tevt_1",
  event_name: "Summer gig",
  type_title: "Standing",
  holder_name: "Ada Lovelace",
  holder_email: "ada@example.com",
  status: "valid",
  checked_in_at: null,
  checked_in_by: null,
  checked_in_where: null,
  ...over,
})

const answer = (outcome: CheckInOutcome, over: Partial<CheckInAnswer> = {}): CheckInAnswer => ({
  outcome,
  message: "",
  ticket: ticket(),
  event: { id: "tevt_1", name: "Summer gig" },
  ticket_event: null,
  holder_remaining: null,
  counts: { checked_in: 1, capacity: 100, issued: 10 },
  ...over,
})

const verdict = (a: CheckInAnswer, lang: "en" | "fr") => verdictOf({ kind: "answer", answer: a }, lang, "Europe/Paris")

describe("the door's verdict", () => {
  it("lets in in green, with the holder and the ticket type", () => {
    expect(verdict(answer("admitted"), "en")).toEqual({
      tone: "green",
      word: "ADMITTED",
      detail: null,
      holder: "Ada Lovelace",
      ticketType: "Standing",
      remaining: null,
    })
    expect(verdict(answer("admitted"), "fr")).toMatchObject({ tone: "green", word: "ENTRÉE" })
  })

  it("says when, by whom and where a used ticket went in, in amber, in the given time zone", () => {
    const used = answer("already_checked_in", {
      ticket: ticket({
        status: "checked_in",
        checked_in_at: "2026-07-14T18:05:00.000Z",
        checked_in_by: { id: "user_1", name: "Grace Hopper" },
        checked_in_where: { point_of_sale_id: "pos_1", name: "North gate" },
      }),
    })
    expect(verdict(used, "en")).toMatchObject({ tone: "amber", word: "ALREADY CHECKED IN", detail: "at 20:05 by Grace Hopper at North gate" })
    expect(verdict(used, "fr")).toMatchObject({ tone: "amber", word: "DÉJÀ ENTRÉ", detail: "à 20:05 par Grace Hopper à North gate" })
    expect(verdictOf({ kind: "answer", answer: used }, "en", "UTC").detail).toBe("at 18:05 by Grace Hopper at North gate")
  })

  it("refuses in red, naming the ticket's event when it is another", () => {
    const wrong = answer("wrong_event", { ticket_event: { id: "tevt_2", name: "Autumn ball" } })
    expect(verdict(wrong, "en")).toMatchObject({ tone: "red", word: "WRONG EVENT", detail: "This ticket is for Autumn ball." })
    expect(verdict(wrong, "fr")).toMatchObject({ tone: "red", word: "MAUVAIS ÉVÉNEMENT", detail: "Ce billet est pour Autumn ball." })
    const words: Array<[CheckInOutcome, string, string]> = [
      ["cancelled", "CANCELLED", "ANNULÉ"],
      ["refunded", "REFUNDED", "REMBOURSÉ"],
      ["unknown_ticket", "UNKNOWN TICKET", "BILLET INCONNU"],
      ["unknown_card", "UNKNOWN CARD", "CARTE INCONNUE"],
      ["no_ticket", "NO TICKET", "AUCUN BILLET"],
    ]
    for (const [outcome, en, fr] of words) {
      expect([outcome, verdict(answer(outcome, { ticket: null }), "en")]).toEqual([outcome, expect.objectContaining({ tone: "red", word: en, holder: null })])
      expect([outcome, verdict(answer(outcome, { ticket: null }), "fr")]).toEqual([outcome, expect.objectContaining({ tone: "red", word: fr })])
    }
    expect(verdict(answer("no_ticket", { ticket: null }), "en").detail).toBe("The card's holder has no ticket left for Summer gig.")
  })

  it("counts the holder's other tickets after a card tap let someone in", () => {
    expect(verdict(answer("admitted", { holder_remaining: 0 }), "en").remaining).toBe("No other ticket for this holder")
    expect(verdict(answer("admitted", { holder_remaining: 1 }), "en").remaining).toBe("1 more ticket for this holder")
    expect(verdict(answer("admitted", { holder_remaining: 3 }), "en").remaining).toBe("3 more tickets for this holder")
    expect(verdict(answer("admitted", { holder_remaining: 3 }), "fr").remaining).toBe("Encore 3 billets pour ce titulaire")
    expect(verdict(answer("no_ticket", { holder_remaining: 0, ticket: null }), "en").remaining).toBeNull()
  })

  it("names a holder without a name by email, else says so", () => {
    expect(verdict(answer("admitted", { ticket: ticket({ holder_name: null }) }), "en").holder).toBe("ada@example.com")
    expect(verdict(answer("admitted", { ticket: ticket({ holder_name: null, holder_email: null }) }), "fr").holder).toBe("Titulaire sans nom")
  })

  it("answers what the page knew without the server", () => {
    expect(verdictOf({ kind: "card_qr" }, "en")).toMatchObject({ tone: "red", word: "NOT A TICKET", detail: expect.stringMatching(/tap the card/) })
    expect(verdictOf({ kind: "not_a_ticket" }, "fr")).toMatchObject({ tone: "red", word: "PAS UN BILLET" })
    expect(verdictOf({ kind: "no_answer" }, "en")).toMatchObject({ tone: "grey", word: "NO ANSWER" })
  })

  it("writes the time as HH:MM in both languages", () => {
    expect(formatTime("2026-01-05T08:03:00Z", "en", "UTC")).toBe("08:03")
    expect(formatTime("2026-01-05T23:59:00Z", "fr", "Europe/Paris")).toBe("00:59")
  })
})

describe("the door's dictionary", () => {
  const keys = Object.keys(DOOR_DICTIONARIES.en).sort()

  it.each(LANGS)("has every key in %s, none empty, the same placeholders", (lang) => {
    expect(Object.keys(DOOR_DICTIONARIES[lang]).sort()).toEqual(keys)
    for (const key of keys) {
      const k = key as keyof typeof DOOR_DICTIONARIES.en
      expect(DOOR_DICTIONARIES[lang][k].trim()).not.toBe("")
      expect([key, placeholdersOf(DOOR_DICTIONARIES[lang][k])]).toEqual([key, placeholdersOf(DOOR_DICTIONARIES.en[k])])
    }
  })

  it("fills placeholders", () => {
    expect(translateDoor("fr", "door_of", { door: "Entrance" })).toBe("Contrôle · Entrance")
    expect(translateDoor("en", "counter_of", { checked_in: 3, capacity: 50 })).toBe("3 / 50")
  })
})
