import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"
import type {
  AdjustInput,
  CreditInput,
  EntryResult,
  GiftInput,
  ReverseInput,
  SpendInput,
  TransferInput,
} from "../../../modules/wallet/types"

export type LedgerOperation =
  | { operation: "credit"; data: CreditInput }
  | { operation: "gift"; data: GiftInput }
  | { operation: "spend"; data: SpendInput }
  | { operation: "transfer"; data: TransferInput }
  | { operation: "adjust"; data: AdjustInput }
  | { operation: "reverse"; data: ReverseInput }

function perform(wallet: WalletModuleService, op: LedgerOperation): Promise<EntryResult> {
  switch (op.operation) {
    case "credit":
      return wallet.credit(op.data)
    case "gift":
      return wallet.issueGift(op.data)
    case "spend":
      return wallet.spend(op.data)
    case "transfer":
      return wallet.transfer(op.data)
    case "adjust":
      return wallet.adjust(op.data)
    case "reverse":
      return wallet.reverse(op.data)
  }
}

type Compensation = { entry_id: string; idempotency_key: string; operation: LedgerOperation["operation"] }

/**
 * Posts one ledger entry. Compensation never deletes: it posts the reversing entry, under a
 * key derived from the original so that a compensation retried is applied once.
 */
export const postLedgerEntryStep = createStep(
  "cashless-post-ledger-entry",
  async (op: LedgerOperation, { container }) => {
    const wallet = container.resolve<WalletModuleService>(WALLET_MODULE)
    const result = await perform(wallet, op)
    // A replay wrote nothing now, so there is nothing of ours to undo.
    const compensation: Compensation | undefined = result.replayed
      ? undefined
      : { entry_id: result.entry.id, idempotency_key: op.data.idempotency_key, operation: op.operation }
    return new StepResponse(result, compensation)
  },
  async (compensation, { container }) => {
    // A reversal is only ever the last step of its workflow: nothing after it can fail.
    if (!compensation || compensation.operation === "reverse") return
    const wallet = container.resolve<WalletModuleService>(WALLET_MODULE)
    await wallet.reverse({
      entry_id: compensation.entry_id,
      idempotency_key: `${compensation.idempotency_key}:compensation`,
      reason: "workflow compensation",
      actor: "system:workflow",
    })
  }
)
