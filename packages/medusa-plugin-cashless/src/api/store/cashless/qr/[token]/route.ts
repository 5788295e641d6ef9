import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cardMembership, publicMembership } from "../../../../../lib/card-membership"
import { cardOfQrToken } from "../qr-card"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"

/**
 * What the QR code on a card may show to whoever scans it: whether the card can be used and
 * its balances and membership status. Never the holder, the UID or the printed number (the claim's second factor).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const card = await cardOfQrToken(req, res)
  if (!card) return
  const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const [balances, membership] = await Promise.all([
    card.wallet_id ? wallets.getBalances([card.wallet_id]).then((b) => b[card.wallet_id!] ?? []) : Promise.resolve([]),
    cardMembership(req.scope, card),
  ])
  res.json({
    card: {
      status: card.status,
      usable: card.status === "new" || card.status === "active",
      bound: !!card.customer_id,
      balances: balances.map(({ asset_code, kind, currency_code, balance }) => ({ asset_code, kind, currency_code, balance })),
      membership: publicMembership(membership),
    },
  })
}
