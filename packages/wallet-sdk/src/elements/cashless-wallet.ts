import type { Auth } from "../http.js"
import type { MyCard, WalletHistoryItem } from "../types.js"
import { balanceList } from "./balances.js"
import { CashlessElement } from "./base.js"
import { fill, h } from "./dom.js"
import { translateValue } from "./i18n.js"
import { membershipMessage } from "./membership-line.js"
import { formatDate, formatMinor, parseAmount } from "./money.js"
import { handOver, startTopUp } from "./topup-flow.js"

/**
 * `<cashless-wallet publishable-key base-url [lang] [currency] [auth="session"] [customer-token]
 * [region-id] [checkout-url] [auto-checkout]>`: the logged-in customer's wallet — balance,
 * history, top-up, cards (link one, declare one lost) and membership. Without a token or session
 * it shows Medusa's email/password login; the JWT is kept in memory only, never in storage a
 * script of the page could read later.
 */
export class CashlessWallet extends CashlessElement {
  static observedAttributes = ["publishable-key", "base-url", "lang", "customer-token", "auth"]

  private token: string | null = null
  private readonly loginForm = h("form", { part: "login-form", hidden: true })
  private readonly email = h("input", { id: "email", type: "email", name: "email", part: "input", autocomplete: "username", required: true })
  private readonly password = h("input", { id: "password", type: "password", name: "password", part: "input", autocomplete: "current-password", required: true })
  private readonly walletView = h("div", { part: "wallet", hidden: true })
  private readonly balanceView = h("div", { "aria-live": "polite" })
  private readonly membershipView = h("p", { part: "membership" })
  private readonly cardsView = h("ul", { part: "cards" })
  private readonly historyView = h("ul", { part: "history" })
  private readonly amountInput = h("input", { id: "amount", name: "amount", part: "input", inputmode: "decimal", autocomplete: "off", required: true, "aria-describedby": "amount-hint" })
  private readonly qrInput = h("input", { id: "qr", name: "qr_token", part: "input", autocomplete: "off", required: true, spellcheck: "false" })
  private readonly numberInput = h("input", { id: "number", name: "printed_number", part: "input", autocomplete: "off", required: true, spellcheck: "false" })
  private readonly checkoutLink = h("a", { part: "checkout-link", hidden: true })

  private get currency(): string {
    return (this.getAttribute("currency") || "eur").toLowerCase()
  }

  protected override auth(): Auth {
    const token = this.token ?? this.getAttribute("customer-token")
    if (token) return { token }
    return this.getAttribute("auth") === "session" ? "session" : undefined
  }

  protected build(): Node {
    const loginButton = h("button", { type: "submit", part: "button" }, this.t("login"))
    this.loginForm.append(h("label", { for: "email" }, this.t("emailLabel")), this.email, h("label", { for: "password" }, this.t("passwordLabel")), this.password, loginButton)
    this.loginForm.addEventListener("submit", (e) => {
      e.preventDefault()
      void this.busy(loginButton, () => this.login())
    })

    const topUpButton = h("button", { type: "submit", part: "button primary" }, this.t("topupStart"))
    const topUpForm = h(
      "form",
      { part: "topup-form" },
      h("label", { for: "amount" }, this.t("amountLabel", { currency: this.currency.toUpperCase() })),
      this.amountInput,
      h("p", { id: "amount-hint", class: "hint" }, this.t("amountHint")),
      topUpButton
    )
    topUpForm.addEventListener("submit", (e) => {
      e.preventDefault()
      void this.busy(topUpButton, () => this.topUp())
    })

    const linkButton = h("button", { type: "submit", part: "button" }, this.t("linkSubmit"))
    const linkForm = h(
      "form",
      { part: "link-form", "aria-labelledby": "link-title" },
      h("label", { for: "qr" }, this.t("linkQr")),
      this.qrInput,
      h("label", { for: "number" }, this.t("linkNumber")),
      this.numberInput,
      linkButton
    )
    linkForm.addEventListener("submit", (e) => {
      e.preventDefault()
      void this.busy(linkButton, () => this.linkCard())
    })

    const logoutButton = h("button", { type: "button", class: "secondary", part: "button logout" }, this.t("logout"))
    logoutButton.addEventListener("click", () => this.logout())
    this.checkoutLink.textContent = this.t("topupCheckout")

    this.walletView.append(
      this.balanceView,
      this.membershipView,
      topUpForm,
      this.checkoutLink,
      h("h3", { id: "cards-title" }, this.t("myCards")),
      this.cardsView,
      h("h3", { id: "link-title" }, this.t("linkTitle")),
      linkForm,
      h("h3", {}, this.t("history")),
      this.historyView,
      logoutButton
    )
    return h(
      "section",
      { part: "container", "aria-labelledby": "title" },
      h("h2", { id: "title", part: "title" }, this.t("walletTitle")),
      this.loginForm,
      this.walletView,
      this.statusLine,
      this.errorLine
    )
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (before !== after && this.root.childElementCount) void this.load()
  }

  protected async load(): Promise<void> {
    if (!this.auth()) {
      this.showLogin()
      return
    }
    await this.refresh().catch((err) => {
      // An expired token or no session: log in again.
      if ((err as { status?: number }).status === 401) this.showLogin()
      this.showError(err)
    })
  }

  private showLogin(): void {
    this.walletView.hidden = true
    this.loginForm.hidden = false
  }

  private async login(): Promise<void> {
    const client = this.client()
    if (!client) return
    this.token = await client.login(this.email.value.trim(), this.password.value)
    this.password.value = ""
    this.clearMessages()
    await this.refresh()
  }

  private logout(): void {
    this.token = null
    this.removeAttribute("customer-token")
    this.clearMessages()
    this.showLogin()
    this.email.focus()
  }

  private async refresh(): Promise<void> {
    const client = this.client()
    if (!client) return
    const [wallet, history, cards, memberships] = await Promise.all([client.myWallet(), client.myWalletHistory({ limit: 20 }), client.myCards(), client.myMemberships()])
    const lang = this.language
    this.loginForm.hidden = true
    this.walletView.hidden = false
    fill(this.balanceView, balanceList(wallet?.balances ?? [], lang, this.t("walletEmpty")))
    this.membershipView.textContent = `${this.t("membership")}${lang === "fr" ? " : " : ": "}${membershipMessage(memberships.membership, lang)}`
    this.renderCards(cards)
    this.renderHistory(history.items)
  }

  private renderCards(cards: MyCard[]): void {
    const lang = this.language
    if (!cards.length) return fill(this.cardsView, h("li", {}, this.t("noCards")))
    fill(
      this.cardsView,
      ...cards.map((card) => {
        const item = h("li", { part: "card" }, h("span", {}, `${card.printed_number} — ${translateValue(lang, "status", card.status)}`))
        if (card.status === "active" || card.status === "new") {
          const label = this.t("declareLost", { number: card.printed_number })
          const button = h("button", { type: "button", class: "secondary", part: "button lost" }, label)
          button.addEventListener("click", () => {
            if (!window.confirm(this.t("confirmLost", { number: card.printed_number }))) return
            void this.busy(button, async () => {
              await this.client()?.declareLost(card.id)
              await this.refresh()
              this.showStatus(this.t("lostDone", { number: card.printed_number }))
            })
          })
          item.append(button)
        }
        return item
      })
    )
  }

  private renderHistory(items: WalletHistoryItem[]): void {
    const lang = this.language
    if (!items.length) return fill(this.historyView, h("li", {}, this.t("historyEmpty")))
    fill(
      this.historyView,
      ...items.map((item) =>
        h(
          "li",
          { part: "history-item" },
          h("span", {}, `${formatDate(item.created_at, lang)} · ${translateValue(lang, "kind", item.reversal ? "reversal" : item.kind)}`),
          h("span", {}, formatMinor(item.amount, this.currencyOf(item.asset_code), lang))
        )
      )
    )
  }

  /** EUR and EUR gift credit are both euros: the asset code starts with the currency. */
  private currencyOf(assetCode: string): string {
    return /^[A-Za-z]{3}/.exec(assetCode)?.[0]?.toLowerCase() ?? this.currency
  }

  private async topUp(): Promise<void> {
    const client = this.client()
    if (!client) return
    const amount = parseAmount(this.amountInput.value, this.currency)
    if (amount === null) {
      this.amountInput.setAttribute("aria-invalid", "true")
      this.amountInput.focus()
      this.showError(this.t("amountInvalid"))
      return
    }
    this.amountInput.removeAttribute("aria-invalid")
    const started = await startTopUp(client, { amount, currency: this.currency, qr_token: null, cart_id: this.getAttribute("cart-id"), region_id: this.getAttribute("region-id") })
    this.showStatus(this.t("topupStarted", { amount: formatMinor(amount, started.currency_code, this.language), cart: started.cart_id }))
    const url = handOver(this, started)
    if (url) {
      this.checkoutLink.href = url
      this.checkoutLink.hidden = false
    }
  }

  private async linkCard(): Promise<void> {
    const client = this.client()
    if (!client) return
    const claimed = await client.claimCard({ qr_token: this.qrInput.value.trim(), printed_number: this.numberInput.value.trim() })
    this.qrInput.value = ""
    this.numberInput.value = ""
    await this.refresh()
    this.showStatus(this.t("linkDone", { number: claimed.card.printed_number }))
  }
}
