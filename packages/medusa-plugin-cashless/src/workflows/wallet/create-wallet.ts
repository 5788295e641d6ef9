import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../../modules/wallet"
import { createWalletStep } from "./steps/create-wallet"

export type CreateWalletInput = {
  label?: string | null
  metadata?: Record<string, unknown> | null
  customer_id?: string | null
}

/** A wallet, anonymous or linked to a Medusa customer. */
export const createWalletWorkflow = createWorkflow("cashless-create-wallet", (input: CreateWalletInput) => {
  const wallet = createWalletStep(
    transform({ input }, ({ input }) => ({ label: input.label ?? null, metadata: input.metadata ?? null }))
  )
  when({ input }, ({ input }) => !!input.customer_id).then(() => {
    createRemoteLinkStep(
      transform({ input, wallet }, ({ input, wallet }) => [
        {
          [WALLET_MODULE]: { cashless_wallet_id: wallet.id },
          [Modules.CUSTOMER]: { customer_id: input.customer_id },
        },
      ])
    )
  })
  return new WorkflowResponse(wallet)
})
