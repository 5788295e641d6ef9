import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { GrantInput, PlanInput, PlanUpdate } from "../../modules/membership/types"
import { grantHolderStep } from "./steps/grant-holder"
import { cancelMembershipStep, cancelOrderMembershipsStep, grantMembershipsStep } from "./steps/grant"
import { importMembersStep } from "./steps/import-members"
import { orderMembershipGrantsStep } from "./steps/order-grants"
import { createPlanStep, updatePlanStep } from "./steps/plans"
import { syncMemberGroupsStep } from "./steps/sync-member-groups"

export const createMembershipPlanWorkflow = createWorkflow("cashless-create-membership-plan", (input: PlanInput) => {
  return new WorkflowResponse(createPlanStep(input))
})

export const updateMembershipPlanWorkflow = createWorkflow(
  "cashless-update-membership-plan",
  (input: { id: string; update: PlanUpdate }) => {
    const updated = updatePlanStep(input)
    // Only a plan moved to another group needs its members put in the new one. They stay in the
    // old group, which staff may still use for other plans (docs/memberships.md).
    syncMemberGroupsStep(
      transform({ updated }, ({ updated }) => ({ customer_ids: updated.group_changed ? null : ([] as string[]) }))
    )
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.plan))
  }
)

export type GrantMembershipWorkflowInput = Omit<GrantInput, "customer_id" | "wallet_id"> & {
  customer_id?: string | null
  /** A card instead of a customer: its holder, or the anonymous card itself. */
  card_id?: string | null
}

/** Staff or till grant: to a customer or a card, once per source reference; the group follows. */
export const grantMembershipWorkflow = createWorkflow(
  "cashless-grant-membership",
  (input: GrantMembershipWorkflowInput) => {
    const holder = grantHolderStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, card_id: input.card_id, actor: input.actor }))
    )
    const results = grantMembershipsStep(
      transform({ input, holder }, ({ input, holder }) => {
        const { card_id: _card, ...grant } = input
        return [{ ...grant, customer_id: holder.customer_id, wallet_id: holder.wallet_id }]
      })
    )
    syncMemberGroupsStep(
      transform({ holder }, ({ holder }) => ({ customer_ids: holder.customer_id ? [holder.customer_id] : [] }))
    )
    return new WorkflowResponse(transform({ results }, ({ results }) => results[0]))
  }
)

export const cancelMembershipWorkflow = createWorkflow(
  "cashless-cancel-membership",
  (input: { id: string; reason: string; actor?: string | null }) => {
    const result = cancelMembershipStep(input)
    syncMemberGroupsStep(
      transform({ result }, ({ result }) => ({
        customer_ids: result.membership.customer_id ? [result.membership.customer_id] : [],
      }))
    )
    return new WorkflowResponse(result)
  }
)

/** Payment captured (or a digital order placed): grant what the order's lines bought, once. */
export const grantOrderMembershipsWorkflow = createWorkflow(
  "cashless-grant-order-memberships",
  (input: { order_id: string }) => {
    const plan = orderMembershipGrantsStep(input)
    const results = grantMembershipsStep(transform({ plan }, ({ plan }) => plan.grants))
    syncMemberGroupsStep(
      transform({ plan }, ({ plan }) => ({ customer_ids: plan.grants.length && plan.customer_id ? [plan.customer_id] : [] }))
    )
    return new WorkflowResponse(results)
  }
)

/** An order cancelled in Medusa: what it granted is cancelled too, and the group follows. */
export const cancelOrderMembershipsWorkflow = createWorkflow(
  "cashless-cancel-order-memberships",
  (input: { order_id: string; item_ids: string[] }) => {
    const result = cancelOrderMembershipsStep(input)
    syncMemberGroupsStep(transform({ result }, ({ result }) => ({ customer_ids: result.customer_ids })))
    return new WorkflowResponse(result)
  }
)

/** The scheduled job: everyone's groups as their memberships are now. */
export const syncMemberGroupsWorkflow = createWorkflow(
  "cashless-sync-member-groups",
  (input: { customer_ids: string[] | null }) => {
    return new WorkflowResponse(syncMemberGroupsStep(input))
  }
)

/** Members from another tool (CSV); their groups follow. */
export const importMembersWorkflow = createWorkflow(
  "cashless-import-members",
  (input: { csv: string; actor?: string | null }) => {
    const result = importMembersStep(input)
    syncMemberGroupsStep(transform({ result }, ({ result }) => ({ customer_ids: result.customer_ids })))
    return new WorkflowResponse(result)
  }
)
