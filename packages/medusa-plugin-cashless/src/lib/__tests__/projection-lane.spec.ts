import { ProjectionLane } from "../projection-lane"

const tick = () => new Promise((r) => setImmediate(r))

describe("ProjectionLane", () => {
  it("runs at most `concurrency` projections at once, in arrival order", async () => {
    const lane = new ProjectionLane(2)
    const started: string[] = []
    const finish = new Map<string, () => void>()
    const job = (id: string) => () =>
      new Promise<void>((resolve) => {
        started.push(id)
        finish.set(id, resolve)
      })
    const runs = ["a", "b", "c", "d"].map((id) => lane.run(id, job(id)))
    await tick()
    expect(started).toEqual(["a", "b"])
    finish.get("b")!()
    await tick()
    expect(started).toEqual(["a", "b", "c"])
    finish.get("a")!()
    finish.get("c")!()
    await tick()
    finish.get("d")!()
    expect(await Promise.all(runs)).toEqual([true, true, true, true])
    expect(lane.size).toBe(0)
  })

  it("does not queue a sale twice while it waits, and takes it again once done", async () => {
    const lane = new ProjectionLane(1)
    let release!: () => void
    const first = lane.run("s1", () => new Promise<void>((r) => (release = r)))
    await tick()
    expect(lane.has("s1")).toBe(true)
    expect(await lane.run("s1", async () => undefined)).toBe(false)
    release()
    expect(await first).toBe(true)
    expect(await lane.run("s1", async () => undefined)).toBe(true)
  })

  it("frees its place when a projection fails", async () => {
    const lane = new ProjectionLane(1)
    await expect(lane.run("bad", async () => Promise.reject(new Error("order module down")))).rejects.toThrow("order module down")
    expect(await lane.run("next", async () => undefined)).toBe(true)
    expect(lane.size).toBe(0)
  })

  it("refuses a concurrency that is not a whole number from 1", () => {
    expect(() => new ProjectionLane(0)).toThrow("projection concurrency must be a whole number from 1, got 0")
  })
})
