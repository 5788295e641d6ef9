import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { topUpPayments } from "../../../../../lib/refund-sources"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"
import { refundWalletWorkflow } from "../../../../../workflows/wallet-refund/refund-wallet-workflow"
import { refundView } from "../../../../../workflows/wallet-refund/refund-view"
import { withLedgerErrors } from "../../../../cashless-errors"
import { sendRefund } from "../../../../refund-answer"
import { customerWalletId } from "../customer-wallet"
import type { RefundRequestBody } from "../../validators"

/**
 * What the customer can get back online (per currency: refundable balance, and how much of it
 * was paid online) and their refunds, newest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const walletId = await customerWalletId(req)
  if (!walletId) {
    res.json({ refundable: [], refunds: [] })
    return
  }
  const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const balances = (await wallets.getBalances([walletId]))[walletId] ?? []
  const refundable = await Promise.all(
    balances
      .filter((b) => b.kind === "fiat")
      .map(async (b) => {
        const online = (await topUpPayments(req.scope, walletId, b.currency_code)).reduce((s, p) => s + p.refundable, 0)
        return { currency_code: b.currency_code, balance: b.balance, online: Math.min(online, b.balance) }
      })
  )
  const refunds = await wallets.listCashlessRefunds({ wallet_id: walletId }, { order: { created_at: "DESC" }, take: 50 })
  const parts = refunds.length ? await wallets.listCashlessRefundParts({ refund_id: refunds.map((r) => r.id) }) : []
  res.json({
    refundable,
    refunds: refunds.map((r) => refundView(r, parts.filter((p) => p.refund_id === r.id), false)),
  })
}

/**
 * Refunds the customer's refundable money to the payments they topped up with, newest first.
 * Free, at any time, partial allowed; gift credit is not refundable.
 */
export const POST = async (req: AuthenticatedMedusaRequest<RefundRequestBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const walletId = await customerWalletId(req)
    if (!walletId) {
      res.status(400).json({ type: "not_allowed", code: "insufficient_funds", message: "You have no wallet yet: there is nothing to refund." })
      return
    }
    const { amount, currency_code, idempotency_key } = req.validatedBody
    const { result } = await refundWalletWorkflow(req.scope).run({
      input: { wallet_id: walletId, amount, currency_code, idempotency_key, actor: `customer:${req.auth_context.actor_id}`, reason: "customer request" },
    })
    const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
    sendRefund(res, result, (await wallets.getBalances([walletId]))[walletId])
  })
