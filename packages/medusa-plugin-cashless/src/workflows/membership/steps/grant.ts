import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { GrantInput, GrantResult } from "../../../modules/membership/types"

const service = (container: { resolve<T>(key: string): T }) => container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

/** Grants each membership once per source reference; compensation removes only what it created. */
export const grantMembershipsStep = createStep(
  "cashless-grant-memberships",
  async (grants: GrantInput[], { container }) => {
    const results: GrantResult[] = []
    const created: string[] = []
    try {
      for (const grant of grants) {
        const result = await service(container).grant(grant)
        results.push(result)
        if (result.created) created.push(result.membership.id)
      }
    } catch (err) {
      for (const id of created) await service(container).removeGrant(id)
      throw err
    }
    return new StepResponse(results, created)
  },
  async (created: string[] | undefined, { container }) => {
    for (const id of created ?? []) await service(container).removeGrant(id)
  }
)

export const cancelMembershipStep = createStep(
  "cashless-cancel-membership",
  async (input: { id: string; reason: string; actor?: string | null }, { container }) => {
    const result = await service(container).cancel(input.id, input.reason, input.actor ?? null)
    return new StepResponse(result, result.changed ? input.id : undefined)
  },
  async (id: string | undefined, { container }) => {
    if (id) await service(container).restoreCancelled(id)
  }
)

/**
 * An order cancelled in Medusa (its payment refunded): the memberships it granted end, with the
 * order as the reason. Cancelled ones stay cancelled; compensation restores what this step did.
 */
export const cancelOrderMembershipsStep = createStep(
  "cashless-cancel-order-memberships",
  async (input: { order_id: string; item_ids: string[] }, { container }) => {
    const memberships = service(container)
    const { memberships: granted } = await memberships.listMembershipRecords({
      source: "order",
      source_refs: input.item_ids,
      limit: 1000,
    })
    const cancelled: string[] = []
    const customers = new Set<string>()
    for (const m of granted) {
      const { changed } = await memberships.cancel(m.id, `Order ${input.order_id} was cancelled`, "system:order")
      if (changed) cancelled.push(m.id)
      if (m.customer_id) customers.add(m.customer_id)
    }
    return new StepResponse({ cancelled, customer_ids: [...customers] }, cancelled)
  },
  async (cancelled: string[] | undefined, { container }) => {
    for (const id of cancelled ?? []) await service(container).restoreCancelled(id)
  }
)

/** Binding a card: the anonymous card's memberships follow it to the customer. */
export const moveWalletMembershipsStep = createStep(
  "cashless-move-wallet-memberships",
  async (input: { wallet_id: string | null; customer_id: string }, { container }) => {
    const moved = input.wallet_id ? await service(container).moveWalletMemberships(input.wallet_id, input.customer_id) : []
    return new StepResponse(moved, { ids: moved, wallet_id: input.wallet_id ?? "" })
  },
  async (undo: { ids: string[]; wallet_id: string } | undefined, { container }) => {
    if (undo?.ids.length) await service(container).restoreWalletMemberships(undo.ids, undo.wallet_id)
  }
)
