/** What the till pages of a point of sale receive from its paired readers (docs/devices.md). */
export type TillTapEvent = {
  type: "tap"
  uid: string
  reader: string
  at: string
  device_id: string
  device_name: string
  tap_id: string
}

export type TillStatusEvent = {
  type: "status"
  device_id: string
  device_name: string
  readers: string[]
  pcsc: "ok" | "down"
}

export type TillEvent = TillTapEvent | TillStatusEvent

export type TillEventListener = (event: TillEvent) => void

/** The Redis channel of a point of sale's till pages. */
export const tillChannel = (posId: string) => `cashless:till-taps:${posId}`

/**
 * Carries a point of sale's reader events to its till pages: in this process, or through Redis
 * to every server process. `publish` answers how many received it; `claim` takes a key once
 * (tap ids), across processes when they share Redis.
 */
export interface TillTapBus {
  publish(posId: string, event: TillEvent): Promise<number>
  /** Resolves once events published from now on will reach `listener`. */
  subscribe(posId: string, listener: TillEventListener): Promise<() => void>
  /** Till pages of this point of sale listening in this process. */
  localListeners(posId: string): number
  /** True the first time a key is claimed within `ttlSeconds`, false after. */
  claim(key: string, ttlSeconds: number): Promise<boolean>
  close(): Promise<void>
}
