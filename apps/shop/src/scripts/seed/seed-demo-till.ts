import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TILL_MODULE, type TillModuleService } from "medusa-plugin-cashless/modules/till"
import { createPointOfSaleWorkflow, openTillSessionWorkflow, sellAtTillWorkflow } from "medusa-plugin-cashless/workflows"
import { demoCardUid } from "./seed-demo-cards"

const ACTOR = "system:demo-seed"

/**
 * The till on the first `npm run dev`: the café's bar and the festival gate, the bar open with
 * its float, and anonymous card N° 0001 (a festival-weekend member) served two beers at the
 * member price.
 */
export async function seedDemoTill(container: MedusaContainer, channels: { Bar: string; Shop: string }) {
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
}
