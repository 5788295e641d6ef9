import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cartRef } from "../../lib/ledger-refs"
import { takeBackTopUps, TopUpSpent, undoTakeBack } from "../../lib/top-up-take-back"
import { WALLET_MODULE } from "../../modules/wallet"
import type WalletModuleService from "../../modules/wallet/service"
import type { EntryResult } from "../../modules/wallet/types"

type Input = { order_id: string }
type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The top-up money of a cancelled order leaves the wallet. Cancelled through the admin route it
 * already did (the route's guard), so this finds nothing left; cancelled any other way and
 * already spent, it cannot be refused any more: the shortfall is reported, not hidden.
 */
const takeBackCanceledTopUpsStep = createStep(
  "cashless-take-back-canceled-top-ups",
  async (input: Input, { container }) => {
    try {
      const taken = await takeBackTopUps(container, { order_id: input.order_id, purpose: "cancel", actor: "system:order-canceled" })
      return new StepResponse({ taken: taken.length, shortfall: null as string | null }, taken)
    } catch (err) {
      if (!(err instanceof TopUpSpent)) throw err
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`cashless: order ${input.order_id} cancelled after its top-up was spent. ${err.message}`)
      return new StepResponse({ taken: 0, shortfall: err.message }, [] as EntryResult[])
    }
  },
  async (taken: EntryResult[] | undefined, { container }) => {
    await undoTakeBack(container, taken ?? [], "workflow compensation")
  }
)

/**
 * What the order's cart paid with wallet credit goes back into the wallet, as it was paid (gift
 * credit as gift credit): the reversal of the cart's `spend` entry.
 */
const creditBackWalletPaymentStep = createStep("cashless-credit-back-wallet-payment", async (input: Input, { container }) => {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "cart.id"], filters: { id: input.order_id } })
  const cartId = data[0]?.cart?.id as string | undefined
  if (!cartId) return new StepResponse({ credited_back: 0 })
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const spends = (await wallets.entriesByRef(cartRef(cartId))).filter((e) => e.kind === "spend")
  let credited = 0
  for (const entryId of new Set(spends.map((s) => s.entry_id))) {
    await wallets.reverse({
      entry_id: entryId,
      idempotency_key: `order-cancel:${input.order_id}:${entryId}`,
      reason: `order #${data[0]?.display_id ?? input.order_id} cancelled: its wallet payment goes back to the wallet`,
      actor: "system:order-canceled",
    })
    credited += spends.filter((s) => s.entry_id === entryId).reduce((sum, s) => sum - s.amount, 0)
  }
  return new StepResponse({ credited_back: credited })
})

/** A cancelled order's wallet money: top-ups taken back, wallet payments credited back. */
export const orderCanceledWalletsWorkflow = createWorkflow("cashless-order-canceled-wallets", (input: Input) => {
  const topUps = takeBackCanceledTopUpsStep(input)
  const walletPayment = creditBackWalletPaymentStep(input)
  return new WorkflowResponse({ topUps, walletPayment })
})
