import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: Record<string, unknown> }>
}

export type AdminUser = { id: string; email: string; headers: { authorization: string } }

/**
 * Creates an admin user through the real user and auth modules and logs in over HTTP,
 * as the admin dashboard does. Each call is another person: staff-role tests log in as several.
 */
export async function adminUser(
  container: MedusaContainer,
  api: Api,
  email = `admin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.local`,
  password = "correct horse battery staple"
): Promise<AdminUser> {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const user = await users.createUsers({ email, first_name: "Test", last_name: "Admin" })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!authIdentity) throw new Error(`could not register ${email}: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { id: user.id, email, headers: { authorization: `Bearer ${String(data.token)}` } }
}

/** A fresh admin user's headers, for suites that need one user only. */
export async function adminHeaders(container: MedusaContainer, api: Api, email?: string, password?: string) {
  const { headers } = await adminUser(container, api, email, password)
  return { headers }
}
