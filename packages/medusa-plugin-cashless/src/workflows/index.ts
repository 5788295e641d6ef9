export * from "./wallet/create-wallet"
export * from "./wallet/ledger-workflows"
