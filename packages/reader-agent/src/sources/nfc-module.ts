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

const APT = "`sudo apt-get install pcscd libpcsclite-dev`"

/** What to do, by what went wrong: npm drops a failed optional dependency entirely. */
export const INSTALL_HINT = {
  missing: `install the PC/SC library and daemon (${APT}), then reinstall the agent so that npm builds nfc-pcsc (\`npm install -g @medusa-cashless/reader-agent\`, or \`npm ci\` in the repository)`,
  unbuilt: `install the PC/SC headers (${APT}), then build the addon: \`npm rebuild @pokusew/pcsclite\` where the agent is installed`,
  library: `install the PC/SC library: ${APT}`,
}

export class NfcUnavailableError extends Error {
  constructor(readonly reason: string, readonly fix: string) {
    super(`nfc-pcsc cannot be loaded (${reason}): ${fix}`)
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
    if (e.code === "MODULE_NOT_FOUND" && /'nfc-pcsc'|'@pokusew\/pcsclite'/.test(message)) {
      throw new NfcUnavailableError("the optional dependency nfc-pcsc is not installed", INSTALL_HINT.missing)
    }
    if (/bindings file|pcsclite\.node/.test(message)) {
      throw new NfcUnavailableError("its native addon was not built (libpcsclite-dev missing at install time?)", INSTALL_HINT.unbuilt)
    }
    if (/libpcsclite/.test(message)) throw new NfcUnavailableError(`the PC/SC library is missing: ${message}`, INSTALL_HINT.library)
    throw new NfcUnavailableError(message, INSTALL_HINT.missing)
  }
  if (typeof mod.NFC !== "function") throw new NfcUnavailableError("the module has no NFC export", INSTALL_HINT.missing)
  cached = mod.NFC
  return cached
}
