import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { PreparedSale } from "../sale-types"

/**
 * Memberships sold at the till are granted to the card's holder (its bound customer, or the
 * anonymous card's wallet), one grant per line with the quantity as periods, keyed by the sale
 * and line so a retried tap grants once. Before the sale row: if recording fails, these go.
 */
export const grantTillMembershipsStep = createStep(
  "cashless-grant-till-memberships",
  async (input: { sale: PreparedSale; actor: string }, { container }) => {
    const { sale } = input
    const lines = sale.replay ? [] : sale.lines.map((l, i) => ({ ...l, index: i })).filter((l) => sale.plan_lines?.[l.variant_id])
    if (!lines.length) return new StepResponse([] as string[], [] as string[])
    const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const created: string[] = []
    const granted: string[] = []
    for (const line of lines) {
      const result = await memberships.grant({
        plan_id: sale.plan_lines![line.variant_id],
        ...(sale.customer_id ? { customer_id: sale.customer_id } : { wallet_id: sale.holder_wallet_id! }),
        periods: line.quantity,
        source: "till",
        source_ref: `${sale.sale_id}:${line.index}`,
        actor: input.actor,
      })
      granted.push(result.membership.id)
      if (result.created) created.push(result.membership.id)
    }
    return new StepResponse(granted, created)
  },
  async (created: string[] | undefined, { container }) => {
    const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    for (const id of created ?? []) await memberships.removeGrant(id)
  }
)
