import Redis from "ioredis"
import { type TillEvent, type TillEventListener, type TillTapBus, tillChannel } from "./events"

const PREFIX = "cashless:till-taps:"

/**
 * Several server processes: events go through Redis pub/sub, so a tap posted to one process
 * reaches the till pages connected to any other; tap ids are claimed with `SET NX EX`. Each
 * process holds one subscriber connection, subscribed to a point of sale's channel while it
 * serves at least one of its till pages.
 */
export class RedisTapBus implements TillTapBus {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly listeners = new Map<string, Set<TillEventListener>>()

  constructor(redisUrl: string, onError: (err: Error) => void = () => {}) {
    // A tap is worth little after a few seconds: fail fast rather than queue behind a dead Redis.
    const options = { maxRetriesPerRequest: 2, lazyConnect: false }
    this.pub = new Redis(redisUrl, options)
    this.sub = new Redis(redisUrl, options)
    this.pub.on("error", onError)
    this.sub.on("error", onError)
    this.sub.on("message", (channel: string, text: string) => {
      if (!channel.startsWith(PREFIX)) return
      const set = this.listeners.get(channel.slice(PREFIX.length))
      if (!set?.size) return
      let event: TillEvent
      try {
        event = JSON.parse(text) as TillEvent
      } catch {
        return
      }
      for (const listener of [...set]) listener(event)
    })
  }

  /**
   * Redis answers how many subscriber connections got the message: one per server process with
   * a till page of this point of sale open (docs/devices.md, "delivered").
   */
  async publish(posId: string, event: TillEvent): Promise<number> {
    return this.pub.publish(tillChannel(posId), JSON.stringify(event))
  }

  async subscribe(posId: string, listener: TillEventListener): Promise<() => void> {
    let set = this.listeners.get(posId)
    if (!set) this.listeners.set(posId, (set = new Set()))
    const entry: TillEventListener = (e) => listener(e)
    set.add(entry)
    // Commands on one connection run in order, so a SUBSCRIBE sent after an UNSUBSCRIBE of the
    // same channel leaves it subscribed.
    if (set.size === 1) await this.sub.subscribe(tillChannel(posId))
    return () => {
      if (!set.delete(entry) || set.size) return
      if (this.listeners.get(posId) === set) this.listeners.delete(posId)
      this.sub.unsubscribe(tillChannel(posId)).catch(() => {})
    }
  }

  localListeners(posId: string): number {
    return this.listeners.get(posId)?.size ?? 0
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.pub.set(`cashless:till-tap-claim:${key}`, "1", "EX", ttlSeconds, "NX")) === "OK"
  }

  async close(): Promise<void> {
    this.listeners.clear()
    await Promise.allSettled([this.pub.quit(), this.sub.quit()])
  }
}
