import { projectionLane } from "../../lib/projection-lane"

const started: string[] = []
let finish: () => void = () => {}
let fail: ((err: Error) => void) | null = null

jest.mock("../../workflows/till/project-sale-workflow", () => ({
  projectSaleWorkflow: () => ({
    run: ({ input }: { input: { sale_id: string } }) => {
      started.push(input.sale_id)
      return new Promise<void>((resolve, reject) => {
        finish = resolve
        fail = reject
      })
    },
  }),
}))

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tillSaleRecorded = require("../till-sale-recorded").default

const warnings: string[] = []
const container = { resolve: () => ({ warn: (m: string) => warnings.push(m) }) }
const handle = (id: string) => tillSaleRecorded({ event: { name: "cashless.till_sale.recorded", data: { id } }, container })

describe("the till-sale-recorded subscriber", () => {
  it("hands the sale to the projection lane and returns at once, so the event worker is not held by the backlog", async () => {
    await handle("sale_1")
    await handle("sale_2")
    // The first projection is still running and the second is waiting for the lane: both handlers returned.
    expect(started).toEqual(["sale_1"])
    expect(projectionLane.has("sale_1")).toBe(true)
    expect(projectionLane.has("sale_2")).toBe(true)

    finish()
    await new Promise((r) => setImmediate(r))
    expect(started).toEqual(["sale_1", "sale_2"])

    // A failed projection is logged for the re-drive job, never thrown into the event worker.
    fail!(new Error("order module unavailable"))
    await new Promise((r) => setImmediate(r))
    expect(warnings).toEqual(["cashless: sale sale_2 could not become an order yet: order module unavailable"])
    expect(projectionLane.size).toBe(0)
  })
})
