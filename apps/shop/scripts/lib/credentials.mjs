import { randomBytes } from "node:crypto"
import { readFile, writeFile } from "node:fs/promises"

/** Readable but unguessable: 4 groups of 4 characters without look-alikes. */
export function generatePassword() {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
  const bytes = randomBytes(16)
  let out = ""
  for (let i = 0; i < 16; i++) {
    if (i && i % 4 === 0) out += "-"
    out += alphabet[bytes[i] % alphabet.length]
  }
  return out
}

export async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"))
  } catch {
    return null
  }
}

export async function writeJson(file, value) {
  await writeFile(file, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 })
}

/** JWT and cookie secrets of a local production run, generated once per data folder. */
export async function localSecrets(file) {
  const existing = await readJson(file)
  if (existing?.jwt_secret && existing?.cookie_secret) return existing
  const secrets = {
    jwt_secret: randomBytes(32).toString("hex"),
    cookie_secret: randomBytes(32).toString("hex"),
  }
  await writeJson(file, secrets)
  return secrets
}
