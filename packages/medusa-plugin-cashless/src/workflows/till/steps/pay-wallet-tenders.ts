import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"
import type { PreparedSale, SaleTender } from "../sale-types"

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
    try {
      for (const [i, tender] of sale.tenders.entries()) {
        if (tender.kind !== "wallet") {
          tenders.push(tender)
          continue
        }
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
      }
    } catch (err) {
      // A second card short meanwhile: the first card's money goes back before the error.
      await reverseAll(wallets, posted)
      throw err
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
