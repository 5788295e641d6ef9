import { defineLink } from "@medusajs/framework/utils"
import CardModule from "../modules/card"
import WalletModule from "../modules/wallet"

/**
 * The wallet a card pays from: its anonymous wallet, or its holder's once bound. Stored on the
 * card (`wallet_id`, set under the card's row lock), so a read-only link: no link table.
 */
export default defineLink(
  { linkable: CardModule.linkable.cashlessCard, field: "wallet_id" },
  WalletModule.linkable.cashlessWallet,
  { readOnly: true }
)
