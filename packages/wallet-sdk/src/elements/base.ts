import { CashlessApiError } from "../errors.js"
import { CashlessClient } from "../client.js"
import type { Auth } from "../http.js"
import { h } from "./dom.js"
import { type Key, type Lang, pickLang, translate } from "./i18n.js"
import { styles } from "./styles.js"

/**
 * What both components share: the shadow root and its style, the client made from the
 * `publishable-key` and `base-url` attributes, the words of the `lang` attribute, and two live
 * regions read out by screen readers: `status` (polite) and `error` (assertive).
 */
export abstract class CashlessElement extends HTMLElement {
  protected readonly root: ShadowRoot
  protected readonly statusLine = h("p", { role: "status", "aria-live": "polite", part: "status" })
  protected readonly errorLine = h("p", { role: "alert", "aria-live": "assertive", part: "error" })
  private built = false

  constructor() {
    super()
    this.root = this.attachShadow({ mode: "open" })
  }

  protected get language(): Lang {
    return pickLang(this.getAttribute("lang"))
  }

  protected t(key: Key, vars?: Record<string, string>): string {
    return translate(this.language, key, vars)
  }

  /** A client for the attributes as they are now; null (and a message) while one is missing. */
  protected client(): CashlessClient | null {
    const publishableKey = this.getAttribute("publishable-key")
    const baseUrl = this.getAttribute("base-url")
    if (!publishableKey || !baseUrl) {
      this.showError(this.t("config"))
      return null
    }
    return new CashlessClient({ baseUrl, publishableKey, auth: this.auth() })
  }

  /** How the customer is recognized; the wallet overrides it, the QR top-up needs none. */
  protected auth(): Auth {
    return undefined
  }

  connectedCallback(): void {
    if (this.built) return
    this.built = true
    this.root.replaceChildren(h("style", {}, styles), this.build())
    void this.load()
  }

  /** The static skeleton, built once so that re-renders never steal keyboard focus. */
  protected abstract build(): Node
  /** Fetches what the component shows; called once connected and when a key attribute changes. */
  protected abstract load(): Promise<void>

  protected showError(err: unknown): void {
    this.statusLine.textContent = ""
    this.errorLine.textContent = this.messageOf(err)
  }

  protected showStatus(text: string): void {
    this.errorLine.textContent = ""
    this.statusLine.textContent = text
  }

  protected clearMessages(): void {
    this.errorLine.textContent = ""
    this.statusLine.textContent = ""
  }

  /** The server's own words, translated for the refusals a visitor meets most. */
  private messageOf(err: unknown): string {
    if (typeof err === "string") return err
    if (err instanceof CashlessApiError) {
      const key = `err_${err.code}` as Key
      if (err.code === "card_not_found" || err.code === "network_error") return this.t(key)
      return err.message || this.t("err_unexpected")
    }
    return this.t("err_unexpected")
  }

  /** Runs an action with its button disabled, so a double press never starts it twice. */
  protected async busy(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
    button.disabled = true
    button.setAttribute("aria-busy", "true")
    try {
      await work()
    } catch (err) {
      this.showError(err)
    } finally {
      button.disabled = false
      button.removeAttribute("aria-busy")
    }
  }
}
