import type { QrCard } from "../types.js"
import { balanceList } from "./balances.js"
import { CashlessElement } from "./base.js"
import { fill, h } from "./dom.js"
import { translateValue } from "./i18n.js"
import { membershipMessage } from "./membership-line.js"
import { formatMinor, parseAmount } from "./money.js"
import { handOver, startTopUp } from "./topup-flow.js"

/**
 * `<cashless-topup publishable-key base-url [token] [lang] [currency] [region-id] [cart-id] [checkout-url] [auto-checkout]>`:
 * anyone with a card's QR code sees its balance and membership and puts a top-up in a cart.
 * No account: the QR token only ever reads and tops up (never spends, claims or refunds).
 */
export class CashlessTopUp extends CashlessElement {
  static observedAttributes = ["token", "publishable-key", "base-url", "lang"]

  private card: QrCard | null = null
  private readonly tokenForm = h("form", { part: "token-form" })
  private readonly tokenInput = h("input", { id: "token", name: "token", part: "input", autocomplete: "off", required: true, spellcheck: "false" })
  private readonly cardView = h("div", { part: "card", "aria-live": "polite" })
  private readonly amountForm = h("form", { part: "topup-form", hidden: true })
  private readonly amountInput = h("input", { id: "amount", name: "amount", part: "input", inputmode: "decimal", autocomplete: "off", required: true, "aria-describedby": "amount-hint" })
  private readonly amountLabel = h("label", { for: "amount" })
  private readonly checkoutLink = h("a", { part: "checkout-link", hidden: true })

  private get currency(): string {
    return (this.getAttribute("currency") || "eur").toLowerCase()
  }

  protected build(): Node {
    const showButton = h("button", { type: "submit", part: "button" }, this.t("tokenShow"))
    this.tokenForm.append(h("label", { for: "token" }, this.t("tokenLabel")), this.tokenInput, showButton)
    this.tokenForm.hidden = this.hasAttribute("token")
    this.tokenForm.addEventListener("submit", (e) => {
      e.preventDefault()
      void this.busy(showButton, () => this.showCard(this.tokenInput.value.trim()))
    })

    const startButton = h("button", { type: "submit", part: "button primary" }, this.t("topupStart"))
    this.amountLabel.textContent = this.t("amountLabel", { currency: this.currency.toUpperCase() })
    this.amountForm.append(this.amountLabel, this.amountInput, h("p", { id: "amount-hint", class: "hint" }, this.t("amountHint")), startButton)
    this.amountForm.addEventListener("submit", (e) => {
      e.preventDefault()
      void this.busy(startButton, () => this.topUp())
    })
    this.checkoutLink.textContent = this.t("topupCheckout")

    return h(
      "section",
      { part: "container", "aria-labelledby": "title" },
      h("h2", { id: "title", part: "title" }, this.t("topupTitle")),
      this.tokenForm,
      this.cardView,
      this.amountForm,
      this.statusLine,
      this.checkoutLink,
      this.errorLine
    )
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.root.childElementCount) return
    if (name === "token") this.tokenForm.hidden = !!after
    void this.load()
  }

  protected async load(): Promise<void> {
    const token = this.getAttribute("token")
    if (token) await this.showCard(token).catch((err) => this.showError(err))
  }

  private token(): string | null {
    return this.getAttribute("token") || this.tokenInput.value.trim() || null
  }

  private async showCard(token: string): Promise<void> {
    const client = this.client()
    if (!client || !token) return
    this.clearMessages()
    this.checkoutLink.hidden = true
    fill(this.cardView, h("p", {}, this.t("loading")))
    try {
      this.card = await client.qrCard(token)
    } catch (err) {
      this.card = null
      fill(this.cardView)
      this.amountForm.hidden = true
      throw err
    }
    const lang = this.language
    const card = this.card
    fill(
      this.cardView,
      balanceList(card.balances, lang, this.t("noMoney")),
      h("p", { part: "membership" }, `${this.t("membership")}${lang === "fr" ? " : " : ": "}${membershipMessage(card.membership, lang)}`),
      !card.usable && h("p", { part: "unusable" }, this.t("cardUnusable", { status: translateValue(lang, "status", card.status) }))
    )
    // A lost or blocked card is refused by the server too (409): no point offering the form.
    this.amountForm.hidden = !card.usable
  }

  private async topUp(): Promise<void> {
    const client = this.client()
    const token = this.token()
    if (!client || !token) return
    const amount = parseAmount(this.amountInput.value, this.currency)
    if (amount === null) {
      this.showError(this.t("amountInvalid"))
      this.amountInput.setAttribute("aria-invalid", "true")
      this.amountInput.focus()
      return
    }
    this.amountInput.removeAttribute("aria-invalid")
    const started = await startTopUp(client, {
      amount,
      currency: this.currency,
      qr_token: token,
      cart_id: this.getAttribute("cart-id"),
      region_id: this.getAttribute("region-id"),
    })
    this.showStatus(this.t("topupStarted", { amount: formatMinor(amount, started.currency_code, this.language), cart: started.cart_id }))
    const url = handOver(this, started)
    if (url) {
      this.checkoutLink.href = url
      this.checkoutLink.hidden = false
    }
  }
}
