import { Badge, Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useProductSearch } from "../lib/memberships"

type Props = {
  value: string[]
  onChange: (ids: string[]) => void
  /** Names of the variants already known (the plan's own), so they read as names, not ids. */
  names: Record<string, string>
  onName: (id: string, name: string) => void
}

/**
 * The variants that sell a plan: search the catalogue, tick variants. A variant sells one plan
 * only; the server refuses a variant already taken and says by which plan.
 */
export const VariantPicker = ({ value, onChange, names, onName }: Props) => {
  const [search, setSearch] = useState("")
  const [term, setTerm] = useState("")
  const { data, isFetching } = useProductSearch(term)

  useEffect(() => {
    const timer = setTimeout(() => setTerm(search), 300)
    return () => clearTimeout(timer)
  }, [search])

  const toggle = (id: string, name: string, on: boolean) => {
    onName(id, name)
    onChange(on ? [...value, id] : value.filter((v) => v !== id))
  }

  return (
    <div className="flex flex-col gap-y-2">
      {value.length > 0 && (
        <div className="flex flex-wrap gap-1" aria-label="Selected variants">
          {value.map((id) => (
            <Badge key={id} size="2xsmall">
              {names[id] ?? id}
              <button type="button" className="ml-1" aria-label={`Remove ${names[id] ?? id}`} onClick={() => toggle(id, names[id] ?? id, false)}>
                ×
              </button>
            </Badge>
          ))}
        </div>
      )}
      <Input
        type="search"
        size="small"
        placeholder="Search products"
        aria-label="Search products"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="flex max-h-64 flex-col gap-y-2 overflow-y-auto" aria-busy={isFetching}>
        {data?.products.length === 0 && (
          <Text size="small" className="text-ui-fg-muted">
            No product matches.
          </Text>
        )}
        {data?.products.map((p) => (
          <div key={p.id} role="group" aria-label={p.title} className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              {p.title}
            </Text>
            {(p.variants ?? []).map((v) => {
              const name = `${p.title} · ${v.title ?? v.id}`
              const id = `variant-${v.id}`
              return (
                <div key={v.id} className="flex items-center gap-x-2 pl-2">
                  <Checkbox id={id} checked={value.includes(v.id)} onCheckedChange={(on) => toggle(v.id, name, on === true)} />
                  <Label htmlFor={id} size="small">
                    {v.title ?? v.id}
                  </Label>
                </div>
              )
            })}
          </div>
        ))}
      </div>
    </div>
  )
}
