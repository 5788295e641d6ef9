#!/usr/bin/env node
// `npm run dev`: build the plugin, start (or reuse) a database, migrate, seed once, run the
// shop with `medusa develop` and rebuild the plugin when it changes.
// `npm run serve` (--prod): the same with a production build served by `medusa start`.
import { existsSync } from "node:fs"
import { mkdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { isPortFree, startEmbeddedPostgres } from "../../../tools/embedded-postgres.mjs"
import { generatePassword, localSecrets, readJson, writeJson } from "./lib/credentials.mjs"
import { ensureDatabase, readSeedState } from "./lib/database.mjs"
import { partnerOrigins, startPartnerPage } from "./lib/partner-page.mjs"
import { watchPlugin } from "./lib/plugin-watch.mjs"
import { startServer, stopServer, waitForHealth } from "./lib/server.mjs"
import { bold, createProgress, dim, green, red, run } from "./lib/steps.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const appDir = path.resolve(here, "..")
const repoDir = path.resolve(appDir, "../..")
const pluginSrc = path.join(repoDir, "packages/medusa-plugin-cashless/src")
const medusaCli = createRequire(import.meta.url).resolve("@medusajs/cli/cli.js")

const production = process.argv.includes("--prod")
const env = {
  ...process.env,
  MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true",
  NODE_ENV: production ? "production" : (process.env.NODE_ENV ?? "development"),
}
const dataDir = path.resolve(env.CASHLESS_DATA_DIR || path.join(appDir, ".data"))
const credentialsFile = path.join(dataDir, "credentials.json")
const pgPort = Number(env.CASHLESS_PG_PORT || 54329)
const dbName = env.CASHLESS_DB_NAME || "medusa_cashless"
const httpPort = Number(env.PORT || 9000)
// The example partner page (examples/partner-page) on another origin; "off" serves none.
const partnerPort = env.CASHLESS_PARTNER_PORT === "off" ? null : Number(env.CASHLESS_PARTNER_PORT || 9001)
const verbose = env.CASHLESS_VERBOSE === "true"
const seedEnabled = env.CASHLESS_SEED !== "false"
const adminEmail = env.CASHLESS_ADMIN_EMAIL || "admin@cashless.local"
const healthUrl = `http://localhost:${httpPort}/health`

let embedded = null
let server = null
let partnerPage = null
let stopWatching = null
let shuttingDown = false

const step = createProgress(production ? 7 : 6)
const medusa = (args, extraEnv = {}, cwd = appDir) =>
  run(process.execPath, [medusaCli, ...args], { cwd, env: { ...env, ...extraEnv }, verbose })
const buildPlugin = () =>
  run("npm", ["run", "build", "-w", "medusa-plugin-cashless"], { cwd: repoDir, env, verbose })

async function shutdown(code) {
  if (shuttingDown) return
  shuttingDown = true
  console.log(dim("\n[cashless] stopping…"))
  stopWatching?.()
  partnerPage?.close()
  await stopServer(server)
  if (embedded) {
    await embedded.stop().catch(() => {})
    console.log(dim("[cashless] embedded PostgreSQL stopped"))
  }
  process.exit(code)
}

// embedded-postgres installs async-exit-hook, whose signal handlers stop PostgreSQL under a
// running Medusa and exit with 128+signal; this launcher orders the shutdown itself.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) process.removeAllListeners(signal)
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
process.on("SIGHUP", () => shutdown(0))

function launchServer(serverEnv) {
  const child = production
    ? startServer({ cli: medusaCli, args: ["start"], cwd: path.join(appDir, ".medusa/server"), env: serverEnv })
    : startServer({ cli: medusaCli, args: ["develop"], cwd: appDir, env: serverEnv })
  child.on("exit", (code, signal) => {
    if (shuttingDown || child !== server) return
    console.error(red(`[cashless] the Medusa server stopped (${code ?? signal}); shutting down`))
    shutdown(code || 1)
  })
  return child
}

function watchPluginSources(serverEnv) {
  return watchPlugin(pluginSrc, {
    rebuild: async () => {
      console.log(bold("[cashless] plugin changed: rebuilding…"))
      await buildPlugin()
      const previous = server
      server = null
      await stopServer(previous)
      server = launchServer(serverEnv)
      await waitForHealth(healthUrl, server, 180_000)
      console.log(green("[cashless] plugin rebuilt, server restarted"))
    },
    onError: (err) => console.error(red(`[cashless] plugin rebuild failed, still serving the previous build:\n${err.message}`)),
  })
}

async function main() {
  console.log(bold(`medusa-cashless — ${production ? "production build, served locally" : "development shop"}\n`))
  await mkdir(dataDir, { recursive: true })
  if (production) {
    const secrets = await localSecrets(path.join(dataDir, "secrets.json"))
    env.JWT_SECRET ||= secrets.jwt_secret
    env.COOKIE_SECRET ||= secrets.cookie_secret
    // Served over plain http on this machine: a Secure cookie would make logins loop.
    env.COOKIE_SECURE ??= "false"
  }

  // The test suites that serve the shop one after another build it once per run (their launcher
  // sets CASHLESS_PREBUILT after the first build): the same sources, the same builds.
  const prebuilt =
    production &&
    env.CASHLESS_PREBUILT === "true" &&
    existsSync(path.join(appDir, ".medusa/server/package.json")) &&
    existsSync(path.join(repoDir, "packages/medusa-plugin-cashless/.medusa/server"))
  await step(
    prebuilt ? "Building the plugin: built already (CASHLESS_PREBUILT)" : "Building the plugin (medusa plugin:build)",
    prebuilt ? async () => {} : buildPlugin
  )

  let databaseUrl = env.DATABASE_URL
  await step(databaseUrl ? "Checking DATABASE_URL" : "Starting embedded PostgreSQL", async () => {
    if (databaseUrl) return
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: pgPort,
      onLog: verbose ? (line) => process.stdout.write(dim(line)) : undefined,
    })
    databaseUrl = embedded.url(dbName)
    console.log(dim(`  ${embedded.fresh ? "new cluster" : "existing cluster"} in ${path.join(dataDir, "postgres")}, port ${pgPort}`))
  })

  await step("Creating the database if missing", async () => {
    console.log(dim(`  ${await ensureDatabase(databaseUrl)}`))
  })

  const dbEnv = { DATABASE_URL: databaseUrl, CASHLESS_EMBEDDED_DB: embedded ? "true" : "false" }
  await step("Applying migrations (medusa db:migrate)", () => medusa(["db:migrate"], dbEnv))

  let credentials = await readJson(credentialsFile)
  await step("Seeding the demo shop", async () => {
    const state = await readSeedState(databaseUrl)
    if (state.seededAt) {
      console.log(dim(`  already seeded on ${state.seededAt}: data reused, nothing added`))
      return
    }
    if (!seedEnabled) {
      console.log(dim("  CASHLESS_SEED=false: skipped"))
      return
    }
    const password = env.CASHLESS_ADMIN_PASSWORD || credentials?.password || generatePassword()
    credentials = { email: adminEmail, password }
    // Saved before seeding so that an interrupted seed reruns with the same password.
    await writeJson(credentialsFile, credentials)
    await medusa(["exec", "./src/scripts/seed.ts"], {
      ...dbEnv,
      CASHLESS_ADMIN_EMAIL: adminEmail,
      CASHLESS_ADMIN_PASSWORD: password,
    })
  })

  const serverEnv = { ...env, ...dbEnv, PORT: String(httpPort) }
  // The partner page calls the store API and logs customers in from its own origin.
  if (!env.STORE_CORS && partnerPort) serverEnv.STORE_CORS = ["http://localhost:8000", ...partnerOrigins(partnerPort)].join(",")
  if (production) {
    await step(
      prebuilt ? "Building the shop: built already (CASHLESS_PREBUILT)" : "Building the shop (medusa build)",
      prebuilt ? async () => {} : () => medusa(["build"], serverEnv)
    )
  }

  await step(`Starting Medusa on port ${httpPort} (medusa ${production ? "start" : "develop"})`, async () => {
    if (!(await isPortFree(httpPort))) {
      throw new Error(`port ${httpPort} is already in use: stop what runs there or set PORT`)
    }
    server = launchServer(serverEnv)
    await waitForHealth(healthUrl, server, 180_000)
  })
  if (!production) stopWatching = watchPluginSources(serverEnv)

  const { publishableKey, demoQrToken } = await readSeedState(databaseUrl)
  const base = `http://localhost:${httpPort}`
  let partnerLine = "off (CASHLESS_PARTNER_PORT=off)"
  if (partnerPort) {
    try {
      partnerPage = await startPartnerPage({ repoDir, port: partnerPort, baseUrl: base, publishableKey })
      const partnerUrl = `http://localhost:${partnerPort}`
      partnerLine = `${partnerUrl}  (<cashless-topup>, <cashless-wallet>${demoQrToken ? `; card N° 0001: ${partnerUrl}/?token=${demoQrToken}` : ""})`
    } catch (err) {
      // The shop is what matters: a taken port costs the example page only.
      partnerLine = `not started: ${err.code === "EADDRINUSE" ? `port ${partnerPort} is in use (set CASHLESS_PARTNER_PORT)` : err.message}`
    }
  }
  console.log(
    [
      "",
      green(bold("The shop is running.")),
      `  Admin         ${base}/app`,
      `  Cashless page ${base}/app/cashless`,
      `  Login         ${credentials?.email ?? adminEmail}`,
      `  Password      ${credentials?.password ?? "(not known here: set one with `npx medusa user -e EMAIL -p PASSWORD` in apps/shop)"}`,
      `  Till staff    manager@cashless.local (manager), cashier@cashless.local (cashier, café bar): same password`,
      `  Store API     ${base}/store  (header x-publishable-api-key)`,
      `  Publishable   ${publishableKey ?? "(none found)"}`,
      `  Partner page  ${partnerLine}`,
      `  Database      ${embedded ? `embedded PostgreSQL, ${databaseUrl}` : "DATABASE_URL"}`,
      `  Redis         ${env.REDIS_URL ? env.REDIS_URL : "not used (in-memory event bus, workflows, locking)"}`,
      "",
      dim(production ? "Press Ctrl-C to stop." : "Plugin changes are rebuilt and reloaded. Press Ctrl-C to stop the shop and the database."),
      "",
    ].join("\n")
  )
}

main().catch(async (err) => {
  const where = err.step ? ` at step "${err.step}"` : ""
  console.error(red(`\n[cashless] failed${where}: ${err.message}`))
  await shutdown(1)
})
