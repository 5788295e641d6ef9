import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { PlanInput, PlanRecord, PlanUpdate } from "../../../modules/membership/types"

const service = (container: { resolve<T>(key: string): T }) => container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

export const createPlanStep = createStep(
  "cashless-create-membership-plan",
  async (input: PlanInput, { container }) => {
    const plan = await service(container).createPlan(input)
    return new StepResponse(plan, plan.id)
  },
  async (id, { container }) => {
    // Nothing can have been granted from a plan created in this very workflow: archive it out of sight.
    if (id) await service(container).updatePlan(id, { archived: true, variant_ids: [] })
  }
)

export const updatePlanStep = createStep(
  "cashless-update-membership-plan",
  async (input: { id: string; update: PlanUpdate }, { container }) => {
    const before = await service(container).retrievePlan(input.id)
    const plan = await service(container).updatePlan(input.id, input.update)
    return new StepResponse({ plan, group_changed: plan.customer_group_id !== before.customer_group_id }, before)
  },
  async (before: PlanRecord | undefined, { container }) => {
    if (!before) return
    await service(container).updatePlan(before.id, {
      name: before.name,
      description: before.description,
      duration_unit: before.duration_unit,
      duration_count: before.duration_count,
      customer_group_id: before.customer_group_id,
      allow_parallel: before.allow_parallel,
      archived: before.archived_at !== null,
      variant_ids: before.variant_ids,
    })
  }
)
