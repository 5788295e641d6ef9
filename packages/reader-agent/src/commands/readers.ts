import { parse, UsageError, type Io } from "../cli-support"
import { listReaders } from "../list-readers"
import { compileReaderFilter } from "../reader-filter"

export const READERS_HELP = `Usage: cashless-reader readers [--readers REGEX] [--exclude REGEX]

Lists the PC/SC readers pcscd sees, marking those \`run\` listens to with the same filter
(--readers / --exclude, or CASHLESS_READER_READERS / CASHLESS_READER_EXCLUDE; by default every
reader except virtual ones).`

export async function readersCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { readers: { type: "string" }, exclude: { type: "string" } })
  if (values.help) {
    io.out(READERS_HELP)
    return 0
  }
  let filter
  try {
    filter = compileReaderFilter(values.readers ?? io.env.CASHLESS_READER_READERS, values.exclude ?? io.env.CASHLESS_READER_EXCLUDE)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const listing = await listReaders(filter)
  if (!listing.ok) {
    if (listing.problem === "nfc") io.err(`Cannot read PC/SC readers: ${listing.message}`)
    else io.err(`pcscd does not answer at ${listing.socket} (${listing.reason}): start it (sudo systemctl start pcscd.socket, or sudo pcscd); install it with: sudo apt-get install pcscd.`)
    return 1
  }
  if (!listing.readers.length) {
    io.out("No reader found. Plug the reader in; `lsusb` should list it (ACS ACR122U: 072f:2200).")
    return 1
  }
  io.out(`Filter: ${filter.describe}`)
  for (const r of listing.readers) io.out(`${r.kept ? "  used     " : "  ignored  "}${r.name}`)
  return listing.readers.some((r) => r.kept) ? 0 : 1
}
