import type { Balance } from "../types.js"
import { h } from "./dom.js"
import { type Lang, translate } from "./i18n.js"
import { formatMinor } from "./money.js"

/** Each balance as a labelled amount: refundable money first, then gift credit when there is some. */
export function balanceList(balances: Balance[], lang: Lang, empty: string): HTMLElement {
  const shown = balances
    .filter((b) => b.kind === "fiat" || (b.kind === "gift" && b.balance !== 0))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "fiat" ? -1 : 1))
  if (!shown.length || shown.every((b) => b.balance === 0)) return h("p", { part: "balance-empty" }, empty)
  return h(
    "dl",
    { part: "balances" },
    ...shown.flatMap((b) => [
      h("dt", {}, translate(lang, b.kind === "gift" ? "giftBalance" : "balance")),
      h("dd", { class: "balance", part: "balance", "data-asset": b.asset_code }, formatMinor(b.balance, b.currency_code, lang)),
    ])
  )
}
