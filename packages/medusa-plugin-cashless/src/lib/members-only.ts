import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"

/**
 * Product or variant metadata key: `true` makes the product (or this one variant, e.g. a
 * members-only ticket type) members-only (any valid membership).
 */
export const MEMBERS_ONLY_KEY = "cashless_members_only"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }
type VariantRow = {
  id: string
  title?: string | null
  metadata?: Record<string, unknown> | null
  product?: { title?: string | null; metadata?: Record<string, unknown> | null } | null
}

/** Ends are exclusive: a membership ending at 1 January 00:00 ended on 31 December, shop time. */
const lastDay = (endsAt: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.parse(endsAt) - 1))

export const isMembersOnly = (metadata: Record<string, unknown> | null | undefined) =>
  metadata?.[MEMBERS_ONLY_KEY] === true || metadata?.[MEMBERS_ONLY_KEY] === "true"

/**
 * Refuses members-only products to whoever holds no valid membership, with a message the shopper
 * can act on. The cart's customer decides; a guest cart is refused (they must log in).
 */
export async function refuseMembersOnly(
  container: MedusaContainer,
  input: { customer_id: string | null | undefined; variant_ids: Array<string | null | undefined> }
): Promise<void> {
  const ids = [...new Set(input.variant_ids.filter((v): v is string => !!v))]
  if (!ids.length) return
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "metadata", "product.title", "product.metadata"],
    filters: { id: ids },
  })
  const restricted = (data as VariantRow[]).filter((v) => isMembersOnly(v.product?.metadata) || isMembersOnly(v.metadata))
  if (!restricted.length) return
  const first = restricted[0]
  const title = isMembersOnly(first.product?.metadata)
    ? (first.product?.title ?? "This product")
    : `${first.product?.title ?? "This product"} (${first.title ?? "this variant"})`
  // A guest checkout with somebody's email must not borrow their membership: an account is needed.
  const customer = input.customer_id
    ? ((await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: input.customer_id } })).data[0] as
        | { has_account?: boolean }
        | undefined)
    : undefined
  if (!input.customer_id || !customer?.has_account) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `"${title}" is for members only. Log in with the account that holds your membership to buy it.`
    )
  }
  const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const check = await memberships.check({ customer_id: input.customer_id })
  if (check.status === "valid") return
  const why =
    check.status === "expired" && check.ends_at
      ? `your membership ended on ${lastDay(check.ends_at, memberships.settings.timeZone)}. Renew it to buy this product.`
      : "you hold no membership. Become a member to buy it."
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${title}" is for members only, and ${why}`)
}
