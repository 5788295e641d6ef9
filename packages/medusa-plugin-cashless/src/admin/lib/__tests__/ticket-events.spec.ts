import {
  checkInPercent,
  createEventBody,
  emptyEventForm,
  type EventForm,
  eventFormOf,
  formatEventDates,
  fromDateTimeLocal,
  toDateTimeLocal,
  updateEventBody,
} from "../ticket-events"

// Instants built from local parts, so the expectations hold in any time zone the tests run in.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString()

const filled = (over: Partial<EventForm> = {}): EventForm => ({
  ...emptyEventForm(),
  name: "  Summer night ",
  venue: " Main stage ",
  starts_at: "2027-07-14T18:00",
  ends_at: "2027-07-14T23:30",
  capacity: "500",
  product_id: "prod_1",
  ...over,
})

describe("event drawer → request body", () => {
  it("reads datetime-local values as local time, and back", () => {
    expect(fromDateTimeLocal("2027-07-14T18:00")).toBe(local(2027, 7, 14, 18))
    expect(toDateTimeLocal(local(2027, 7, 14, 18, 5))).toBe("2027-07-14T18:05")
    expect(toDateTimeLocal(null)).toBe("")
    expect(fromDateTimeLocal("")).toBeNull()
    expect(fromDateTimeLocal("14/07/2027 18:00")).toBeNull()
  })

  it("builds the create body, trimmed, optional fields left out when empty", () => {
    expect(createEventBody(filled())).toEqual({
      body: {
        name: "Summer night",
        venue: "Main stage",
        starts_at: local(2027, 7, 14, 18),
        ends_at: local(2027, 7, 14, 23, 30),
        capacity: 500,
        product_id: "prod_1",
      },
    })
    const bare = createEventBody(filled({ venue: " ", ends_at: "", stock_location_id: "sloc_1" }))
    expect(bare).toEqual({
      body: { name: "Summer night", starts_at: local(2027, 7, 14, 18), capacity: 500, product_id: "prod_1", stock_location_id: "sloc_1" },
    })
  })

  it("names every field to fix", () => {
    const res = createEventBody(emptyEventForm())
    expect("errors" in res && Object.keys(res.errors).sort()).toEqual(["capacity", "name", "product_id", "starts_at"])
    for (const capacity of ["", "-3", "2.5", "abc", "1000001"]) {
      const bad = createEventBody(filled({ capacity }))
      expect("errors" in bad && bad.errors.capacity).toMatch(/whole number/)
    }
    // As the server: 0 places (not on sale yet) and the top of the range are accepted.
    expect(createEventBody(filled({ capacity: "0" }))).toMatchObject({ body: { capacity: 0 } })
    expect(createEventBody(filled({ capacity: "1000000" }))).toMatchObject({ body: { capacity: 1_000_000 } })
    const backwards = createEventBody(filled({ ends_at: "2027-07-14T17:59" }))
    expect("errors" in backwards && backwards.errors).toEqual({ ends_at: "The end must come after the start." })
    expect(createEventBody(filled({ ends_at: "2027-07-14T18:00" }))).toMatchObject({ body: { ends_at: local(2027, 7, 14, 18) } })
  })

  it("sends only what changed on edit, null for a cleared venue or end", () => {
    const event = { name: "Summer night", venue: "Main stage", starts_at: local(2027, 7, 14, 18), ends_at: local(2027, 7, 14, 23, 30), capacity: 500 }
    expect(updateEventBody(event, eventFormOf(event))).toEqual({ body: {} })
    expect(updateEventBody(event, { ...eventFormOf(event), name: "Summer night 2", capacity: "450" })).toEqual({
      body: { name: "Summer night 2", capacity: 450 },
    })
    expect(updateEventBody(event, { ...eventFormOf(event), venue: "", ends_at: "" })).toEqual({ body: { venue: null, ends_at: null } })
    expect(updateEventBody(event, { ...eventFormOf(event), starts_at: "2027-07-14T19:00" })).toEqual({
      body: { starts_at: local(2027, 7, 14, 19) },
    })
    // The product is chosen once, at creation: editing does not ask for it again.
    expect(updateEventBody(event, { ...eventFormOf(event), capacity: "-1" })).toMatchObject({ errors: { capacity: expect.any(String) } })
  })
})

describe("event dates and progress", () => {
  it("shows one day with its end time, several days in full, a start alone without an end", () => {
    const oneDay = formatEventDates(local(2027, 7, 14, 18), local(2027, 7, 14, 23, 30), "en-GB")
    expect(oneDay).toMatch(/14 Jul 2027.*18:00 – 23:30$/)
    const twoDays = formatEventDates(local(2027, 7, 14, 18), local(2027, 7, 16, 2), "en-GB")
    expect(twoDays).toMatch(/14 Jul 2027.*18:00 – .*16 Jul 2027.*02:00$/)
    expect(formatEventDates(local(2027, 7, 14, 18), null, "en-GB")).toMatch(/14 Jul 2027.*18:00$/)
  })

  it("gives the checked-in share of the capacity, rounded down and capped", () => {
    expect(checkInPercent(0, 500)).toBe(0)
    expect(checkInPercent(1, 500)).toBe(0)
    expect(checkInPercent(250, 500)).toBe(50)
    expect(checkInPercent(499, 500)).toBe(99)
    expect(checkInPercent(500, 500)).toBe(100)
    expect(checkInPercent(510, 500)).toBe(100)
    expect(checkInPercent(3, 0)).toBe(0)
  })
})
