/**
 * One UID per line on stdin: a keyboard-wedge reader, a person typing, or a test driving the
 * real agent without PC/SC. Each line is a whole tap (in and out of the field), so the same UID
 * twice is two taps; the UID goes through the same normalization and delivery as a PC/SC read.
 */
import readline from "node:readline"
import type { Readable } from "node:stream"
import { ReaderSource } from "./reader-source"

export const STDIN_READER = "stdin"

export class StdinSource extends ReaderSource {
  readonly kind = "stdin" as const
  private rl: readline.Interface | null = null

  constructor(private readonly input: Readable = process.stdin) {
    super()
  }

  start(): void {
    this.emit("pcsc", "ok")
    this.emit("readers", [{ name: STDIN_READER, kept: true }])
    this.rl = readline.createInterface({ input: this.input, crlfDelay: Infinity })
    this.rl.on("line", (line) => {
      const uid = line.trim()
      if (!uid || uid.startsWith("#")) return
      this.emit("card", uid, STDIN_READER)
      this.emit("card.off", STDIN_READER)
    })
    this.rl.on("close", () => {
      this.rl = null
      this.emit("end")
    })
  }

  async stop(): Promise<void> {
    const rl = this.rl
    this.rl = null
    rl?.removeAllListeners("close")
    rl?.close()
  }
}
