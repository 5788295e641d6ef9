import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"

type Pair = { customer_id: string; customer_group_id: string }
type Changes = { added: Pair[]; removed: Pair[] }

const CHUNK = 500

/**
 * Puts customers with a valid membership in their plan's customer group and takes out those
 * whose membership lapsed or was cancelled, so that Medusa's price lists and the members-only
 * check see members as they are. `customer_ids: null` syncs everyone (the scheduled job).
 */
export const syncMemberGroupsStep = createStep(
  "cashless-sync-member-groups",
  async (input: { customer_ids: string[] | null; now?: Date }, { container }) => {
    const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const targets = await memberships.groupTargets(input.customer_ids, input.now ?? new Date())
    const changes: Changes = { added: [], removed: [] }
    for (let i = 0; i < targets.length; i += CHUNK) {
      const chunk = targets.slice(i, i + CHUNK)
      const existing = await customers.listCustomerGroupCustomers(
        {
          customer_id: [...new Set(chunk.map((t) => t.customer_id))],
          customer_group_id: [...new Set(chunk.map((t) => t.customer_group_id))],
        },
        { select: ["customer_id", "customer_group_id"], take: null }
      )
      const inGroup = new Set(existing.map((e) => `${e.customer_id}|${e.customer_group_id}`))
      const add = chunk.filter((t) => t.member && !inGroup.has(`${t.customer_id}|${t.customer_group_id}`))
      const remove = chunk.filter((t) => !t.member && inGroup.has(`${t.customer_id}|${t.customer_group_id}`))
      const pairs = (list: typeof chunk) => list.map(({ customer_id, customer_group_id }) => ({ customer_id, customer_group_id }))
      if (add.length) {
        await customers.addCustomerToGroup(pairs(add))
        changes.added.push(...pairs(add))
      }
      if (remove.length) {
        await customers.removeCustomerFromGroup(pairs(remove))
        changes.removed.push(...pairs(remove))
      }
    }
    return new StepResponse(changes, changes)
  },
  async (changes: Changes | undefined, { container }) => {
    if (!changes) return
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    if (changes.added.length) await customers.removeCustomerFromGroup(changes.added)
    if (changes.removed.length) await customers.addCustomerToGroup(changes.removed)
  }
)
