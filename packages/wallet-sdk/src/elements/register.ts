// The script-tag entry: defines both elements once, even if the bundle is included twice.
import { CashlessTopUp } from "./cashless-topup.js"
import { CashlessWallet } from "./cashless-wallet.js"

if (!customElements.get("cashless-topup")) customElements.define("cashless-topup", CashlessTopUp)
if (!customElements.get("cashless-wallet")) customElements.define("cashless-wallet", CashlessWallet)
