#!/usr/bin/env node
// `npm run ledger:verify`: runs the plugin's verify command against the shop's database —
// DATABASE_URL, or the embedded one of `npm run dev` (which must be running).
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pluginDir = path.dirname(require.resolve("medusa-plugin-cashless/package.json"))
const script = path.join(pluginDir, ".medusa/server/src/scripts/verify-ledger.js")
const databaseUrl =
  process.env.DATABASE_URL ||
  `postgres://postgres:postgres@localhost:${process.env.CASHLESS_PG_PORT || 54329}/${process.env.CASHLESS_DB_NAME || "medusa_cashless"}`

const result = spawnSync(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "exec", script], {
  cwd: appDir,
  stdio: ["ignore", "pipe", "inherit"],
  encoding: "utf8",
  env: { MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "error", ...process.env, DATABASE_URL: databaseUrl },
})
// Medusa's own boot logs are JSON lines; the report is the rest.
const report = (result.stdout ?? "").split("\n").filter((line) => line && !line.startsWith("{"))
console.log(report.join("\n"))
if (result.status !== 0 && !report.length) {
  console.error(`verify could not run against ${databaseUrl.replace(/:[^:@/]*@/, ":***@")} (is the shop's database up?)`)
}
process.exit(result.status ?? 1)
