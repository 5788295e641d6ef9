import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ChangeStatusInput, ReplaceInput } from "../../modules/card/types"
import { bindCardStep } from "./steps/bind-card"
import { changeCardStatusStep, replaceCardStep } from "./steps/change-card-status"
import { ensureCustomerWalletStep } from "./steps/customer-wallet"
import { mergeWalletsStep } from "./steps/merge-wallets"
import { useCardStep } from "./steps/use-card"
import { moveWalletMembershipsStep } from "../membership/steps/grant"
import { syncMemberGroupsStep } from "../membership/steps/sync-member-groups"

/** A card read at a till or by the reader agent: refused, or usable with its wallet. */
export const useCardWorkflow = createWorkflow("cashless-use-card", (input: { uid: string; actor?: string | null }) => {
  return new WorkflowResponse(useCardStep(input))
})

export type BindCardWorkflowInput = {
  customer_id: string
  card_id?: string
  qr_token?: string
  printed_number?: string
  actor?: string | null
}

/**
 * Binds a card to a customer (their claim with the QR token and printed number, or staff),
 * then moves every balance of the card's anonymous wallet into the customer's wallet by one
 * `fusion` entry. The card is switched first, under its lock, so that nothing paid with it
 * meanwhile lands in the anonymous wallet after the fusion read it.
 */
export const bindCardWorkflow = createWorkflow("cashless-bind-card", (input: BindCardWorkflowInput) => {
  const holder = ensureCustomerWalletStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
  const bound = bindCardStep(
    transform({ input, holder }, ({ input, holder }) => ({
      card_id: input.card_id,
      qr_token: input.qr_token,
      printed_number: input.printed_number,
      customer_id: input.customer_id,
      customer_wallet_id: holder.wallet_id,
      holder_has_balance: holder.has_balance,
      actor: input.actor ?? null,
    }))
  )
  const fusion = mergeWalletsStep(
    transform({ input, bound, holder }, ({ input, bound, holder }) => ({
      merge:
      bound.changed && bound.previous_wallet_id && bound.previous_wallet_id !== holder.wallet_id
        ? {
            from_wallet_id: bound.previous_wallet_id,
            to_wallet_id: holder.wallet_id,
            idempotency_key: `card-bind:${bound.card.id}:${bound.previous_wallet_id}`,
            external_ref: bound.card.id,
            reason: "card bound to its holder",
            actor: input.actor ?? null,
          }
        : null,
    }))
  )
  // The anonymous card's memberships follow its money to the customer.
  const memberships = moveWalletMembershipsStep(
    transform({ input, bound }, ({ input, bound }) => ({
      wallet_id: bound.changed ? bound.previous_wallet_id : null,
      customer_id: input.customer_id,
    }))
  )
  syncMemberGroupsStep(
    transform({ input, memberships }, ({ input, memberships }) => ({ customer_ids: memberships.length ? [input.customer_id] : [] }))
  )
  return new WorkflowResponse(
    transform({ bound, fusion, memberships }, ({ bound, fusion, memberships }) => ({
      card: bound.card,
      changed: bound.changed,
      fusion,
      moved_memberships: memberships,
    }))
  )
})

export const changeCardStatusWorkflow = createWorkflow("cashless-change-card-status", (input: ChangeStatusInput) => {
  return new WorkflowResponse(changeCardStatusStep(input))
})

export const replaceCardWorkflow = createWorkflow("cashless-replace-card", (input: ReplaceInput) => {
  return new WorkflowResponse(replaceCardStep(input))
})
