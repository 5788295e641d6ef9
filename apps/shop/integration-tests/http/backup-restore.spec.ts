/**
 * The operator's backup and restore (docs/operations.md, "Backups and restore"), run as written:
 * `pg_dump -Fc` of a shop's database with ledger activity, `pg_restore` into an empty database,
 * then `npm run ledger:verify` against the restored copy. The copy must verify, keep its
 * append-only triggers, and still name a posting changed after the restore.
 */
import { spawn } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"
import { ledgerClient } from "../helpers/ledger-api"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(300_000)
delete process.env.REDIS_URL

const repoDir = path.resolve(__dirname, "../../../..")
const describePgTools = describeWithProgram({ name: "pg_dump", path: "/usr/bin/pg_dump", install: "apt-get install postgresql-client" })

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

type Run = { code: number | null; out: string }
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (c) => (out += c))
    child.stderr.on("data", (c) => (out += c))
    child.once("error", reject)
    child.once("exit", (code) => resolve({ code, out }))
  })
}

const host = process.env.DB_HOST ?? "localhost"
const port = process.env.DB_PORT ?? "5432"
const user = process.env.DB_USERNAME ?? "postgres"
const password = process.env.DB_PASSWORD ?? ""
const urlOf = (db: string) => `postgres://${user}${password ? `:${password}` : ""}@${host}:${port}/${db}`
const pgEnv = { PGHOST: host, PGPORT: port, PGUSER: user, ...(password ? { PGPASSWORD: password } : {}) }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Knex

    describePgTools("backup and restore", () => {
      const restored = `cashless_restore_${process.pid}_${Date.now()}`
      let workDir: string
      let admin: Client

      beforeAll(async () => {
        workDir = await mkdtemp(path.join(os.tmpdir(), "cashless-backup-"))
        admin = new Client({ connectionString: urlOf("postgres") })
        await admin.connect()
      })
      afterAll(async () => {
        await admin?.query(`drop database if exists "${restored}" with (force)`).catch(() => {})
        await admin?.end()
        await rm(workDir, { recursive: true, force: true })
      })

      it("restores a dump that verifies, keeps the ledger append-only, and still names a tampered posting", async () => {
        const ledger = await ledgerClient(getContainer(), api)
        const wallets = [await ledger.createWallet(), await ledger.createWallet()]
        for (const w of wallets) {
          expect((await ledger.credit(w, 2_500)).status).toBe(200)
          expect((await ledger.gift(w, 300)).status).toBe(200)
          expect((await ledger.spend(w, 1_150)).status).toBe(200)
        }
        const source = (await db.raw(`select current_database() as name`)).rows[0].name as string
        const before = (await db.raw(`select count(*)::int as n, coalesce(sum(balance), 0)::bigint::text as total from cashless_account where wallet_id is not null`)).rows[0]

        const dump = path.join(workDir, "shop.dump")
        const dumped = await run("pg_dump", ["-Fc", "-f", dump, source], pgEnv)
        expect(dumped).toMatchObject({ code: 0 })
        await admin.query(`create database "${restored}"`)
        const restoredRun = await run("pg_restore", ["--no-owner", "-d", restored, dump], pgEnv)
        expect(restoredRun).toMatchObject({ code: 0 })

        const copy = new Client({ connectionString: urlOf(restored) })
        await copy.connect()
        try {
          const after = (await copy.query(`select count(*)::int as n, coalesce(sum(balance), 0)::bigint::text as total from cashless_account where wallet_id is not null`)).rows[0]
          expect(after).toEqual(before)

          const verified = await run(process.execPath, ["apps/shop/scripts/verify-ledger.mjs"], { DATABASE_URL: urlOf(restored) })
          expect(verified.out).toMatch(/Ledger verified: \d+ entries, \d+ postings, \d+ wallet accounts in \d+ ms; no disagreement\./)
          expect(verified.code).toBe(0)

          // pg_restore recreated the triggers after loading the rows: the copy is as append-only as the original.
          await expect(copy.query(`update cashless_posting set amount = amount + 1 where id = (select min(id) from cashless_posting)`)).rejects.toThrow(/append-only/)

          const posting = (await copy.query(`select p.id from cashless_posting p join cashless_account a on a.id = p.account_id where a.wallet_id = $1 order by p.sequence desc limit 1`, [wallets[0]])).rows[0].id as string
          await copy.query(`begin; set local session_replication_role = replica; update cashless_posting set amount = amount - 1 where id = '${posting}'; commit`)
          const tampered = await run(process.execPath, ["apps/shop/scripts/verify-ledger.mjs"], { DATABASE_URL: urlOf(restored) })
          expect(tampered.code).toBe(1)
          expect(tampered.out).toContain(`cashless_posting ${posting}: hash does not match the posting's content`)
        } finally {
          await copy.end()
        }
      })
    })
  },
})
