import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"
import { withLedgerErrors } from "../../helpers"
import { reportRange } from "../report-query"
import { sendCsv } from "../send-table"

/**
 * The ledger for a date range, one line per posting, with the totals per external account
 * (revenue of each point of sale, cash drawer, card terminal, online payments…) — the figures a
 * Ticket Z or a bank statement is checked against.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { from, to, format } = reportRange(req.query)
    const postings = await req.scope.resolve<WalletModuleService>(WALLET_MODULE).ledgerExport({ from, to })
    if (format === "csv") {
      sendCsv(res, `ledger-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}`, postings, [
        "created_at",
        "entry_id",
        "kind",
        "external_ref",
        "wallet_id",
        "system_code",
        "asset_code",
        "amount",
        "reverses_id",
        "actor",
        "reason",
      ])
      return
    }
    const totals = new Map<string, { system_code: string; asset_code: string; amount: number }>()
    for (const p of postings) {
      if (!p.system_code) continue
      const k = `${p.system_code}|${p.asset_code}`
      const t = totals.get(k) ?? { system_code: p.system_code, asset_code: p.asset_code, amount: 0 }
      t.amount += p.amount
      totals.set(k, t)
    }
    return { from: from.toISOString(), to: to.toISOString(), postings, totals: [...totals.values()].sort((a, b) => a.system_code.localeCompare(b.system_code)) }
  })
