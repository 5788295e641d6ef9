import type { TillEvent, TillEventListener, TillTapBus } from "./events"
import { TtlSet } from "./ttl-set"

/** One server process: the till pages it serves are all there is. */
export class MemoryTapBus implements TillTapBus {
  private readonly listeners = new Map<string, Set<TillEventListener>>()
  private readonly claimed = new TtlSet()

  async publish(posId: string, event: TillEvent): Promise<number> {
    const set = this.listeners.get(posId)
    if (!set) return 0
    for (const listener of [...set]) listener(event)
    return set.size
  }

  async subscribe(posId: string, listener: TillEventListener): Promise<() => void> {
    let set = this.listeners.get(posId)
    if (!set) this.listeners.set(posId, (set = new Set()))
    // A wrapper per subscription: the same function subscribed twice is two pages.
    const entry: TillEventListener = (e) => listener(e)
    set.add(entry)
    return () => {
      set.delete(entry)
      if (!set.size && this.listeners.get(posId) === set) this.listeners.delete(posId)
    }
  }

  localListeners(posId: string): number {
    return this.listeners.get(posId)?.size ?? 0
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return this.claimed.add(key, ttlSeconds * 1000)
  }

  async close(): Promise<void> {
    this.listeners.clear()
  }
}
