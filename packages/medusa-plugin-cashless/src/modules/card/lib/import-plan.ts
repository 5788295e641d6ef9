import { InvalidCardUidError, normalizeCardUid } from "../../../lib/card-uid"
import { generateQrToken, isAcceptableQrToken } from "../../../lib/qr-token"
import { parseCsv } from "../../../lib/csv"

export type ImportRow = { line: number; uid: string; printed_number: string; qr_token: string }

export type ImportProblem = { line: number; uid: string | null; reason: string }

export const MAX_IMPORT_ROWS = 20_000
const MAX_PRINTED_NUMBER_LENGTH = 32

/**
 * Reads `uid,printed_number[,qr_token]` lines (a header line is recognised and skipped) and
 * sorts them into rows to insert and lines to skip, each with a reason a person can act on.
 * Duplicates within the file are caught here; duplicates of cards already registered are
 * caught by the database when inserting.
 */
export function planImport(csv: string): { rows: ImportRow[]; problems: ImportProblem[]; total: number } {
  const records = parseCsv(csv)
  if (records.length && /uid/i.test(records[0].fields[0] ?? "")) records.shift()
  if (records.length > MAX_IMPORT_ROWS) {
    throw new RangeError(`An import holds at most ${MAX_IMPORT_ROWS} cards; this file has ${records.length}. Split it.`)
  }
  const rows: ImportRow[] = []
  const problems: ImportProblem[] = []
  const uids = new Map<string, number>()
  const numbers = new Map<string, number>()
  const tokens = new Map<string, number>()
  for (const { line, fields } of records) {
    const [rawUid = "", rawNumber = "", rawToken = "", ...extra] = fields.map((f) => f.trim())
    const skip = (reason: string, uid: string | null = null) => problems.push({ line, uid, reason })
    if (extra.some((f) => f !== "")) {
      skip(`Too many columns: expected uid,printed_number[,qr_token], got ${fields.length}.`, rawUid || null)
      continue
    }
    let uid: string
    try {
      uid = normalizeCardUid(rawUid)
    } catch (err) {
      if (!(err instanceof InvalidCardUidError)) throw err
      skip(`Malformed UID: ${err.message}`, rawUid || null)
      continue
    }
    if (!rawNumber) {
      skip("Missing printed number (second column).", uid)
      continue
    }
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (rawNumber.length > MAX_PRINTED_NUMBER_LENGTH || /[\u0000-\u001f]/.test(rawNumber)) {
      skip(`Malformed printed number: at most ${MAX_PRINTED_NUMBER_LENGTH} printable characters.`, uid)
      continue
    }
    if (rawToken && !isAcceptableQrToken(rawToken)) {
      skip("Malformed QR token: 22 to 128 characters among A-Z, a-z, 0-9, - and _ (at least 128 bits).", uid)
      continue
    }
    const seenUid = uids.get(uid)
    if (seenUid !== undefined) {
      skip(`Duplicate UID: already on line ${seenUid} of this file.`, uid)
      continue
    }
    const seenNumber = numbers.get(rawNumber)
    if (seenNumber !== undefined) {
      skip(`Duplicate printed number ${rawNumber}: already on line ${seenNumber} of this file.`, uid)
      continue
    }
    const seenToken = rawToken ? tokens.get(rawToken) : undefined
    if (seenToken !== undefined) {
      skip(`Duplicate QR token: already on line ${seenToken} of this file.`, uid)
      continue
    }
    uids.set(uid, line)
    numbers.set(rawNumber, line)
    if (rawToken) tokens.set(rawToken, line)
    rows.push({ line, uid, printed_number: rawNumber, qr_token: rawToken || generateQrToken() })
  }
  return { rows, problems, total: records.length }
}
