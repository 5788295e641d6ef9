/**
 * Which PC/SC readers the agent listens to. Virtual readers are left out by default: the
 * vsmartcard "Virtual PCD" readers accept a "card" from anyone who can open a TCP port on the
 * machine, so a till must opt in explicitly (the tests do, with `--readers "Virtual PCD"`).
 */
export const DEFAULT_EXCLUDE = /virtual|vpcd/i

export type ReaderFilter = { include?: RegExp; exclude?: RegExp; describe: string }

export function compileReaderFilter(include?: string, exclude?: string): ReaderFilter {
  const compile = (what: string, source: string) => {
    try {
      return new RegExp(source, "i")
    } catch (err) {
      throw new Error(`${what} is not a valid regular expression: ${(err as Error).message}`)
    }
  }
  const inc = include ? compile("--readers", include) : undefined
  // An explicit --readers pattern is the opt-in: it may name a virtual reader.
  const exc = exclude ? compile("--exclude", exclude) : inc ? undefined : DEFAULT_EXCLUDE
  const parts = [inc ? `names matching /${inc.source}/i` : "all readers", exc ? `except /${exc.source}/i` : ""]
  return { include: inc, exclude: exc, describe: parts.filter(Boolean).join(" ") }
}

export function keeps(filter: ReaderFilter, name: string): boolean {
  if (filter.include && !filter.include.test(name)) return false
  if (filter.exclude && filter.exclude.test(name)) return false
  return true
}
