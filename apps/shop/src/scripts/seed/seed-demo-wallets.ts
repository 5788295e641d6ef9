import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createWalletWorkflow,
  creditWalletWorkflow,
  issueGiftCreditWorkflow,
  reverseLedgerEntryWorkflow,
  spendFromWalletWorkflow,
} from "medusa-plugin-cashless/workflows"
import { ensureCustomer, seedDemoCardBatch, seedDemoCardStates } from "./seed-demo-cards"

/**
 * Wallets with a history, so the ledger pages show something on the first `npm run dev`.
 * Every entry has a fixed idempotency key: running this again changes nothing.
 */
export async function seedDemoWallets(container: MedusaContainer) {
  const customerId = await ensureCustomer(container, "camille.martin@example.com", "Camille", "Martin")
  const member = await findOrCreateWallet(container, "Camille Martin", customerId)
  // Card N° 0001's own wallet, made on its first tap at the bar.
  const anonymous = { id: (await seedDemoCardBatch(container)).anonymousWalletId }

  const actor = "system:demo-seed"
  await creditWalletWorkflow(container).run({
    input: {
      wallet_id: member.id,
      asset_code: "EUR",
      amount: 5000,
      source: "online_payments",
      external_ref: "order:demo-topup-1",
      idempotency_key: "demo-seed:member:topup",
      actor,
    },
  })
  await issueGiftCreditWorkflow(container).run({
    input: {
      wallet_id: member.id,
      asset_code: "EUR_GIFT",
      amount: 500,
      reason: "Welcome gift for new members",
      idempotency_key: "demo-seed:member:gift",
      actor,
    },
  })
  for (const [i, amount] of [350, 250, 150].entries()) {
    await spendFromWalletWorkflow(container).run({
      input: {
        wallet_id: member.id,
        currency_code: "eur",
        amount,
        point_of_sale: "bar",
        idempotency_key: `demo-seed:member:bar-${i}`,
        actor,
      },
    })
  }
  const { result: mistake } = await spendFromWalletWorkflow(container).run({
    input: {
      wallet_id: member.id,
      currency_code: "eur",
      amount: 4500,
      point_of_sale: "shop",
      idempotency_key: "demo-seed:member:shop-mistake",
      actor,
    },
  })
  await reverseLedgerEntryWorkflow(container).run({
    input: {
      entry_id: mistake.entry.id,
      reason: "Festival pass charged twice",
      idempotency_key: "demo-seed:member:shop-mistake:reversal",
      actor,
    },
  })

  await creditWalletWorkflow(container).run({
    input: {
      wallet_id: anonymous.id,
      asset_code: "EUR",
      amount: 2000,
      source: "cash_drawer",
      idempotency_key: "demo-seed:anonymous:topup",
      actor,
    },
  })
  await spendFromWalletWorkflow(container).run({
    input: {
      wallet_id: anonymous.id,
      currency_code: "eur",
      amount: 150,
      point_of_sale: "bar",
      idempotency_key: "demo-seed:anonymous:coffee",
      actor,
    },
  })
  await seedDemoCardStates(container, customerId)
  return { member: member.id, anonymous: anonymous.id }
}

/** Demo wallets are found again by their label, so an interrupted seed can run again. */
async function findOrCreateWallet(container: MedusaContainer, label: string, customerId?: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cashless_wallet", fields: ["id"], filters: { label } })
  if (data[0]) return { id: data[0].id as string }
  const { result } = await createWalletWorkflow(container).run({ input: { label, customer_id: customerId ?? null } })
  return result
}
