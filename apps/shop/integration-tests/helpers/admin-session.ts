import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: Record<string, unknown> }>
}

/**
 * Creates an admin user through the real user and auth modules and logs in over HTTP,
 * as the admin dashboard does. Returns the headers to send.
 */
export async function adminHeaders(
  container: MedusaContainer,
  api: Api,
  email = `admin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.local`,
  password = "correct horse battery staple"
) {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const user = await users.createUsers({ email, first_name: "Test", last_name: "Admin" })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!authIdentity) throw new Error(`could not register ${email}: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${String(data.token)}` } }
}
