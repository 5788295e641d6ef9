export { CashlessCard, CARD_STATUSES } from "./card"
export { CashlessCardBatch } from "./card-batch"
export { CashlessCardEvent } from "./card-event"
export { CashlessCardImport } from "./card-import"
