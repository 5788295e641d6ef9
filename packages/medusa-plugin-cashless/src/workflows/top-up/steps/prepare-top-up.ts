import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { formatMinor, toMajorUnits } from "../../../lib/money"
import { ensureTopUpTaxFree } from "../../../lib/top-up-tax"
import { TOP_UP_WITH_WALLET, WALLET_CREDIT_REFERENCE } from "../../../lib/wallet-credit"
import { TOP_UP_KEY, TOP_UP_PRODUCT_KEY, type TopUpTarget, topUpHandle, topUpLimits, topUpOf } from "../../../lib/top-up"
import { CARD_MODULE, CardError } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"

export type StartTopUpInput = {
  cart_id: string
  /** Minor units of the cart's currency. */
  amount: number
  /** A card's QR token: top up that card (anyone may). Without it, the logged-in customer's own wallet. */
  qr_token?: string | null
  customer_id?: string | null
}

type Cart = {
  id: string
  customer_id: string | null
  currency_code: string
  sales_channel_id: string | null
  completed_at: string | null
  items?: Array<{ id: string; metadata?: Record<string, unknown> | null }> | null
  credit_lines?: Array<{ reference: string | null }> | null
}

/**
 * Checks a top-up before it goes into the cart — its target, its amount against the shop's
 * limits, the cart — and finds (or creates, once per currency) the top-up product it is sold as.
 */
export const prepareTopUpStep = createStep("cashless-prepare-top-up", async (input: StartTopUpInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "sales_channel_id", "completed_at", "items.id", "items.metadata", "credit_lines.reference"],
    filters: { id: input.cart_id },
  })
  const cart = data[0] as Cart | undefined
  // A top-up of one's own wallet goes into one's own cart (or a guest cart): never into another
  // customer's, whose checkout would pay for it. As for wallet credit, their cart does not exist.
  const othersCart = !input.qr_token && !!input.customer_id && !!cart?.customer_id && cart.customer_id !== input.customer_id
  if (!cart || othersCart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} not found.`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already checked out: start a new cart.")
  if ((cart.items ?? []).some((i) => topUpOf(i.metadata))) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart already holds a top-up: remove it first to change the amount.")
  }
  if ((cart.credit_lines ?? []).some((l) => l.reference === WALLET_CREDIT_REFERENCE)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, TOP_UP_WITH_WALLET)
  }

  const { min, max } = topUpLimits(container)
  const currency = cart.currency_code
  if (input.amount < min || input.amount > max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A top-up is from ${formatMinor(min, currency)} to ${formatMinor(max, currency)}; ${formatMinor(input.amount, currency)} is outside.`
    )
  }

  let target: TopUpTarget
  if (input.qr_token) {
    const card = await container.resolve<CardModuleService>(CARD_MODULE).findCardByQrToken(input.qr_token)
    if (!card) throw CardError.notFound("No card has this QR code.")
    if (!["new", "active"].includes(card.status)) {
      // Said to whoever holds the QR code: the card's status, not its printed number or UID.
      throw CardError.unusable(`This card cannot be topped up: it is ${card.status}.`)
    }
    target = { kind: "card", card_id: card.id }
  } else if (input.customer_id) {
    target = { kind: "customer", customer_id: input.customer_id }
  } else {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "Log in to top up your own wallet, or give the QR token printed on the card to top up."
    )
  }

  const variantId = await topUpVariant(container, currency)
  return new StepResponse({
    variant_id: variantId,
    unit_price: toMajorUnits(input.amount, currency),
    metadata: { [TOP_UP_KEY]: target },
  })
})

/** The top-up product of this currency, created on the first top-up (in no sales channel). */
async function topUpVariant(container: MedusaContainer, currency: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const find = async () =>
    (
      await query.graph({
        entity: "product",
        fields: ["id", "variants.id"],
        filters: { handle: topUpHandle(currency) },
      })
    ).data[0] as { id: string; variants: Array<{ id: string }> } | undefined
  let product = await find()
  if (!product) {
    try {
      await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: `Wallet top-up (${currency.toUpperCase()})`,
              handle: topUpHandle(currency),
              description: "Money for your cashless card or wallet: refundable at any time.",
              status: ProductStatus.PUBLISHED,
              metadata: { [TOP_UP_PRODUCT_KEY]: currency },
              options: [{ title: "Amount", values: ["Chosen amount"] }],
              variants: [
                {
                  title: "Chosen amount",
                  sku: `CASHLESS-TOP-UP-${currency.toUpperCase()}`,
                  options: { Amount: "Chosen amount" },
                  manage_inventory: false,
                  // Never charged: a top-up line always carries the amount chosen.
                  prices: [{ amount: 1, currency_code: currency }],
                },
              ],
              // In no sales channel: storefronts list a channel's products, and a "top-up" at
              // 0.01 EUR would be nonsense there. The top-up route adds it to carts itself, and
              // adding to a cart checks the channel only for stocked goods.
              sales_channels: [],
            },
          ],
        },
      })
    } catch (err) {
      // Two first top-ups at once: the other one created it.
      if (!(await find())) throw err
    }
    product = (await find())!
  }
  await ensureTopUpTaxFree(container, product.id)
  return product.variants[0].id
}
