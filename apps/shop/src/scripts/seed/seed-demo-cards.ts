import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { CARD_MODULE, type CardModuleService } from "medusa-plugin-cashless/modules/card"
import {
  bindCardWorkflow,
  changeCardStatusWorkflow,
  creditWalletWorkflow,
  importCardsWorkflow,
  useCardWorkflow,
} from "medusa-plugin-cashless/workflows"

const ACTOR = "system:demo-seed"
export const DEMO_BATCH = "Demo cards (printed)"
const DEMO_CARDS = 24

/** Card N° 0001…0024 of the demo batch: UID 04DE4D000000<hex of the number>. */
export const demoCardUid = (n: number) => `04DE4D000000${n.toString(16).toUpperCase().padStart(2, "0")}`

/**
 * A printed batch, registered as an import would, and the first card used anonymously at
 * the bar. Answers that card's wallet, which the wallet seed gives a history.
 */
export async function seedDemoCardBatch(container: MedusaContainer): Promise<{ anonymousWalletId: string }> {
  const cards = container.resolve<CardModuleService>(CARD_MODULE)
  const csv = Array.from({ length: DEMO_CARDS }, (_, i) => `${demoCardUid(i + 1)},${String(i + 1).padStart(4, "0")}`).join("\n")
  const started = await cards.startImport({ idempotency_key: "demo-seed:cards:batch", batch_name: DEMO_BATCH, csv, actor: ACTOR })
  if (started.created) {
    const { result } = await importCardsWorkflow(container).run({ input: { import_id: started.import.id, csv, actor: ACTOR } })
    if (result.status !== "succeeded") throw new Error(`demo card import failed: ${result.error}`)
  }
  const { result: first } = await useCardWorkflow(container).run({ input: { uid: demoCardUid(1), actor: ACTOR } })
  return { anonymousWalletId: first.wallet_id! }
}

/**
 * Cards in every state the card pages show: N° 0002 bound to Camille, N° 0003 topped up
 * anonymously then bound to Noé (its money moved by a fusion entry), N° 0004 blocked.
 */
export async function seedDemoCardStates(container: MedusaContainer, camilleId: string) {
  const cards = container.resolve<CardModuleService>(CARD_MODULE)
  const byNumber = async (n: number) => (await cards.findCardByUid(demoCardUid(n)))!

  await bindCardWorkflow(container).run({ input: { card_id: (await byNumber(2)).id, customer_id: camilleId, actor: ACTOR } })

  const { result: third } = await useCardWorkflow(container).run({ input: { uid: demoCardUid(3), actor: ACTOR } })
  await creditWalletWorkflow(container).run({
    input: {
      wallet_id: third.wallet_id!,
      asset_code: "EUR",
      amount: 800,
      source: "cash_drawer",
      idempotency_key: "demo-seed:card-0003:topup",
      actor: ACTOR,
    },
  })
  const noe = await ensureCustomer(container, "noe.dubois@example.com", "Noé", "Dubois")
  await bindCardWorkflow(container).run({ input: { card_id: third.id, customer_id: noe, actor: ACTOR } })

  await changeCardStatusWorkflow(container).run({
    input: { card_id: (await byNumber(4)).id, action: "block", reason: "Found on the floor, kept at the till", actor: ACTOR },
  })
}

export async function ensureCustomer(container: MedusaContainer, email: string, firstName: string, lastName: string) {
  const customers = container.resolve(Modules.CUSTOMER)
  const [found] = await customers.listCustomers({ email })
  if (found) return found.id as string
  const { result } = await createCustomersWorkflow(container).run({
    input: { customersData: [{ email, first_name: firstName, last_name: lastName }] },
  })
  return result[0].id as string
}
