export * from "./wallet/create-wallet"
export * from "./wallet/ledger-workflows"
export * from "./card/card-workflows"
export * from "./card/import-cards"
