import { createLogger, type Logger } from "./log"
import type { ReaderFilter } from "./reader-filter"
import { loadNfc } from "./sources/nfc-module"
import { PcscSource } from "./sources/pcsc-source"
import { pcscdSocketPath, socketAccepts } from "./sources/pcscd-socket"
import type { ReaderInfo } from "./sources/reader-source"

export type ReaderListing =
  | { ok: true; readers: ReaderInfo[] }
  | { ok: false; problem: "nfc"; message: string }
  | { ok: false; problem: "pcscd"; socket: string; reason: string }

/**
 * The readers PC/SC reports right now. pcsc-lite announces them just after the context is made,
 * one event each, so the listing waits a moment for them (`settleMs`).
 */
export async function listReaders(
  filter: ReaderFilter,
  { settleMs = 1200, log = createLogger({ level: "error" }) }: { settleMs?: number; log?: Logger } = {}
): Promise<ReaderListing> {
  try {
    loadNfc()
  } catch (err) {
    return { ok: false, problem: "nfc", message: (err as Error).message }
  }
  const socket = pcscdSocketPath()
  const probe = await socketAccepts(socket)
  if (!probe.ok) return { ok: false, problem: "pcscd", socket, reason: probe.reason }
  const source = new PcscSource({ filter, log })
  let readers: ReaderInfo[] = []
  source.on("readers", (list) => (readers = list))
  source.start()
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  await source.stop()
  return { ok: true, readers }
}
