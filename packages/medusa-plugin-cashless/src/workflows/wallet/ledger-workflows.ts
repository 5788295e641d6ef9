import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type {
  AdjustInput,
  CreditInput,
  GiftInput,
  ReverseInput,
  SpendInput,
  TransferInput,
} from "../../modules/wallet/types"
import { postLedgerEntryStep } from "./steps/post-ledger-entry"

/** Every money movement of the wallet module, one workflow each. */

export const creditWalletWorkflow = createWorkflow("cashless-credit-wallet", (input: CreditInput) => {
  return new WorkflowResponse(postLedgerEntryStep({ operation: "credit", data: input }))
})

export const issueGiftCreditWorkflow = createWorkflow("cashless-issue-gift-credit", (input: GiftInput) => {
  return new WorkflowResponse(postLedgerEntryStep({ operation: "gift", data: input }))
})

export const spendFromWalletWorkflow = createWorkflow("cashless-spend-from-wallet", (input: SpendInput) => {
  return new WorkflowResponse(postLedgerEntryStep({ operation: "spend", data: input }))
})

export const transferBetweenWalletsWorkflow = createWorkflow(
  "cashless-transfer-between-wallets",
  (input: TransferInput) => {
    return new WorkflowResponse(postLedgerEntryStep({ operation: "transfer", data: input }))
  }
)

export const adjustWalletWorkflow = createWorkflow("cashless-adjust-wallet", (input: AdjustInput) => {
  return new WorkflowResponse(postLedgerEntryStep({ operation: "adjust", data: input }))
})

export const reverseLedgerEntryWorkflow = createWorkflow("cashless-reverse-ledger-entry", (input: ReverseInput) => {
  return new WorkflowResponse(postLedgerEntryStep({ operation: "reverse", data: input }))
})
