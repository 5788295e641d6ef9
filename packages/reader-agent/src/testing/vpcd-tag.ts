/**
 * A fake NFC tag for vsmartcard's virtual reader (`Virtual PCD`), so the real PC/SC stack (pcscd,
 * libpcsclite, nfc-pcsc) can be driven without hardware: connecting to vpcd's TCP port inserts
 * the card, closing the connection removes it. Used by the PC/SC test suite and the tap-latency
 * benchmark; not part of the agent at run time.
 *
 * vpcd's protocol: frames both ways are a 2-byte big-endian length + payload. A 1-byte payload
 * from vpcd is a control byte (0 power off, 1 power on, 2 reset, 4 get ATR: answer the ATR); a
 * longer one is an APDU, answered with data + status word.
 */
import net from "node:net"

export const VPCD_PORT = 35963

/** ISO 14443-3 tag (MIFARE Ultralight / NTAG, 7-byte UID): nfc-pcsc checks atr[5] === 0x4F. */
export const ATR_ULTRALIGHT = Buffer.from("3B8F8001804F0CA0000003060300030000000068", "hex")
/** MIFARE Classic 1K (4-byte UID). */
export const ATR_CLASSIC_1K = Buffer.from("3B8F8001804F0CA000000306030001000000006A", "hex")

const GET_UID = Buffer.from([0xff, 0xca, 0x00, 0x00, 0x00])

export type InsertedTag = {
  /** Resolves when the socket is connected (pcscd notices the card on its next poll). */
  connected: Promise<void>
  /** The moment the card was "put on the reader" (performance.now()). */
  insertedAt: number
  /** Removes the card: closes the connection. Resolves once closed. */
  remove(): Promise<void>
}

function frame(payload: Buffer): Buffer {
  const header = Buffer.alloc(2)
  header.writeUInt16BE(payload.length)
  return Buffer.concat([header, payload])
}

export function insertTag(uidHex: string, { port = VPCD_PORT, host = "127.0.0.1", atr }: { port?: number; host?: string; atr?: Buffer } = {}): InsertedTag {
  const uid = Buffer.from(uidHex.replace(/[^0-9a-f]/gi, ""), "hex")
  const cardAtr = atr ?? (uid.length === 4 ? ATR_CLASSIC_1K : ATR_ULTRALIGHT)
  const insertedAt = performance.now()
  const socket = net.connect(port, host)
  socket.setNoDelay(true)
  let pending = Buffer.alloc(0)
  socket.on("data", (chunk) => {
    pending = Buffer.concat([pending, chunk])
    while (pending.length >= 2) {
      const length = pending.readUInt16BE(0)
      if (pending.length < 2 + length) break
      const payload = pending.subarray(2, 2 + length)
      pending = pending.subarray(2 + length)
      if (length === 1) {
        if (payload[0] === 4) socket.write(frame(cardAtr))
        continue
      }
      const answer = payload.subarray(0, GET_UID.length).equals(GET_UID)
        ? Buffer.concat([uid, Buffer.from([0x90, 0x00])])
        : Buffer.from([0x6d, 0x00])
      socket.write(frame(answer))
    }
  })
  // vpcd closes the connection when pcscd stops: the card is gone, nothing to report.
  socket.on("error", () => undefined)
  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve())
    socket.once("error", reject)
  })
  return {
    connected,
    insertedAt,
    remove: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve()
        socket.once("close", () => resolve())
        socket.end()
        setTimeout(() => socket.destroy(), 200).unref()
      }),
  }
}
