import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"
import type { PreparedSale, SaleTender } from "../sale-types"
import { spendableBalance, walletShort } from "./prepare-sale"

/**
 * The money of the sale: one `spend` entry per wallet tender (one atomic entry for the usual
 * single-card sale), to the point of sale's revenue account, keyed by the sale's idempotency key
 * and the tender's place, so a retried tap posts nothing twice. Cash and card-terminal tenders
 * move no wallet money; the Ticket Z counts them from the sale. Compensation (the sale could
 * not be recorded: session closed meanwhile) reverses what this step posted.
 */
export const payWalletTendersStep = createStep(
  "cashless-pay-wallet-tenders",
  async (input: { sale: PreparedSale; idempotency_key: string; actor: string }, { container }) => {
    const { sale } = input
    if (sale.replay) return new StepResponse({ tenders: [] as SaleTender[] }, [] as string[])
    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    const tenders: SaleTender[] = []
    const posted: string[] = []
    for (const [i, tender] of sale.tenders.entries()) {
      if (tender.kind !== "wallet") {
        tenders.push(tender)
        continue
      }
      try {
        const result = await wallets.spend({
          wallet_id: tender.wallet_id!,
          currency_code: sale.currency_code,
          amount: tender.amount,
          point_of_sale: sale.point_of_sale.id,
          external_ref: `sale:${sale.sale_id}`,
          idempotency_key: `till-sale:${input.idempotency_key}:${i}`,
          actor: input.actor,
        })
        if (!result.replayed) posted.push(result.entry.id)
        tenders.push({ ...tender, entry_id: result.entry.id })
      } catch (err) {
        // A card short meanwhile (another tap on it, at any till or server process, spent the money
        // between the reads and this entry): the money already taken goes back, and the till gets
        // the same "short by" answer as when the reads see it, not another kind of refusal.
        await reverseAll(wallets, posted)
        if ((err as { code?: string }).code !== "insufficient_funds") throw err
        const balance = await spendableBalance(wallets, tender.wallet_id!, sale.currency_code)
        // Credited again in the meantime: no "short by" to tell; the ledger's own refusal stands.
        if (balance >= tender.amount) throw err
        throw walletShort({ card: tender.card_name ?? "", balance, amount: tender.amount, total: sale.total, currency_code: sale.currency_code })
      }
    }
    return new StepResponse({ tenders }, posted)
  },
  async (posted: string[] | undefined, { container }) => {
    await reverseAll(container.resolve<WalletModuleService>(WALLET_MODULE), posted ?? [])
  }
)

async function reverseAll(wallets: WalletModuleService, entryIds: string[]) {
  for (const entryId of entryIds) {
    await wallets.reverse({ entry_id: entryId, idempotency_key: `${entryId}:compensation`, reason: "till sale not recorded", actor: "system:workflow" })
  }
}
