import { ticketPriceMinor } from "../ticket-price"
import { answerOf, needsCheckedInOverride, TicketWriteError } from "../ticket-writes"

describe("a ticket's price before its refund", () => {
  const lines = [
    { id: "item_a", quantity: 3, unit_price: 25, total: 75 },
    { id: "item_b", quantity: 2, unit_price: 10, total: { value: "15.01" } },
    { id: "item_c", quantity: 1, unit_price: "12.5", total: null },
  ]

  it("shares the line's total between its tickets, in minor units, rounded down", () => {
    expect(ticketPriceMinor(lines, "item_a", "eur")).toBe(2500)
    expect(ticketPriceMinor(lines, "item_b", "eur")).toBe(750)
    expect(ticketPriceMinor([{ id: "x", quantity: 1, unit_price: 1000, total: 1000 }], "x", "jpy")).toBe(1000)
  })

  it("falls back to the unit price without a total, and to nothing for an unknown line", () => {
    expect(ticketPriceMinor(lines, "item_c", "eur")).toBe(1250)
    expect(ticketPriceMinor(lines, "item_z", "eur")).toBeNull()
    expect(ticketPriceMinor(undefined, "item_a", "eur")).toBeNull()
  })

  it("rounds a total with a fraction of a cent (taxes) instead of failing", () => {
    expect(ticketPriceMinor([{ id: "t", quantity: 1, unit_price: 10, total: 10.004 }], "t", "eur")).toBe(1000)
  })
})

describe("refused ticket writes", () => {
  const refusal = (status: number, body: Record<string, unknown>) => {
    try {
      answerOf({ kind: "answer", status, body })
    } catch (err) {
      return err
    }
    throw new Error("answerOf did not throw")
  }

  it("passes a success through", () => {
    expect(answerOf({ kind: "answer", status: 200, body: { ticket: { id: "tkt_1" } } })).toEqual({ ticket: { id: "tkt_1" } })
  })

  it("keeps the server's sentence and code, and asks for the override only on 409 checked_in", () => {
    const used = refusal(409, { code: "checked_in", message: "This ticket was checked in at 21:04 at Gate A." })
    expect(used).toBeInstanceOf(TicketWriteError)
    expect((used as Error).message).toBe("This ticket was checked in at 21:04 at Gate A.")
    expect(needsCheckedInOverride(used)).toBe(true)

    const forbidden = refusal(403, { code: "forbidden", message: "Refunding a ticket needs a manager: you are a cashier." })
    expect((forbidden as Error).message).toBe("Refunding a ticket needs a manager: you are a cashier.")
    expect(needsCheckedInOverride(forbidden)).toBe(false)
    expect(needsCheckedInOverride(refusal(409, { code: "idempotency_conflict", message: "used" }))).toBe(false)
    expect(needsCheckedInOverride(new Error("checked_in"))).toBe(false)
  })

  it("says when no answer came, and that trying again is safe", () => {
    let err: unknown
    try {
      answerOf({ kind: "network", reason: "timeout", message: "no answer in time" })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(TicketWriteError)
    expect((err as TicketWriteError).status).toBeNull()
    expect((err as Error).message).toMatch(/No answer from the server \(no answer in time\)/)
    expect((refusal(500, {}) as Error).message).toBe("The server refused (HTTP 500).")
  })
})
