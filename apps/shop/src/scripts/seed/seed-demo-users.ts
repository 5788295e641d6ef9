import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

/** A Medusa admin user who logs in with email and password, found again on a second run. */
export async function ensureUser(
  container: MedusaContainer,
  email: string,
  password: string,
  names: { first_name: string; last_name: string }
): Promise<string> {
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email })
  if (existing) return existing.id
  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!success || !authIdentity) {
    throw new Error(`Could not register the demo user ${email}: ${error ?? "unknown error"}`)
  }
  const { result } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, ...names } },
  })
  return result.id
}
