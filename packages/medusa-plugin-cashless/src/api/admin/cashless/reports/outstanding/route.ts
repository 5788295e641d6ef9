import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { minorToDecimalString } from "../../../../../lib/money"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"
import { withLedgerErrors } from "../../helpers"
import { sendCsv } from "../send-table"
import { parseQuery } from "../../../../parse-query"
import { OutstandingQuerySchema } from "../report-query"

/**
 * What the operator owes its public, per asset: the sum of all wallet balances (refundable
 * money is a debt; gift credit a promise), and how many wallets hold some.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { format } = parseQuery(OutstandingQuerySchema, req.query)
    const rows = await req.scope.resolve<WalletModuleService>(WALLET_MODULE).outstanding()
    if (format === "csv") {
      sendCsv(res, "outstanding-balances", rows.map((r) => ({ ...r, total: minorToDecimalString(r.total, r.currency_code) })), [
        "asset_code",
        "kind",
        "currency_code",
        "total",
        "wallets",
      ])
      return
    }
    return { outstanding: rows, at: new Date().toISOString() }
  })
