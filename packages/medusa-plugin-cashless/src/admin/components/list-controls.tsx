import { Input, Select, Table } from "@medusajs/ui"

const ALL = "all"

/** The search box of a list page. */
export const SearchBox = ({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (v: string) => void }) => (
  <Input
    type="search"
    size="small"
    className="w-full max-w-[320px]"
    placeholder={placeholder}
    aria-label={label}
    value={value}
    onChange={(e) => onChange(e.target.value)}
  />
)

type Option = { value: string; label: string }

/** A filter of a list page: "All …" or one value; "" means all. */
export const FilterSelect = ({
  label,
  allLabel,
  value,
  options,
  onChange,
  width = "w-[150px]",
}: {
  label: string
  allLabel: string
  value: string
  options: Option[]
  onChange: (v: string) => void
  width?: string
}) => (
  <Select size="small" value={value || ALL} onValueChange={(v) => onChange(v === ALL ? "" : v)}>
    <Select.Trigger className={width} aria-label={label}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>{allLabel}</Select.Item>
      {options.map((o) => (
        <Select.Item key={o.value} value={o.value}>
          {o.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/**
 * Pages of `pageSize` rows by offset. While the next page loads the previous rows stay on
 * screen: `offset` is the one the server answered for, not the one just asked for.
 */
export const OffsetPagination = ({
  count,
  offset,
  pageSize,
  onOffset,
}: {
  count: number
  offset: number
  pageSize: number
  onOffset: (offset: number) => void
}) => (
  <Table.Pagination
    count={count}
    pageSize={pageSize}
    pageIndex={Math.floor(offset / pageSize)}
    pageCount={Math.max(1, Math.ceil(count / pageSize))}
    canPreviousPage={offset > 0}
    canNextPage={offset + pageSize < count}
    previousPage={() => onOffset(Math.max(0, offset - pageSize))}
    nextPage={() => onOffset(offset + pageSize)}
  />
)
