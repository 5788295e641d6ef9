import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncMemberGroupsWorkflow } from "../workflows/membership/membership-workflows"

/**
 * Expired memberships leave their plan's customer group (no more member prices), and
 * memberships granted for later join it when they start. Grants and cancellations already sync
 * their customer at once; this catches what time alone changes.
 */
export default async function membershipGroupsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await syncMemberGroupsWorkflow(container).run({ input: { customer_ids: null } })
  if (result.added.length || result.removed.length) {
    logger.info(`cashless: member groups synced (+${result.added.length} −${result.removed.length})`)
  }
}

export const config = { name: "cashless-membership-groups", schedule: "*/15 * * * *" }
