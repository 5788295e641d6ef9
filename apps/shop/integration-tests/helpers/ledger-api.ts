import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders } from "./admin-session"

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type Api = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
}

let counter = 0
/** A fresh idempotency key. */
export const key = (label = "op") => `${label}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}`

/** The ledger's admin routes, as a till or the admin UI calls them; never throws on 4xx. */
export async function ledgerClient(container: MedusaContainer, api: Api) {
  const auth = await adminHeaders(container, api)
  const config = { ...auth, validateStatus: () => true }
  const post = (url: string, body: unknown) => api.post(url, body, config)
  return {
    headers: auth.headers,
    get: (url: string) => api.get(url, config),
    post,
    async createWallet(body: Record<string, unknown> = {}) {
      const res = await post("/admin/cashless/wallets", body)
      if (res.status !== 201) throw new Error(`create wallet: ${res.status} ${JSON.stringify(res.data)}`)
      return res.data.wallet.id as string
    },
    credit: (walletId: string, amount: number, extra: Record<string, unknown> = {}) =>
      post(`/admin/cashless/wallets/${walletId}/credit`, {
        amount,
        source: "online_payments",
        idempotency_key: key("credit"),
        ...extra,
      }),
    gift: (walletId: string, amount: number, extra: Record<string, unknown> = {}) =>
      post(`/admin/cashless/wallets/${walletId}/gift`, {
        amount,
        reason: "welcome gift",
        idempotency_key: key("gift"),
        ...extra,
      }),
    spend: (walletId: string, amount: number, extra: Record<string, unknown> = {}) =>
      post(`/admin/cashless/wallets/${walletId}/spend`, {
        amount,
        currency_code: "eur",
        point_of_sale: "bar",
        idempotency_key: key("spend"),
        ...extra,
      }),
    transfer: (from: string, to: string, amount: number, extra: Record<string, unknown> = {}) =>
      post(`/admin/cashless/wallets/${from}/transfer`, {
        to_wallet_id: to,
        amount,
        idempotency_key: key("transfer"),
        ...extra,
      }),
    reverse: (entryId: string, extra: Record<string, unknown> = {}) =>
      post(`/admin/cashless/entries/${entryId}/reverse`, {
        reason: "mistake",
        idempotency_key: key("reverse"),
        ...extra,
      }),
    async balances(walletId: string): Promise<Record<string, number>> {
      const res = await api.get(`/admin/cashless/wallets/${walletId}`, config)
      if (res.status !== 200) throw new Error(`wallet ${walletId}: ${res.status} ${JSON.stringify(res.data)}`)
      return Object.fromEntries(
        res.data.wallet.balances.map((b: { asset_code: string; balance: number }) => [b.asset_code, b.balance])
      )
    },
    verify: () => post("/admin/cashless/ledger/verify", {}),
  }
}

export type LedgerClient = Awaited<ReturnType<typeof ledgerClient>>

/** Whatever a test did, the ledger still verifies: chains, entry hashes and balances. */
export async function expectLedgerVerified(client: { post: (url: string, body: unknown) => Promise<Response> }) {
  const verified = await client.post("/admin/cashless/ledger/verify", {})
  expect(verified.data.report ?? verified.data).toMatchObject({ ok: true })
}
