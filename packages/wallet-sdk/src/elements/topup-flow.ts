import type { CashlessClient } from "../client.js"
import type { TopUpCart } from "../types.js"

export type TopUpStarted = { cart_id: string; amount: number; currency_code: string; qr_token: string | null; cart: TopUpCart }

/**
 * "Start a top-up" as the plugin means it (docs/online.md): the top-up is a line in a Medusa cart,
 * paid through the shop's normal checkout. The component makes the cart (or uses `cart-id`), puts
 * the top-up in it and hands over: the money arrives only once the partner's checkout is paid.
 */
export async function startTopUp(
  client: CashlessClient,
  options: { amount: number; currency: string; qr_token: string | null; cart_id: string | null; region_id: string | null }
): Promise<TopUpStarted> {
  let cartId = options.cart_id
  if (!cartId) {
    // A region of the currency: the cart's currency is its region's.
    const regionId = options.region_id ?? (await client.regions()).find((r) => r.currency_code === options.currency)?.id
    cartId = (await client.createCart(regionId ? { region_id: regionId } : {})).id
  }
  const cart = await client.startTopUp({ cart_id: cartId, amount: options.amount, ...(options.qr_token ? { qr_token: options.qr_token } : {}) })
  return { cart_id: cart.id, amount: options.amount, currency_code: cart.currency_code, qr_token: options.qr_token, cart }
}

/**
 * Tells the page (`cashless-topup-started`, cancelable, bubbling out of the shadow DOM), then
 * goes to `checkout-url` with `{cart_id}` filled in unless the page called preventDefault().
 * Answers the checkout address, if any, for a link.
 */
export function handOver(host: HTMLElement, started: TopUpStarted): string | null {
  const proceed = host.dispatchEvent(new CustomEvent("cashless-topup-started", { detail: started, bubbles: true, composed: true, cancelable: true }))
  const template = host.getAttribute("checkout-url")
  if (!template) return null
  const url = template.replace("{cart_id}", encodeURIComponent(started.cart_id))
  if (proceed && host.hasAttribute("auto-checkout")) window.location.assign(url)
  return url
}
