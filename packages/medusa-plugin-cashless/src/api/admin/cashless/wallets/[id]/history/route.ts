import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../../../modules/wallet"
import type WalletModuleService from "../../../../../../modules/wallet/service"
import { withLedgerErrors } from "../../../helpers"
import { HistoryQuerySchema } from "../../../validators"
import { parseQuery } from "../../../../../parse-query"

/** The wallet's postings, newest first, by cursor: pass `next_cursor` back as `cursor`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { limit, cursor, asset_code } = parseQuery(HistoryQuerySchema, req.query)
    const wallet = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
    return wallet.walletHistory(req.params.id, { limit, cursor, asset_code })
  })
