/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation
 * (`metadata[session_id]=payses_…`, `expand[0]=payment_method`), as the official SDK writes it
 * with `qs`. `qs` is only a transitive dependency here, and what Stripe sends is a small subset,
 * so this is the few lines it takes rather than a new dependency.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type Form = { [key: string]: FormValue }

/** `a[b][0]=x` → `{ a: { b: ["x"] } }`; objects whose keys are all indices become arrays. */
export function parseStripeForm(body: string): Form {
  const root: Form = {}
  for (const [name, value] of new URLSearchParams(body)) {
    const path = pathOf(name)
    let node: Form = root
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value
      else node = (typeof node[key] === "object" ? node[key] : (node[key] = {})) as Form
    })
  }
  return arraysOf(root) as Form
}

/** `metadata[session_id]` → `["metadata", "session_id"]`. */
export function pathOf(name: string): string[] {
  const first = name.indexOf("[")
  if (first < 0) return [name]
  return [name.slice(0, first), ...[...name.slice(first).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])]
}

function arraysOf(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const converted = Object.fromEntries(keys.map((k) => [k, arraysOf(value[k])]))
  if (keys.length && keys.every((k, i) => k === String(i))) return keys.map((k) => converted[k])
  return converted
}
