import { Checkbox, Label, Text } from "@medusajs/ui"

/**
 * A labelled group of checkboxes over Medusa records (categories, collections). Ids kept that
 * are no longer listed (a deleted category) stay checked and named by id, so saving does not
 * drop them silently.
 */
export const IdChecklist = ({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  isLoading,
  empty,
}: {
  id: string
  legend: string
  hint: string
  options: Array<{ id: string; label: string }>
  value: string[]
  onChange: (ids: string[]) => void
  isLoading: boolean
  empty: string
}) => {
  const known = new Set(options.map((o) => o.id))
  const all = [...options, ...value.filter((v) => !known.has(v)).map((v) => ({ id: v, label: `${v} (not found)` }))]
  return (
    <fieldset className="flex flex-col gap-y-2" aria-describedby={all.length ? `${id}-hint` : undefined}>
      <legend className="txt-compact-small-plus mb-2">
        {legend} <span className="text-ui-fg-muted font-normal">(optional)</span>
      </legend>
      {isLoading ? (
        <Text size="small">Loading…</Text>
      ) : all.length ? (
        <div className="flex max-h-40 flex-col gap-y-2 overflow-y-auto rounded-md border px-3 py-2">
          {all.map((o) => (
            <div key={o.id} className="flex items-center gap-x-2">
              <Checkbox
                id={`${id}-${o.id}`}
                checked={value.includes(o.id)}
                onCheckedChange={(checked) => onChange(checked === true ? [...value, o.id] : value.filter((v) => v !== o.id))}
              />
              <Label htmlFor={`${id}-${o.id}`} size="small">
                {o.label}
              </Label>
            </div>
          ))}
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {empty}
        </Text>
      )}
      {all.length > 0 && (
        <Text id={`${id}-hint`} size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </fieldset>
  )
}
