import { normalizeCardUid } from "../../../lib/card-uid"

/**
 * The reader agent's local WebSocket protocol (ARCHITECTURE, "Devices and the reader agent"):
 * JSON text frames `{"type":"tap","uid","reader","at"}` and
 * `{"type":"status","readers":[…],"pcsc":"ok"|"down"}` (on connect and on change).
 */
export const DEFAULT_READER_URL = "ws://127.0.0.1:7373"

export type ReaderTap = { type: "tap"; uid: string; reader: string; at: string }
export type ReaderStatus = { type: "status"; readers: string[]; pcsc: "ok" | "down" }
export type ReaderMessage = ReaderTap | ReaderStatus | { type: "invalid"; reason: string }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** One frame → a message; the UID normalized as the server does, so the till sends what the server stores. */
export function parseReaderMessage(text: string): ReaderMessage {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { type: "invalid", reason: "not JSON" }
  }
  if (!isRecord(data)) return { type: "invalid", reason: "not a JSON object" }
  if (data.type === "tap") {
    if (typeof data.uid !== "string") return { type: "invalid", reason: "a tap without a uid" }
    let uid: string
    try {
      uid = normalizeCardUid(data.uid)
    } catch (err) {
      return { type: "invalid", reason: (err as Error).message }
    }
    return {
      type: "tap",
      uid,
      reader: typeof data.reader === "string" ? data.reader : "",
      at: typeof data.at === "string" ? data.at : new Date().toISOString(),
    }
  }
  if (data.type === "status") {
    const readers = Array.isArray(data.readers) ? data.readers.filter((r): r is string => typeof r === "string") : []
    if (data.pcsc !== "ok" && data.pcsc !== "down") return { type: "invalid", reason: 'a status whose pcsc is not "ok" or "down"' }
    return { type: "status", readers, pcsc: data.pcsc }
  }
  return { type: "invalid", reason: `unknown message type ${JSON.stringify(data.type)}` }
}

/** A reader address typed on the till: ws:// or wss:// only. Answers the cleaned URL or null. */
export function readerUrlOrNull(text: string): string | null {
  const trimmed = text.trim()
  try {
    const url = new URL(trimmed)
    return url.protocol === "ws:" || url.protocol === "wss:" ? trimmed : null
  } catch {
    return null
  }
}

/** A UID typed by hand → normalized, or null when it is not one. */
export function manualUidOrNull(text: string): string | null {
  try {
    return normalizeCardUid(text)
  } catch {
    return null
  }
}
