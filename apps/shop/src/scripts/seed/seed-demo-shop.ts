import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { STRIPE_PROVIDER_ID, stripeConfigured, SYSTEM_PROVIDER_ID } from "../../payment-providers"
import { seedDemoMemberships } from "./seed-demo-memberships"
import { seedDemoOnline } from "./seed-demo-online"
import { seedDemoTickets } from "./seed-demo-tickets"
import { seedDemoTill } from "./seed-demo-till"
import { ensureUser } from "./seed-demo-users"
import { seedDemoWallets } from "./seed-demo-wallets"
import {
  DEMO_ADMIN,
  DEMO_CATEGORIES,
  DEMO_COUNTRIES,
  DEMO_CURRENCY,
  DEMO_PRODUCTS,
  DEMO_PUBLISHABLE_KEY_TITLE,
  DEMO_SALES_CHANNELS,
} from "./demo-catalog"

export const SEEDED_MARKER = "cashless_demo_seeded_at"

type SeedOptions = { adminEmail: string; adminPassword: string }

/**
 * Every section looks for what it would create first, so a seed interrupted half-way
 * can simply be run again.
 */
export async function seedDemoShop(container: MedusaContainer, options: SeedOptions) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores()
  if (store.metadata?.[SEEDED_MARKER]) {
    logger.info(`Demo shop already seeded at ${String(store.metadata[SEEDED_MARKER])}`)
    return
  }

  const channels = await ensureSalesChannels(container)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Café des 3 Pics",
        supported_currencies: [{ currency_code: DEMO_CURRENCY, is_default: true }],
        default_sales_channel_id: channels.Shop,
      },
    },
  })
  await ensureRegion(container)
  await ensureStockLocation(container, Object.values(channels))
  const publishableKey = await ensurePublishableKey(container, Object.values(channels))
  const adminId = await ensureAdmin(container, options)
  await ensureProducts(container, channels)
  await seedDemoWallets(container)
  await seedDemoMemberships(container, channels)
  await seedDemoOnline(container, channels.Shop)
  await seedDemoTill(container, channels, { adminId, password: options.adminPassword })
  await seedDemoTickets(container, channels.Shop)

  await storeModule.updateStores(store.id, {
    metadata: { ...(store.metadata ?? {}), [SEEDED_MARKER]: new Date().toISOString() },
  })
  logger.info(`Demo shop seeded (publishable key ${publishableKey})`)
}

async function ensureSalesChannels(container: MedusaContainer) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const ids = {} as Record<(typeof DEMO_SALES_CHANNELS)[number]["name"], string>
  for (const channel of DEMO_SALES_CHANNELS) {
    const [existing] = await salesChannels.listSalesChannels({ name: channel.name })
    if (existing) {
      ids[channel.name] = existing.id
      continue
    }
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: channel.name, description: channel.description }] },
    })
    ids[channel.name] = result[0].id
  }
  return ids
}

async function ensureRegion(container: MedusaContainer) {
  const regions = container.resolve(Modules.REGION)
  const [existing] = await regions.listRegions({ name: "Europe" })
  if (existing) return existing.id
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: DEMO_CURRENCY,
          countries: DEMO_COUNTRIES,
          // Stripe too when it is configured (STRIPE_API_KEY, docs/stripe.md).
          payment_providers: [SYSTEM_PROVIDER_ID, ...(stripeConfigured() ? [STRIPE_PROVIDER_ID] : [])],
        },
      ],
    },
  })
  const tax = container.resolve(Modules.TAX)
  const taxRegions = await tax.listTaxRegions({ country_code: DEMO_COUNTRIES })
  const missing = DEMO_COUNTRIES.filter((c) => !taxRegions.some((t) => t.country_code === c))
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
  return result[0].id
}

async function ensureStockLocation(container: MedusaContainer, channelIds: string[]) {
  const locations = container.resolve(Modules.STOCK_LOCATION)
  const [existing] = await locations.listStockLocations({ name: "Festival grounds" })
  let id = existing?.id
  if (!id) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [{ name: "Festival grounds", address: { city: "Paris", country_code: "fr", address_1: "" } }],
      },
    })
    id = result[0].id
  }
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id, add: channelIds } })
  return id
}

async function ensurePublishableKey(container: MedusaContainer, channelIds: string[]) {
  const apiKeys = container.resolve(Modules.API_KEY)
  const [existing] = await apiKeys.listApiKeys({ title: DEMO_PUBLISHABLE_KEY_TITLE, type: "publishable" })
  let key = existing
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: DEMO_PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: channelIds } })
  return key.token
}

async function ensureAdmin(container: MedusaContainer, { adminEmail, adminPassword }: SeedOptions) {
  return ensureUser(container, adminEmail, adminPassword, DEMO_ADMIN)
}


async function ensureShippingProfile(container: MedusaContainer) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default shipping profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureProducts(container: MedusaContainer, channels: Record<string, string>) {
  const products = container.resolve(Modules.PRODUCT)
  const shippingProfileId = await ensureShippingProfile(container)

  const categoryIds: Record<string, string> = {}
  for (const category of DEMO_CATEGORIES) {
    const [existing] = await products.listProductCategories({ handle: category.handle })
    if (existing) {
      categoryIds[category.handle] = existing.id
      continue
    }
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: { product_categories: [{ ...category, is_active: true }] },
    })
    categoryIds[category.handle] = result[0].id
  }

  const existing = await products.listProducts({ handle: DEMO_PRODUCTS.map((p) => p.handle) })
  const toCreate = DEMO_PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (!toCreate.length) return
  await createProductsWorkflow(container).run({
    input: {
      products: toCreate.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        status: ProductStatus.PUBLISHED,
        category_ids: [categoryIds[p.category]],
        shipping_profile_id: shippingProfileId,
        options: [{ title: "Format", values: ["Standard"] }],
        variants: [
          {
            title: "Standard",
            sku: p.handle.toUpperCase(),
            options: { Format: "Standard" },
            manage_inventory: false,
            prices: [{ amount: p.price, currency_code: DEMO_CURRENCY }],
          },
        ],
        sales_channels: p.channels.map((name) => ({ id: channels[name] })),
      })),
    },
  })
}
