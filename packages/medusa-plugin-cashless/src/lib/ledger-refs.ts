/**
 * The external references the plugin writes on ledger entries, in one place: refunds find the
 * payments a wallet was topped up with by reading them back.
 */

/** Money that came or went through one payment of one order. */
export const orderPaymentRef = (orderId: string, paymentId: string, suffix?: string) =>
  `order:${orderId} payment:${paymentId}${suffix ? ` ${suffix}` : ""}`

/** The prefix of every reference of one order (`order:<id> `). */
export const orderRefPrefix = (orderId: string) => `order:${orderId} `

/** What a cart paid with wallet credit. */
export const cartRef = (cartId: string) => `cart:${cartId}`

/** The order and payment of a reference written by `orderPaymentRef`, or null. */
export function parseOrderPaymentRef(ref: string | null | undefined): { order_id: string; payment_id: string } | null {
  const match = /^order:(\S+) payment:(\S+)(?: |$)/.exec(ref ?? "")
  return match ? { order_id: match[1], payment_id: match[2] } : null
}
