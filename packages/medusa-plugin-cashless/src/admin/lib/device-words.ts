/** Pure helpers of the Devices page, tested without a browser. */
import type { Device } from "../../types/http/devices"

/** Seen within this many seconds: online (the agent's heartbeat is every 30 s; the server says the same). */
export const ONLINE_SECONDS = 90

export const isOnline = (device: Pick<Device, "last_seen_at" | "revoked_at">, now: number) =>
  !device.revoked_at && !!device.last_seen_at && now - Date.parse(device.last_seen_at) < ONLINE_SECONDS * 1000

/** "just now", "40 s ago", "2 min ago", "3 h ago", "5 days ago"; "never" without a date. */
export function timeAgo(iso: string | null, now: number): string {
  if (!iso) return "never"
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 10) return "just now"
  if (seconds < 60) return `${seconds} s ago`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.floor(hours / 24)
  return `${days} day${days === 1 ? "" : "s"} ago`
}

/** "9:05" left until `iso`; "0:00" once past. */
export function countdown(iso: string, now: number): string {
  // Rounded down: a code never shows more time than it has (the server clock may be a second ahead).
  const left = Math.max(0, Math.floor((Date.parse(iso) - now) / 1000))
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`
}

/** The command to type on the reader's computer, with this server's address. */
export const pairCommand = (serverUrl: string, code: string) => `cashless-reader pair ${serverUrl.replace(/\/$/, "")} ${code}`

