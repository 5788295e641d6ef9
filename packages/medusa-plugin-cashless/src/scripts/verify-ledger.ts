import type { ExecArgs } from "@medusajs/framework/types"
import { WALLET_MODULE } from "../modules/wallet"
import type WalletModuleService from "../modules/wallet/service"

/**
 * `medusa exec <this file>`: the operator's ledger check from a shell. Prints what it
 * checked and every row that disagrees; exits 1 when anything does.
 */
export default async function verifyLedgerCommand({ container }: ExecArgs) {
  const wallet = container.resolve<WalletModuleService>(WALLET_MODULE)
  const report = await wallet.verify()
  const { entries, postings, accounts } = report.checked
  const checked = `${entries} entries, ${postings} postings, ${accounts} wallet accounts in ${report.duration_ms} ms`
  if (report.ok) {
    console.log(`Ledger verified: ${checked}; no disagreement.`)
    return
  }
  console.log(`Ledger NOT verified: ${report.issues.length} disagreement(s) over ${checked}:`)
  for (const issue of report.issues) console.log(`  ${issue.table} ${issue.id}: ${issue.problem}`)
  process.exitCode = 1
}
