import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TILL_MODULE, type TillModuleService } from "medusa-plugin-cashless/modules/till"
import { createPointOfSaleWorkflow, openTillSessionWorkflow, sellAtTillWorkflow, tillMoneyWorkflow, voidCard } from "medusa-plugin-cashless/workflows"
import { DEMO_CASHIER_EMAIL, DEMO_MANAGER_EMAIL } from "./demo-catalog"
import { demoCardUid } from "./seed-demo-cards"
import { seedDemoDevices } from "./seed-demo-devices"
import { ensureUser } from "./seed-demo-users"

const ACTOR = "system:demo-seed"

/**
 * The till on the first `npm run dev`: the café's bar and the festival gate, staff with their
 * roles, the bar open with its float, anonymous card N° 0001 (a festival-weekend member)
 * served two beers at the member price, and card N° 0006 topped up with 10 EUR in cash, then
 * handed back: its money paid out, the card blank again. The bar has a paired reader and a
 * revoked one (seed-demo-devices.ts).
 */
export async function seedDemoTill(
  container: MedusaContainer,
  channels: { Bar: string; Shop: string },
  staff: { adminId: string; password: string }
) {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const ensure = async (name: string, sales_channel_id: string) => {
    const [found] = await till.listCashlessPointOfSales({ name })
    if (found) return found.id
    const { result } = await createPointOfSaleWorkflow(container).run({
      input: { name, sales_channel_id, country_code: "fr", currency_code: "eur", tenders: ["wallet", "cash", "card_terminal"] },
    })
    return result.id
  }
  const bar = await ensure("Café bar", channels.Bar)
  await ensure("Festival gate", channels.Shop)

  // Staff: the demo admin is the cashless admin (which ends the bootstrap rule), a manager, and
  // a cashier assigned to the café bar; both log in with the demo admin's password.
  await till.setRole(staff.adminId, "admin")
  const manager = await ensureUser(container, DEMO_MANAGER_EMAIL, staff.password, { first_name: "Malik", last_name: "Manager" })
  await till.setRole(manager, "manager")
  const cashier = await ensureUser(container, DEMO_CASHIER_EMAIL, staff.password, { first_name: "Chloé", last_name: "Cashier" })
  await till.setRole(cashier, "cashier")
  if (!(await till.isAssigned(cashier, bar))) await till.assign(cashier, bar)
  if (!(await till.openSession(bar))) {
    await openTillSessionWorkflow(container).run({ input: { point_of_sale_id: bar, opening_float: 15_000, opened_by: ACTOR } })
  }
  const [beer] = await container.resolve(Modules.PRODUCT).listProducts({ handle: "draught-beer-25cl" }, { relations: ["variants"] })
  const variant = beer.variants[0]
  await sellAtTillWorkflow(container).run({
    input: {
      point_of_sale_id: bar,
      idempotency_key: "demo-seed:till:card-0001:beers",
      card_uid: demoCardUid(1),
      lines: [{ variant_id: variant.id, quantity: 2 }],
      sold_by: ACTOR,
    },
  })
  await tillMoneyWorkflow(container).run({
    input: {
      kind: "top_up",
      point_of_sale_id: bar,
      idempotency_key: "demo-seed:till:card-0006:top-up",
      card_uid: demoCardUid(6),
      amount: 1000,
      tender: "cash",
      done_by: ACTOR,
    },
  })
  await voidCard(container, { point_of_sale_id: bar, idempotency_key: "demo-seed:till:card-0006:void", card_uid: demoCardUid(6), done_by: ACTOR })
  await seedDemoDevices(container, bar, manager)
}
