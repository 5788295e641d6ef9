import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createPriceListsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { CARD_MODULE, type CardModuleService } from "medusa-plugin-cashless/modules/card"
import { MEMBERSHIP_MODULE, type MembershipModuleService, type PlanInput } from "medusa-plugin-cashless/modules/membership"
import {
  cancelMembershipWorkflow,
  createMembershipPlanWorkflow,
  grantMembershipWorkflow,
  importMembersWorkflow,
} from "medusa-plugin-cashless/workflows"
import { DEMO_CURRENCY } from "./demo-catalog"
import { demoCardUid, ensureCustomer } from "./seed-demo-cards"

const ACTOR = "system:demo-seed"
const DAY = 86_400_000
export const DEMO_MEMBER_GROUP = "Members"

/** Plans sold in the shop (a product each) or granted by staff (honorary, no product). */
const PLANS: Array<PlanInput & { product?: { handle: string; title: string; price: number } }> = [
  {
    name: "Annual membership",
    description: "Member of the association until 31 December: member prices at the bar, members' evenings.",
    duration_unit: "calendar_year",
    product: { handle: "annual-membership", title: "Annual membership", price: 15 },
  },
  {
    name: "Festival weekend membership",
    description: "Member for the three days of the festival.",
    duration_unit: "days",
    duration_count: 3,
    product: { handle: "festival-weekend-membership", title: "Festival weekend membership", price: 5 },
  },
  { name: "Honorary membership", description: "For life, granted by the board.", duration_unit: "lifetime" },
]

/**
 * Memberships as the Memberships pages show them: plans sold as products, member prices and a
 * members-only evening through Medusa's price lists and a customer group, and members in every
 * state — valid (renewed for next year), expired, cancelled, lifetime, an anonymous card's, and
 * a few imported from another tool. Fixed references: running it again changes nothing.
 */
export async function seedDemoMemberships(container: MedusaContainer, channels: Record<string, string>) {
  const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const existingPlans = await memberships.listPlanRecords()
  if (existingPlans.some((p) => p.name === PLANS[0].name)) return

  const groupId = await ensureGroup(container)
  const variants = await ensureProducts(container, channels)
  const plan: Record<string, string> = {}
  for (const p of PLANS) {
    const { product, ...input } = p
    const { result } = await createMembershipPlanWorkflow(container).run({
      input: { ...input, customer_group_id: groupId, variant_ids: product ? [variants[product.handle]] : [] },
    })
    plan[p.name] = result.id
  }
  await memberPrices(container, groupId)

  const grant = (ref: string, input: Record<string, unknown>) =>
    grantMembershipWorkflow(container).run({
      input: { source: "admin", source_ref: `demo-seed:${ref}`, actor: ACTOR, ...input } as never,
    })
  const now = Date.now()
  const camille = await ensureCustomer(container, "camille.martin@example.com", "Camille", "Martin")
  await grant("camille:annual", { plan_id: plan["Annual membership"], customer_id: camille, note: "Paid at the AGM" })
  await grant("camille:renewal", { plan_id: plan["Annual membership"], customer_id: camille, note: "Renewed early" })

  const noe = await ensureCustomer(container, "noe.dubois@example.com", "Noé", "Dubois")
  await grant("noe:last-year", {
    plan_id: plan["Annual membership"],
    customer_id: noe,
    starts_at: new Date(now - 400 * DAY),
    ends_at: new Date(now - 35 * DAY),
  })

  const lea = await ensureCustomer(container, "lea.rousseau@example.com", "Léa", "Rousseau")
  const { result: leas } = await grant("lea:annual", { plan_id: plan["Annual membership"], customer_id: lea })
  await cancelMembershipWorkflow(container).run({
    input: { id: leas.membership.id, reason: "Moved away; membership fee refunded", actor: ACTOR },
  })

  const jean = await ensureCustomer(container, "jean.petit@example.com", "Jean", "Petit")
  await grant("jean:honorary", { plan_id: plan["Honorary membership"], customer_id: jean, note: "Founder of the association" })

  // Sold at the bar to card N° 0001, which nobody has claimed yet: the card is the member.
  const card = await container.resolve<CardModuleService>(CARD_MODULE).findCardByUid(demoCardUid(1))
  await grant("card-0001:weekend", { plan_id: plan["Festival weekend membership"], card_id: card!.id })

  const date = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString().slice(0, 10)
  await importMembersWorkflow(container).run({
    input: {
      actor: ACTOR,
      csv: [
        "email,plan,start,end",
        `marie.leroy@example.com,Annual membership,${date(-60)},${date(200)}`,
        `paul.bernard@example.com,Annual membership,${date(-30)},${date(300)}`,
        `sophie.moreau@example.com,Annual membership,${date(-500)},${date(-100)}`,
      ].join("\n"),
    },
  })
}

async function ensureGroup(container: MedusaContainer): Promise<string> {
  const customers = container.resolve(Modules.CUSTOMER)
  const [found] = await customers.listCustomerGroups({ name: DEMO_MEMBER_GROUP })
  if (found) return found.id
  return (await customers.createCustomerGroups({ name: DEMO_MEMBER_GROUP })).id
}

/** Membership products are digital: no shipping profile, no inventory, captured when ordered. */
async function ensureProducts(container: MedusaContainer, channels: Record<string, string>) {
  const products = container.resolve(Modules.PRODUCT)
  const wanted = [
    ...PLANS.flatMap((p) => (p.product ? [{ ...p.product, description: p.description ?? "", metadata: {} }] : [])),
    {
      handle: "members-evening-concert",
      title: "Members' evening: concert",
      description: "A concert for members only (try it without a membership: the cart says why not).",
      price: 8,
      metadata: { cashless_members_only: "true" },
    },
  ]
  const existing = await products.listProducts({ handle: wanted.map((w) => w.handle) }, { relations: ["variants"] })
  const missing = wanted.filter((w) => !existing.some((e) => e.handle === w.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((w) => ({
          title: w.title,
          handle: w.handle,
          description: w.description,
          status: ProductStatus.PUBLISHED,
          metadata: w.metadata,
          options: [{ title: "Format", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              sku: w.handle.toUpperCase(),
              options: { Format: "Standard" },
              manage_inventory: false,
              prices: [{ amount: w.price, currency_code: DEMO_CURRENCY }],
            },
          ],
          sales_channels: [{ id: channels.Shop }, { id: channels.Bar }],
        })),
      },
    })
  }
  const all = await products.listProducts({ handle: wanted.map((w) => w.handle) }, { relations: ["variants"] })
  return Object.fromEntries(all.map((p) => [p.handle, p.variants[0].id])) as Record<string, string>
}

/** Member prices at the bar: a Medusa price list for the members' customer group. */
async function memberPrices(container: MedusaContainer, groupId: string) {
  const products = container.resolve(Modules.PRODUCT)
  const drinks = await products.listProducts({ handle: ["draught-beer-25cl", "lemonade", "coffee"] }, { relations: ["variants"] })
  const memberPrice: Record<string, number> = { "draught-beer-25cl": 3, lemonade: 2, coffee: 1.2 }
  await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: "Member prices",
          description: "Drinks at member prices for valid members (customer group Members).",
          status: "active",
          rules: { "customer.groups.id": [groupId] },
          prices: drinks.map((d) => ({ amount: memberPrice[d.handle!], currency_code: DEMO_CURRENCY, variant_id: d.variants[0].id })),
        },
      ],
    },
  })
}
