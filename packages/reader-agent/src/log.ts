/**
 * Structured logs on stderr (stdout stays free for command output): one JSON object per line,
 * `{"t":ISO,"level","msg",...fields}`, which journald and log shippers take as is; `pretty` for a
 * person at a terminal.
 */
export type LogLevel = "debug" | "info" | "warn" | "error"
export type LogFormat = "json" | "pretty"
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export function isLogLevel(value: string): value is LogLevel {
  return value in RANK
}

function prettyValue(value: unknown): string {
  if (typeof value === "string") return /\s|"/.test(value) ? JSON.stringify(value) : value
  return JSON.stringify(value)
}

export function formatLine(format: LogFormat, t: Date, level: LogLevel, msg: string, fields: LogFields = {}): string {
  if (format === "json") return JSON.stringify({ t: t.toISOString(), level, msg, ...fields })
  const extra = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${prettyValue(v)}`)
    .join(" ")
  return `${t.toISOString().slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${msg}${extra ? `  ${extra}` : ""}`
}

export function createLogger({
  format = "json",
  level = "info",
  write = (line: string) => process.stderr.write(line + "\n"),
}: { format?: LogFormat; level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const emit = (lvl: LogLevel) => (msg: string, fields?: LogFields) => {
    if (RANK[lvl] < RANK[level]) return
    write(formatLine(format, new Date(), lvl, msg, fields))
  }
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") }
}

/** For tests: keeps every entry so a test can assert that something was said. */
export function memoryLogger(): Logger & { entries: { level: LogLevel; msg: string; fields: LogFields }[] } {
  const entries: { level: LogLevel; msg: string; fields: LogFields }[] = []
  const keep = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    entries.push({ level, msg, fields })
  }
  return { entries, debug: keep("debug"), info: keep("info"), warn: keep("warn"), error: keep("error") }
}
