import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type Api = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
  delete: (url: string, config?: unknown) => Promise<Response>
}

/** A publishable key, as a storefront sends with every store request. */
export async function publishableKey(container: MedusaContainer): Promise<string> {
  const keys = container.resolve(Modules.API_KEY)
  const [created] = await keys.createApiKeys([{ title: `test ${Date.now()}`, type: "publishable", created_by: "test" }])
  return created.token
}

export type StoreCustomer = {
  id: string
  email: string
  /** The customer's bearer token, for requests built by hand. */
  token: string
  get: (url: string) => Promise<Response>
  post: (url: string, body?: unknown) => Promise<Response>
  delete: (url: string) => Promise<Response>
}

/**
 * A customer who signed up and logged in through the store API, as a storefront does.
 * Its requests never throw on 4xx.
 */
export async function storeCustomer(api: Api, key: string, name: string): Promise<StoreCustomer> {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`
  const password = "a long enough password"
  const base = { "x-publishable-api-key": key }
  const registered = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email, first_name: name },
    { headers: { ...base, authorization: `Bearer ${registered.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  const config = { headers: { ...base, authorization: `Bearer ${login.data.token}` }, validateStatus: () => true }
  return {
    id: created.data.customer.id,
    email,
    token: login.data.token,
    get: (url) => api.get(url, config),
    post: (url, body = {}) => api.post(url, body, config),
    delete: (url) => api.delete(url, config),
  }
}
