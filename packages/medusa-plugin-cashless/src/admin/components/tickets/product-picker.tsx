import { Input, RadioGroup, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type ProductOption, useProductSearch } from "../../lib/memberships"

const typesOf = (p: ProductOption) => {
  const titles = (p.variants ?? []).map((v) => v.title ?? v.id)
  return titles.length ? `Ticket types: ${titles.join(", ")}` : "No variant: add one per ticket type first"
}

/**
 * The one product whose variants are an event's ticket types: search the catalogue, pick a
 * product. The search and its debounce are the variant picker's; here a whole product is chosen.
 */
export const ProductPicker = ({
  value,
  onChange,
  invalid,
}: {
  value: string
  onChange: (product: ProductOption) => void
  invalid?: boolean
}) => {
  const [search, setSearch] = useState("")
  const [term, setTerm] = useState("")
  // The product picked stays listed while another search is typed.
  const [picked, setPicked] = useState<ProductOption | null>(null)
  const { data, isFetching } = useProductSearch(term)

  useEffect(() => {
    const timer = setTimeout(() => setTerm(search), 300)
    return () => clearTimeout(timer)
  }, [search])

  const found = data?.products ?? []
  const shown = picked && !found.some((p) => p.id === picked.id) ? [picked, ...found] : found

  return (
    <div className="flex flex-col gap-y-2">
      <Input
        id="event-product"
        type="search"
        size="small"
        placeholder="Search products"
        aria-label="Search products"
        aria-invalid={invalid}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {data && !found.length && (
        <Text size="small" className="text-ui-fg-muted">
          No product matches.
        </Text>
      )}
      <RadioGroup
        aria-label="Ticket product"
        aria-busy={isFetching}
        className="flex max-h-72 flex-col gap-y-2 overflow-y-auto"
        value={value}
        onValueChange={(id) => {
          const product = shown.find((p) => p.id === id)
          if (!product) return
          setPicked(product)
          onChange(product)
        }}
      >
        {shown.map((p) => (
          <RadioGroup.ChoiceBox key={p.id} value={p.id} label={p.title} description={typesOf(p)} />
        ))}
      </RadioGroup>
    </div>
  )
}
