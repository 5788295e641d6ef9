import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { PassThrough } from "node:stream"
import { Agent } from "../src/agent"
import { writeDeviceFile } from "../src/device-file"
import { memoryLogger } from "../src/log"
import { StdinSource } from "../src/sources/stdin-source"
import type { Tap } from "../src/tap-detector"
import { spawnCli } from "./helpers/cli"
import { eventually, freePort, HttpStub } from "./helpers/http-stub"
import { openTillWhenUp } from "./helpers/till-client"

describe("--source stdin", () => {
  it("turns each line into a tap through the same normalization; junk is logged and skipped", async () => {
    const input = new PassThrough()
    const log = memoryLogger()
    const taps: Tap[] = []
    const agent = new Agent({ source: new StdinSource(input), log, onTap: (t) => taps.push(t) })
    await agent.start()
    expect(agent.status()).toEqual({ type: "status", readers: ["stdin"], pcsc: "ok" })
    input.write("04:a1:b2:c3:d4:e5:f6\n\n# a comment\nnot-a-uid\na1b2c3d4\r\na1b2c3d4\n")
    await eventually(() => taps.length === 3, "three taps")
    expect(taps.map((t) => t.uid)).toEqual(["04A1B2C3D4E5F6", "A1B2C3D4", "A1B2C3D4"])
    expect(log.entries.filter((e) => e.msg === "not a card UID: ignored")).toHaveLength(1)
    input.end()
    await agent.ended
    await agent.stop()
  })

  it("the built agent in mode both: a line reaches the till page and the server, then EOF stops it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cashless-reader-stdin-"))
    const taps: unknown[] = []
    const server = await new HttpStub((req) => {
      if (req.url.endsWith("/taps")) {
        taps.push(req.body)
        return { status: 202, body: { delivered: 1 } }
      }
      return { status: 200, body: { ok: true } }
    }).start()
    const config = path.join(dir, "device.json")
    await writeDeviceFile(config, {
      server_url: server.url,
      device_id: "dev_1",
      device_name: "pi",
      point_of_sale: { id: "pos_1", name: "Bar" },
      token: "cdt_test",
      paired_at: new Date().toISOString(),
    })
    const port = await freePort()
    const agent = spawnCli(["run", "--mode", "both", "--source", "stdin", "--port", String(port), "--config", config])
    try {
      // The paired server's origin is allowed by itself.
      const till = await openTillWhenUp(port, server.url)
      agent.child.stdin?.write("04 a1 b2 c3 d4 e5 f6\n")
      await eventually(() => till.frames.some((f) => f.type === "tap") && taps.length === 1, "the tap on both sides")
      expect(till.frames.find((f) => f.type === "tap")).toMatchObject({ uid: "04A1B2C3D4E5F6", reader: "stdin" })
      expect(taps[0]).toMatchObject({ uid: "04A1B2C3D4E5F6", reader: "stdin", tap_id: expect.any(String) })
      agent.child.stdin?.end()
      expect(await agent.exited).toBe(0)
      till.close()
      const lines = agent.stderr().trim().split("\n").map((l) => JSON.parse(l))
      expect(lines.every((l) => typeof l.t === "string" && typeof l.level === "string" && typeof l.msg === "string")).toBe(true)
      expect(lines.some((l) => l.msg === "tap sent to the server")).toBe(true)
    } finally {
      agent.child.kill()
      await server.stop()
    }
  })
})
