export { CashlessClient, type CashlessClientOptions } from "./client.js"
export { CashlessApiError } from "./errors.js"
export type { Auth } from "./http.js"
export type * from "./types.js"
