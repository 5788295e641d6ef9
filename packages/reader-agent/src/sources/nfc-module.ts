/**
 * nfc-pcsc is an optional dependency: its native addon (@pokusew/pcsclite) builds only where
 * libpcsclite-dev is installed, and `npm install` of the agent must succeed without it (a till
 * that only uses `--source stdin`, a developer's laptop). It is loaded on first use, and its
 * absence becomes instructions rather than a stack trace.
 */
import type { EventEmitter } from "node:events"

/** The parts of nfc-pcsc's Reader the agent uses. */
export interface NfcReader extends EventEmitter {
  name: string
  autoProcessing: boolean
  reader: { close(): void }
  transmit(data: Buffer, responseMaxLength: number): Promise<Buffer>
}

export interface NfcContext extends EventEmitter {
  close(): void
}

export type NfcConstructor = new () => NfcContext

export const INSTALL_HINT =
  "install the PC/SC library and daemon, then rebuild the agent's native addon: " +
  "`sudo apt-get install pcscd libpcsclite-dev` then `npm rebuild @pokusew/pcsclite` " +
  "(or reinstall the agent: npm install -g @medusa-cashless/reader-agent)"

export class NfcUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`nfc-pcsc cannot be loaded (${reason}): ${INSTALL_HINT}`)
  }
}

let cached: NfcConstructor | null = null

export function loadNfc(): NfcConstructor {
  if (cached) return cached
  let mod: { NFC?: NfcConstructor }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (optional, native)
    mod = require("nfc-pcsc")
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    const message = e.message.split("\n")[0]
    let reason = message
    if (e.code === "MODULE_NOT_FOUND" && /'nfc-pcsc'/.test(message)) reason = "the optional dependency nfc-pcsc is not installed"
    else if (/bindings file|pcsclite\.node/.test(message)) reason = "its native addon was not built (libpcsclite-dev was missing at install time?)"
    else if (/libpcsclite/.test(message)) reason = `the PC/SC library is missing: ${message}`
    throw new NfcUnavailableError(reason)
  }
  if (typeof mod.NFC !== "function") throw new NfcUnavailableError("the module has no NFC export")
  cached = mod.NFC
  return cached
}
