import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TILL_MODULE } from "../../modules/till"
import { hasRole, type StaffAccess } from "../../modules/till/lib/staff"
import type TillModuleService from "../../modules/till/service"
import type { Permission } from "./cashless/permissions"
import { findPermission } from "./permission-lookup"

export const NO_ROLE_MESSAGE = "You have no cashless role: ask a cashless admin to give you one."

const refuse = (res: MedusaResponse, message: string) =>
  res.status(403).json({ type: MedusaError.Types.NOT_ALLOWED, code: "forbidden", message })

/** Why `access` may not call the route of `permission`, or null when it may. */
export function refusalOf(permission: Permission, access: StaffAccess): string | null {
  if (permission.role === "any") return null
  if (access.role === null) return NO_ROLE_MESSAGE
  if (!hasRole(access.role, permission.role)) {
    return permission.role === "admin"
      ? `Only a cashless admin can ${permission.action}.`
      : `Only a manager or an admin can ${permission.action}.`
  }
  if (permission.assigned && access.role === "cashier" && access.assigned !== true) {
    return `You are not assigned to this point of sale, so you cannot ${permission.action}: ask a cashless admin to assign you to it.`
  }
  return null
}

/**
 * The plugin's staff roles on every plugin admin route and on Medusa's routes that send money
 * back. Runs after Medusa's own authentication (registered first for all of /admin). One query
 * per request, nothing cached: a role taken away applies at once in every server process.
 */
export async function staffAccess(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest
  const actorId = req.auth_context?.actor_id
  if (!actorId) {
    res.status(401).json({ type: MedusaError.Types.UNAUTHORIZED, message: "Unauthorized" })
    return
  }
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const found = findPermission(req.method, path)
  if (!found) {
    // Deny by default: a route nobody classified is nobody's.
    refuse(res, `${req.method} ${path} is not in the cashless permission table, so nobody may call it.`)
    return
  }
  const { permission, params } = found
  if (permission.role === "any") return next()
  let access: StaffAccess
  try {
    // Secret API keys (actor "api-key") get roles by their key id, like users.
    access = await req.scope.resolve<TillModuleService>(TILL_MODULE).roleOf(actorId, permission.assigned ? (params.pos_id ?? null) : null)
  } catch (err) {
    return next(err)
  }
  const refusal = refusalOf(permission, access)
  if (refusal) {
    refuse(res, refusal)
    return
  }
  next()
}
