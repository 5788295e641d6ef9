import { randomBytes } from "node:crypto"

/** A UID no other test uses: 7 bytes, as on NTAG and DESFire cards. */
export const newUid = () => `04${randomBytes(6).toString("hex").toUpperCase()}`

let serial = 0
/** A printed number no other test uses. */
export const newNumber = (prefix = "T") => `${prefix}${Date.now().toString(36)}${++serial}`

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type Admin = { get: (url: string) => Promise<Response>; post: (url: string, body: unknown) => Promise<Response> }
type Db = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }

export type RegisteredCard = { id: string; uid: string; printed_number: string; qr_token: string }

/** A card registered the way a printed batch is (CSV import), read back with its QR token. */
export async function registerCard(admin: Admin, db: Db, batchName: string, numberPrefix: string): Promise<RegisteredCard> {
  const uid = newUid()
  const started = await admin.post("/admin/cashless/card-imports", {
    batch_name: batchName,
    csv: `${uid},${newNumber(numberPrefix)}`,
    idempotency_key: `import-${uid}`,
  })
  for (let i = 0; i < 100; i++) {
    const state = await admin.get(`/admin/cashless/card-imports/${started.data.import.id}`)
    if (state.data.import.status !== "running") break
    await new Promise((r) => setTimeout(r, 50))
  }
  const { rows } = await db.raw(`select id, uid, printed_number, qr_token from cashless_card where uid = ?`, [uid])
  return rows[0] as RegisteredCard
}
