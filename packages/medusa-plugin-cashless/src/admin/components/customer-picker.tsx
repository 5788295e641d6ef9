import { Button, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type CustomerOption, customerLabel, useCustomerSearch } from "../lib/memberships"

type Props = { id: string; value: CustomerOption | null; onChange: (customer: CustomerOption | null) => void; invalid?: boolean }

/** Finds a customer by name or email; the chosen one stays shown with a way to change it. */
export const CustomerPicker = ({ id, value, onChange, invalid }: Props) => {
  const [search, setSearch] = useState("")
  const [term, setTerm] = useState("")
  const { data } = useCustomerSearch(term)

  useEffect(() => {
    const timer = setTimeout(() => setTerm(search), 300)
    return () => clearTimeout(timer)
  }, [search])

  if (value) {
    return (
      <div className="flex items-center justify-between gap-x-2" aria-label="Chosen customer">
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {customerLabel(value)}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {value.email}
          </Text>
        </div>
        <Button type="button" size="small" variant="transparent" onClick={() => onChange(null)}>
          Change
        </Button>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-1">
      <Input
        id={id}
        type="search"
        placeholder="Name or email"
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-invalid={invalid}
      />
      {term.trim() && data && (
        <ul className="flex flex-col" aria-label="Matching customers">
          {data.customers.length === 0 && (
            <li>
              <Text as="span" size="small" className="text-ui-fg-muted">
                No customer matches.
              </Text>
            </li>
          )}
          {data.customers.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="hover:bg-ui-bg-base-hover txt-compact-small w-full rounded px-2 py-1 text-left"
                onClick={() => onChange(c)}
              >
                {customerLabel(c)}
                {customerLabel(c) !== c.email && <span className="text-ui-fg-subtle"> · {c.email}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
