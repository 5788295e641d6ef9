import { type Auth, call, type Transport } from "./http.js"
import type {
  ClaimResult,
  MyCard,
  MyMemberships,
  Ticket,
  MyRefunds,
  MyWallet,
  PublicMembership,
  QrCard,
  RefundAnswer,
  TopUpCart,
  WalletCredit,
  WalletHistory,
} from "./types.js"

export type CashlessClientOptions = {
  /** The shop's URL, e.g. `https://shop.example.org` (no `/store`). */
  baseUrl: string
  /** A publishable API key of the sales channel the partner sells in (Medusa admin › Settings › Publishable API keys). */
  publishableKey: string
  /** The customer's JWT (`{ token }`), or `"session"` for the cookie of `POST /auth/session`; none for QR-token calls. */
  auth?: Auth
  /** Another fetch (tests, old runtimes); the global one by default. */
  fetch?: typeof fetch
}

const id = (value: string) => encodeURIComponent(value)

/**
 * The plugin's store routes, typed. Every amount is an integer in minor units (2000 = 20.00) with
 * the currency the server names; refusals throw a `CashlessApiError` with the server's message.
 */
export class CashlessClient {
  private auth: Auth
  private readonly t: Transport

  constructor(options: CashlessClientOptions) {
    if (!options.baseUrl) throw new TypeError("CashlessClient: baseUrl is required")
    if (!options.publishableKey) throw new TypeError("CashlessClient: publishableKey is required (x-publishable-api-key)")
    const f = options.fetch ?? globalThis.fetch
    if (!f) throw new TypeError("CashlessClient: no fetch in this runtime: pass one")
    this.auth = options.auth
    this.t = { baseUrl: options.baseUrl, publishableKey: options.publishableKey, auth: () => this.auth, fetch: f.bind(globalThis) }
  }

  /** Sets (or clears) how the customer is recognized, e.g. after `login`. */
  setAuth(auth: Auth): void {
    this.auth = auth
  }

  // ------------------------------------------------------------- Medusa's store auth and carts

  /** Logs a customer in with Medusa's email/password provider and keeps the JWT for later calls. */
  async login(email: string, password: string): Promise<string> {
    const { token } = await call<{ token: string }>(this.t, "POST", "/auth/customer/emailpass", { email, password })
    this.auth = { token }
    return token
  }

  /** A Medusa cart (`POST /store/carts`): in the key's sales channel, the region given or the store's default. */
  async createCart(input: { region_id?: string; email?: string; currency_code?: string } = {}): Promise<{ id: string; currency_code: string; region_id: string | null }> {
    const { cart } = await call<{ cart: { id: string; currency_code: string; region_id: string | null } }>(this.t, "POST", "/store/carts", input)
    return { id: cart.id, currency_code: cart.currency_code, region_id: cart.region_id ?? null }
  }

  /** The regions the store sells in (`GET /store/regions`), to pick one by currency. */
  async regions(): Promise<Array<{ id: string; name: string; currency_code: string }>> {
    const { regions } = await call<{ regions: Array<{ id: string; name: string; currency_code: string }> }>(this.t, "GET", "/store/regions", undefined, {
      fields: "id,name,currency_code",
    })
    return regions
  }

  // ------------------------------------------------------------- a card by its QR token (no account)

  /** What the card's QR code may show: usable or not, balances, membership; never the holder. */
  async qrCard(qrToken: string): Promise<QrCard> {
    return (await call<{ card: QrCard }>(this.t, "GET", `/store/cashless/qr/${id(qrToken)}`)).card
  }

  /** Membership status of the card's holder: valid / expired / none, plan name, end. */
  async qrMembership(qrToken: string): Promise<PublicMembership> {
    return (await call<{ membership: PublicMembership }>(this.t, "GET", `/store/cashless/qr/${id(qrToken)}/membership`)).membership
  }

  /**
   * Puts a top-up of `amount` minor units in the cart: for the card of `qr_token` (anyone may), or
   * else the logged-in customer's own wallet. The money arrives when the cart's order is paid.
   */
  async startTopUp(input: { cart_id: string; amount: number; qr_token?: string }): Promise<TopUpCart> {
    return (await call<{ cart: TopUpCart }>(this.t, "POST", "/store/cashless/top-ups", input)).cart
  }

  // ------------------------------------------------------------- the logged-in customer

  /** The customer's wallet and its balances; null before any money reached it. */
  async myWallet(): Promise<MyWallet> {
    return (await call<{ wallet: MyWallet }>(this.t, "GET", "/store/cashless/me/wallet")).wallet
  }

  /** The wallet's movements, newest first; pass `next_cursor` back as `cursor` for the next page. */
  async myWalletHistory(options: { limit?: number; cursor?: string | null; asset_code?: string } = {}): Promise<WalletHistory> {
    return call<WalletHistory>(this.t, "GET", "/store/cashless/me/wallet/history", undefined, options)
  }

  /** The customer's cards, lost and replaced ones included, with each wallet's balances. */
  async myCards(): Promise<MyCard[]> {
    return (await call<{ cards: MyCard[] }>(this.t, "GET", "/store/cashless/me/cards")).cards
  }

  /** Links a card with both things printed on it; its money moves into the customer's wallet. */
  async claimCard(input: { qr_token: string; printed_number: string }): Promise<ClaimResult> {
    return call<ClaimResult>(this.t, "POST", "/store/cashless/me/cards/claim", input)
  }

  /** Declares one of the customer's cards lost: refused everywhere at once, the money stays in the wallet. */
  async declareLost(cardId: string, reason?: string): Promise<MyCard> {
    return (await call<{ card: MyCard }>(this.t, "POST", `/store/cashless/me/cards/${id(cardId)}/lost`, reason ? { reason } : {})).card
  }

  /** Pays the cart with the wallet: `amount` minor units, or as much as the wallet and the cart allow. */
  async applyWalletCredit(cartId: string, amount?: number): Promise<WalletCredit> {
    const body = amount === undefined ? {} : { amount }
    return (await call<{ wallet_credit: WalletCredit }>(this.t, "POST", `/store/cashless/me/carts/${id(cartId)}/wallet-credit`, body)).wallet_credit
  }

  /** Takes the wallet payment off the cart; answers how many credit lines went. */
  async removeWalletCredit(cartId: string): Promise<{ removed: number }> {
    return call<{ removed: number }>(this.t, "DELETE", `/store/cashless/me/carts/${id(cartId)}/wallet-credit`)
  }

  /** Membership status now and the customer's membership history. */
  async myMemberships(): Promise<MyMemberships> {
    return call<MyMemberships>(this.t, "GET", "/store/cashless/me/memberships")
  }

  /** The customer's tickets (of one order with `orderId`), each with its e-ticket page. */
  async myTickets(orderId?: string): Promise<Ticket[]> {
    const query = orderId ? `?order_id=${encodeURIComponent(orderId)}` : ""
    return (await call<{ tickets: Ticket[] }>(this.t, "GET", `/store/cashless/me/tickets${query}`)).tickets
  }

  /** One e-ticket by its secret (a guest's e-mail link): no login needed. */
  async ticket(secret: string): Promise<Ticket> {
    return (await call<{ ticket: Ticket }>(this.t, "GET", `/store/cashless/tickets/${id(secret)}`)).ticket
  }

  /** What can go back online per currency, and the customer's refunds, newest first. */
  async myRefunds(): Promise<MyRefunds> {
    return call<MyRefunds>(this.t, "GET", "/store/cashless/me/refunds")
  }

  /**
   * Refunds refundable money to the payments it came from. Keep `idempotency_key` for a retry:
   * the same key never pays twice. A provider refusing part of it throws with status 502.
   */
  async requestRefund(input: { amount: number; currency_code?: string; idempotency_key: string }): Promise<RefundAnswer> {
    return call<RefundAnswer>(this.t, "POST", "/store/cashless/me/refunds", input)
  }
}
