import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import WalletModule from "../modules/wallet"

/** A customer has one wallet; anonymous wallets (a card's) have none. */
export default defineLink(WalletModule.linkable.cashlessWallet, CustomerModule.linkable.customer)
