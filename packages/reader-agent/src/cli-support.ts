/**
 * What every command shares: parsing with node:util's parseArgs (strict, so a typo is an error
 * rather than a silently ignored flag), environment fallbacks, and usage errors.
 */
import { parseArgs, type ParseArgsConfig } from "node:util"
import { createLogger, isLogLevel, type LogFormat, type Logger } from "./log"

export class UsageError extends Error {}

export type Io = {
  out: (line: string) => void
  err: (line: string) => void
  env: NodeJS.ProcessEnv
}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  env: process.env,
}

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

export function logFormat(value: string | undefined): LogFormat {
  if (value === undefined || value === "json" || value === "pretty") return value ?? "json"
  throw new UsageError(`--log must be json or pretty, not "${value}"`)
}

export function loggerFrom(format: string | undefined, env: NodeJS.ProcessEnv): Logger {
  const level = env.CASHLESS_READER_LOG_LEVEL ?? "info"
  if (!isLogLevel(level)) throw new UsageError(`CASHLESS_READER_LOG_LEVEL must be debug, info, warn or error, not "${level}"`)
  return createLogger({ format: logFormat(format ?? env.CASHLESS_READER_LOG), level })
}

/** A comma-separated environment list (`a, b,,c` → [a, b, c]). */
export function envList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
}
