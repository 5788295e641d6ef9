import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../../../modules/wallet"
import type WalletModuleService from "../../../../../../modules/wallet/service"
import { refundWalletWorkflow } from "../../../../../../workflows/wallet-refund/refund-wallet-workflow"
import { refundView } from "../../../../../../workflows/wallet-refund/refund-view"
import { sendRefund } from "../../../../../refund-answer"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { AdminRefundBody } from "../../../validators"

/** The wallet's refund requests, newest first, with the payment each share went back to. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const refunds = await wallets.listCashlessRefunds({ wallet_id: req.params.id }, { order: { created_at: "DESC" }, take: 100 })
  const parts = refunds.length ? await wallets.listCashlessRefundParts({ refund_id: refunds.map((r) => r.id) }) : []
  res.json({ refunds: refunds.map((r) => refundView(r, parts.filter((p) => p.refund_id === r.id), false)) })
}

/** Staff refunds the wallet's refundable money to the payments it came from, newest first. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRefundBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { amount, currency_code, idempotency_key, reason } = req.validatedBody
    const { result } = await refundWalletWorkflow(req.scope).run({
      input: { wallet_id: req.params.id, amount, currency_code, idempotency_key, actor: actorOf(req), reason: reason ?? "staff refund" },
    })
    const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
    sendRefund(res, result, (await wallets.getBalances([req.params.id]))[req.params.id])
  })
