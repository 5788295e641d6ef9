/**
 * Remote mode: the reader is on a Raspberry Pi, the till on a tablet; taps go to the server,
 * which hands them to the till pages of this device's point of sale (device contract).
 * - Each tap gets a tap_id once, reused on every retry: the server delivers a tap_id once, so an
 *   answer lost on the way back cannot make a second tap.
 * - A tap not delivered within 10 s is dropped (and logged): by then the cashier has moved on,
 *   and a late tap must never land on the next customer's sale.
 * - 401 means the device was revoked (or its token is unknown): retrying cannot help, so remote
 *   sending stops and the log says to pair again.
 */
import { randomUUID } from "node:crypto"
import { Backoff } from "./backoff"
import type { StatusFrame } from "./local-server"
import type { Logger } from "./log"
import { callServer, describeError, ServerUnreachableError, type ApiAnswer } from "./server-client"
import type { Tap } from "./tap-detector"

export type RemoteSenderOptions = {
  serverUrl: string
  token: string
  pointOfSaleId: string
  agentVersion: string
  log: Logger
  /** How long a tap may take to reach the server before it is dropped. */
  maxTapAgeMs?: number
  heartbeatMs?: number
  /** First pause between attempts at a tap; it doubles, up to 2 s (a tap lives 10 s). */
  retryInitialMs?: number
  onRevoked?: () => void
}

export type TapOutcome =
  | { outcome: "delivered"; tap_id: string; delivered: number; duplicate: boolean; attempts: number }
  | { outcome: "dropped"; tap_id: string; reason: string; attempts: number }
  | { outcome: "revoked"; tap_id: string; attempts: number }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export class RemoteSender {
  private revoked = false
  private heartbeat: NodeJS.Timeout | null = null
  private latestStatus: StatusFrame | null = null
  private statusInFlight: Promise<void> | null = null
  private statusDirty = false
  private serverDown = false
  private readonly pending = new Set<Promise<TapOutcome>>()

  constructor(private readonly opts: RemoteSenderOptions) {}

  get isRevoked(): boolean {
    return this.revoked
  }

  start(): void {
    this.heartbeat = setInterval(() => {
      if (this.latestStatus) this.status(this.latestStatus)
    }, this.opts.heartbeatMs ?? 30_000)
  }

  /** Resolves when every tap in flight is delivered or dropped (each within its deadline). */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
    await Promise.allSettled([...this.pending])
    await this.statusInFlight
  }

  private revoke(answer: ApiAnswer) {
    if (this.revoked) return
    this.revoked = true
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
    this.opts.log.error("the server refused this reader's token: remote sending stopped, pair again", {
      server: this.opts.serverUrl,
      reason: describeError(answer),
      fix: "create a code in Cashless → Devices, then `cashless-reader pair <server-url> <code>` and restart",
    })
    this.opts.onRevoked?.()
  }

  tap(tap: Tap): Promise<TapOutcome> {
    const promise = this.deliver(tap)
    this.pending.add(promise)
    void promise.finally(() => this.pending.delete(promise))
    return promise
  }

  private async deliver(tap: Tap): Promise<TapOutcome> {
    const tap_id = randomUUID()
    const deadline = Date.parse(tap.at) + (this.opts.maxTapAgeMs ?? 10_000)
    const backoff = new Backoff(this.opts.retryInitialMs ?? 250, 2000)
    const route = `/cashless/tills/${encodeURIComponent(this.opts.pointOfSaleId)}/taps`
    let attempts = 0
    let lastProblem = "not sent"
    const drop = (reason: string): TapOutcome => {
      this.opts.log.warn("tap dropped: not delivered in time, the cashier has to tap again", {
        tap_id,
        uid: tap.uid,
        at: tap.at,
        reason,
        attempts,
      })
      return { outcome: "dropped", tap_id, reason, attempts }
    }
    while (!this.revoked) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) return drop(lastProblem)
      attempts++
      let answer: ApiAnswer
      try {
        answer = await callServer(this.opts.serverUrl, "POST", route, {
          token: this.opts.token,
          body: { tap_id, uid: tap.uid, reader: tap.reader, at: tap.at },
          timeoutMs: remaining,
        })
      } catch (err) {
        lastProblem = err instanceof ServerUnreachableError ? err.message : (err as Error).message
        if (!this.serverDown) this.opts.log.warn("server unreachable: retrying the tap", { tap_id, reason: lastProblem })
        this.serverDown = true
        await sleep(Math.min(backoff.next(), Math.max(0, deadline - Date.now())))
        continue
      }
      if (this.serverDown) this.opts.log.info("server reachable again", { server: this.opts.serverUrl })
      this.serverDown = false
      if (answer.status === 202 || answer.status === 200) {
        const delivered = typeof answer.body.delivered === "number" ? answer.body.delivered : 0
        const duplicate = answer.body.duplicate === true
        this.opts.log.info("tap sent to the server", { tap_id, uid: tap.uid, delivered, duplicate, attempts })
        if (delivered === 0 && !duplicate) {
          this.opts.log.warn("no till page of this point of sale is open: nobody received the tap", { tap_id })
        }
        return { outcome: "delivered", tap_id, delivered, duplicate, attempts }
      }
      if (answer.status === 401) {
        this.revoke(answer)
        break
      }
      if (answer.status >= 500 || answer.status === 429) {
        lastProblem = describeError(answer)
        await sleep(Math.min(backoff.next(), Math.max(0, deadline - Date.now())))
        continue
      }
      // 400 invalid uid, 403 wrong point of sale, 409 tap_stale: retrying would change nothing.
      this.opts.log.warn("tap refused by the server", { tap_id, uid: tap.uid, status: answer.status, reason: describeError(answer) })
      return { outcome: "dropped", tap_id, reason: describeError(answer), attempts }
    }
    return { outcome: "revoked", tap_id, attempts }
  }

  /** Sends the readers and PC/SC state now (start, change); the heartbeat resends the latest. */
  status(frame: StatusFrame): void {
    this.latestStatus = frame
    if (this.revoked) return
    if (this.statusInFlight) {
      this.statusDirty = true
      return
    }
    this.statusInFlight = this.sendStatus(frame).finally(() => {
      this.statusInFlight = null
      if (this.statusDirty && this.latestStatus) {
        this.statusDirty = false
        this.status(this.latestStatus)
      }
    })
  }

  private async sendStatus(frame: StatusFrame): Promise<void> {
    try {
      const answer = await callServer(this.opts.serverUrl, "POST", "/cashless/devices/me/status", {
        token: this.opts.token,
        // The server keeps at most 20 reader names per device.
        body: { readers: frame.readers.slice(0, 20), pcsc: frame.pcsc, agent_version: this.opts.agentVersion },
      })
      if (answer.status === 401) return this.revoke(answer)
      if (answer.status >= 300) {
        this.opts.log.warn("status refused by the server", { status: answer.status, reason: describeError(answer) })
        return
      }
      if (this.serverDown) this.opts.log.info("server reachable again", { server: this.opts.serverUrl })
      this.serverDown = false
      this.opts.log.debug("status sent", { readers: frame.readers, pcsc: frame.pcsc })
    } catch (err) {
      if (!this.serverDown) this.opts.log.warn("server unreachable: status not sent (retried with the next heartbeat)", { reason: (err as Error).message })
      this.serverDown = true
    }
  }
}
