import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundableAsset, topUpPayments } from "../../../../../../lib/refund-sources"
import { WALLET_MODULE } from "../../../../../../modules/wallet"
import type WalletModuleService from "../../../../../../modules/wallet/service"

/**
 * The online payments that topped up this wallet (or a card wallet merged into it), newest
 * first: order, payment, what each credited, what already went back and what can still.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const currencies = [...new Set((await wallets.listAssetRecords()).filter((a) => a.kind === "fiat").map((a) => a.currency_code))]
  const rows = (
    await Promise.all(
      currencies.map(async (c) => ((await refundableAsset(req.scope, c)) ? topUpPayments(req.scope, req.params.id, c) : []))
    )
  ).flat()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(rows.map((r) => r.order_id))]
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id", "status", "email"], filters: { id: orderIds } })
    : { data: [] }
  const byId = new Map((orders as Array<{ id: string; display_id: number; status: string; email: string | null }>).map((o) => [o.id, o]))
  res.json({
    top_ups: rows.map((r) => ({ ...r, order: byId.get(r.order_id) ?? null })),
  })
}
