import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../../../modules/wallet"
import type WalletModuleService from "../../../../../../modules/wallet/service"
import { withLedgerErrors } from "../../../../../cashless-errors"
import { parseQuery } from "../../../../../parse-query"
import { WalletHistoryQuerySchema } from "../../../validators"
import { customerWalletId } from "../../customer-wallet"

/**
 * The customer's own movements, newest first, by cursor. Staff-side details (accounts, external
 * references, staff reasons) stay in the admin: the holder sees what moved, when, and the balance after.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { limit, cursor, asset_code } = parseQuery(WalletHistoryQuerySchema, req.query)
    const walletId = await customerWalletId(req)
    if (!walletId) return { items: [], next_cursor: null }
    const page = await req.scope.resolve<WalletModuleService>(WALLET_MODULE).walletHistory(walletId, { limit, cursor, asset_code })
    return {
      items: page.items.map((p) => ({
        id: p.id,
        entry_id: p.entry_id,
        kind: p.kind,
        asset_code: p.asset_code,
        amount: p.amount,
        balance_after: p.balance_after,
        created_at: p.created_at,
        reversal: !!p.reverses_id,
      })),
      next_cursor: page.next_cursor,
    }
  })
