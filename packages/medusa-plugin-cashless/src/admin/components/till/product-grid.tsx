import { useState } from "react"
import type { TillCatalog } from "../../../types/http/till"
import type { BasketItem } from "../../lib/till/basket"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"

type Tile = Omit<BasketItem, "quantity"> & { key: string; product_id: string; category_ids: string[]; plan: string | null }

function tilesOf(catalog: TillCatalog): Tile[] {
  return catalog.products.flatMap((p) =>
    p.variants.map((v) => ({
      key: v.id,
      variant_id: v.id,
      product_id: p.id,
      // A product with one variant is named by itself; "Default variant" says nothing at a bar.
      title: p.variants.length > 1 ? `${p.title} · ${v.title}` : p.title,
      unit_price: v.unit_price,
      membership: !!v.membership_plan,
      plan: v.membership_plan?.name ?? null,
      category_ids: p.category_ids,
    }))
  )
}

/** Big buttons by category: one press adds one to the basket. */
export const ProductGrid = ({ catalog, onAdd }: { catalog: TillCatalog; onAdd: (item: Omit<BasketItem, "quantity">) => void }) => {
  const { t, lang } = useI18n()
  const [category, setCategory] = useState<string>("all")
  const tiles = tilesOf(catalog)
  const shown = category === "all" ? tiles : tiles.filter((tile) => tile.category_ids.includes(category))
  const currency = catalog.point_of_sale.currency_code
  const used = catalog.categories.filter((c) => tiles.some((tile) => tile.category_ids.includes(c.id)))
  return (
    <section aria-label={t("products")} className="flex min-h-0 flex-1 flex-col gap-y-3">
      {used.length > 0 && (
        <div role="group" aria-label={t("categories")} className="flex flex-wrap gap-2">
          {[{ id: "all", name: t("category_all") }, ...used].map((c) => (
            <button
              key={c.id}
              type="button"
              aria-pressed={category === c.id}
              onClick={() => setCategory(c.id)}
              className={`focus-visible:shadow-borders-focus rounded-full border px-5 py-3 text-base font-medium outline-none ${
                category === c.id ? "bg-ui-button-inverted text-ui-contrast-fg-primary border-transparent" : "bg-ui-bg-base text-ui-fg-base"
              }`}
            >
              {c.name}
            </button>
          ))}
        </div>
      )}
      {shown.length === 0 ? (
        <p className="text-ui-fg-subtle text-lg">{t("no_products")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 overflow-y-auto pb-2 sm:grid-cols-3 xl:grid-cols-4">
          {shown.map((tile) => (
            <li key={tile.key}>
              <button
                type="button"
                data-testid="product-tile"
                data-variant-id={tile.variant_id}
                onClick={() => onAdd({ variant_id: tile.variant_id, title: tile.title, unit_price: tile.unit_price, membership: tile.membership })}
                className="bg-ui-bg-base hover:bg-ui-bg-base-hover active:bg-ui-bg-base-pressed focus-visible:shadow-borders-focus shadow-elevation-card-rest flex h-full min-h-28 w-full flex-col justify-between gap-y-2 rounded-xl border p-3 text-left outline-none"
              >
                <span className="text-lg font-semibold leading-tight">{tile.title}</span>
                <span className="flex flex-wrap items-end justify-between gap-2">
                  <span className="whitespace-nowrap text-xl font-bold tabular-nums">{formatAmount(tile.unit_price, currency, lang)}</span>
                  {tile.membership && (
                    <span className="bg-ui-tag-purple-bg text-ui-tag-purple-text border-ui-tag-purple-border rounded-md border px-2 py-0.5 text-sm font-medium">
                      {t("membership_tag")}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
