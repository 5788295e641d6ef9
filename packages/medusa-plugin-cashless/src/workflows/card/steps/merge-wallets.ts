import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"
import type { EntryResult, MergeInput } from "../../../modules/wallet/types"

type Undo = { entry_id: string; key: string }

/** Fusion of a card's anonymous wallet into its holder's; undone by a reversal entry. */
export const mergeWalletsStep = createStep(
  "cashless-merge-wallets",
  async ({ merge }: { merge: MergeInput | null }, { container }) => {
    let result: EntryResult | null = null
    let undo: Undo | undefined
    if (merge) {
      result = await container.resolve<WalletModuleService>(WALLET_MODULE).merge(merge)
      if (result && !result.replayed) undo = { entry_id: result.entry.id, key: merge.idempotency_key }
    }
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<WalletModuleService>(WALLET_MODULE).reverse({
      entry_id: undo.entry_id,
      idempotency_key: `${undo.key}:compensation`,
      reason: "workflow compensation",
      actor: "system:workflow",
    })
  }
)
