// How long a card takes to reach the till page through the reader agent, on the real PC/SC stack
// (pcscd + vsmartcard's virtual reader + a fake tag, as in the agent's PC/SC test suite), in two
// parts:
//   PC/SC detection        tag put on the reader → the agent's tap `at` (pcscd's poll, nfc-pcsc,
//                          the agent's GET UID and debounce)
//   agent → till page      tap `at` → the WebSocket client standing in for the till receives it
// Standalone: no shop. Needs pcscd and vsmartcard-vpcd (apt-get install -y --no-install-recommends
// pcscd libpcsclite-dev vsmartcard-vpcd) and the built agent (npm run build -w @medusa-cashless/reader-agent);
// starts pcscd when it does not run (as root).
//
//   BENCH_TAPS   number of taps (default 60, at least 50)
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import WebSocket from "ws"
import { percentile } from "../lib/load.mjs"
import { positiveInts } from "../lib/env.mjs"

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const agentDir = path.join(repo, "packages/reader-agent")
const CLI = path.join(agentDir, "dist/cli.js")
const [TAPS] = positiveInts("BENCH_TAPS", [60])
const ORIGIN = "http://bench.local"
const READER = "Virtual PCD 00 00"

export const standalone = true
export const description = `reader agent tap latency over ${TAPS} taps: PC/SC detection and agent → till page delivery (virtual reader)`

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return { n: sorted.length, min: sorted[0], p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) }
}

async function connectTill(port) {
  for (let i = 0; i < 200; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { origin: ORIGIN })
    const ok = await new Promise((resolve) => {
      ws.once("open", () => resolve(true))
      ws.once("error", () => resolve(false))
    })
    if (ok) return ws
    await sleep(100)
  }
  throw new Error(`the agent does not listen on ${port}`)
}

export async function run() {
  if (TAPS < 50) throw new Error("BENCH_TAPS must be at least 50 for a p95 worth printing")
  if (!existsSync(CLI)) throw new Error("the agent is not built: npm run build -w @medusa-cashless/reader-agent")
  const { insertTag } = await import(path.join(agentDir, "dist/testing/vpcd-tag.js"))
  const pcscd = await import(path.join(agentDir, "dist/testing/pcscd-control.js"))
  if (!(await pcscd.pcscdReady())) {
    if (!existsSync(pcscd.PCSCD_BIN)) throw new Error("pcscd is not installed: apt-get install -y --no-install-recommends pcscd libpcsclite-dev vsmartcard-vpcd")
    console.log("  starting pcscd")
    pcscd.startBackgroundPcscd()
    await pcscd.waitFor("pcscd", () => pcscd.pcscdReady())
  }

  const port = await freePort()
  const agent = spawn(process.execPath, [CLI, "run", "--mode", "local", "--readers", READER, "--port", String(port), "--allow-origin", ORIGIN], {
    stdio: ["ignore", "ignore", "pipe"],
  })
  let agentLog = ""
  agent.stderr.on("data", (d) => (agentLog = (agentLog + d).slice(-20_000)))
  const detection = []
  const delivery = []
  try {
    const ws = await connectTill(port)
    const frames = []
    ws.on("message", (data) => frames.push({ receivedAt: Date.now(), frame: JSON.parse(String(data)) }))
    await pcscd.waitFor("the virtual reader in the agent's status", () =>
      frames.some(({ frame }) => frame.type === "status" && frame.pcsc === "ok" && frame.readers.includes(READER))
    )
    for (let i = 0; i < TAPS; i++) {
      // A random pause puts the insertion at a random point of pcscd's ~400 ms poll: the figures
      // then cover the whole poll cycle, not one phase of it.
      await sleep(Math.random() * 400)
      const uid = `04${(0x100000000000 + i * 7919).toString(16).slice(-12)}`
      const before = frames.filter(({ frame }) => frame.type === "tap").length
      const insertedAt = Date.now()
      const tag = insertTag(uid)
      await tag.connected
      await pcscd.waitFor(`the tap of ${uid}`, () => frames.filter(({ frame }) => frame.type === "tap").length > before, 10_000, 2)
      const { frame, receivedAt } = frames.filter(({ frame }) => frame.type === "tap")[before]
      if (frame.uid !== uid.toUpperCase()) throw new Error(`expected ${uid.toUpperCase()}, the till got ${frame.uid}`)
      const at = Date.parse(frame.at)
      detection.push(at - insertedAt)
      delivery.push(receivedAt - at)
      await tag.remove()
      await sleep(700) // pcscd notices the removal on its next poll
      if ((i + 1) % 10 === 0) process.stdout.write(`  ${i + 1}/${TAPS} taps\n`)
    }
    ws.close()
  } catch (err) {
    console.error(agentLog.split("\n").slice(-15).join("\n"))
    throw err
  } finally {
    agent.kill("SIGTERM")
  }
  const rows = [
    { what: "PC/SC detection (tag in → tap at)", ...stats(detection) },
    { what: "agent → till page (tap at → received)", ...stats(delivery) },
    { what: "tag in → till page", ...stats(detection.map((d, i) => d + delivery[i])) },
  ]
  console.log(`\n${"what".padEnd(40)} ${"n".padStart(4)} ${"min".padStart(6)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"max".padStart(6)}   (ms)`)
  for (const r of rows) {
    console.log(`${r.what.padEnd(40)} ${String(r.n).padStart(4)} ${String(r.min).padStart(6)} ${String(r.p50).padStart(6)} ${String(r.p95).padStart(6)} ${String(r.max).padStart(6)}`)
  }
  return rows.map((r) => ({ ...r, unit: "ms", resolution_ms: 1 }))
}
