// Where the running shop is and how to log in to it.
import { readFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export async function resolveTarget() {
  const baseUrl = (process.env.BENCH_URL || `http://localhost:${process.env.PORT || 9000}`).replace(/\/$/, "")
  let email = process.env.BENCH_EMAIL
  let password = process.env.BENCH_PASSWORD
  if (!email || !password) {
    const dataDir = process.env.CASHLESS_DATA_DIR || path.join(repo, "apps/shop/.data")
    try {
      const creds = JSON.parse(await readFile(path.join(dataDir, "credentials.json"), "utf8"))
      email ??= creds.email
      password ??= creds.password
    } catch {
      throw new Error("no admin credentials: set BENCH_EMAIL and BENCH_PASSWORD, or run `npm run dev` once")
    }
  }
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ||
    `postgres://postgres:postgres@localhost:${process.env.CASHLESS_PG_PORT || 54329}/postgres`
  return { baseUrl, email, password, databaseUrl }
}

export async function login({ baseUrl, email, password }) {
  let res
  try {
    res = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
  } catch {
    throw new Error(`${baseUrl} does not answer: start the shop first (npm run dev) or set BENCH_URL`)
  }
  if (!res.ok) throw new Error(`login as ${email} failed (${res.status}): check BENCH_EMAIL/BENCH_PASSWORD`)
  const { token } = await res.json()
  return { authorization: `Bearer ${token}` }
}
