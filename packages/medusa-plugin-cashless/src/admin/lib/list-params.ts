import { useEffect, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"

/**
 * A list page's search box, filters and page, kept in the URL so that coming back from a row
 * returns to the same rows. The box follows the URL when Back or Forward changes it, and the URL
 * follows the box once typing pauses (back on the first page). A page is a step Back returns to;
 * a keystroke or a filter change is not. Parameters of others (a tab) are kept as they are.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const [search, setSearch] = useState(q)

  // The search this list last wrote into the URL; any other change of `q` comes from outside.
  const written = useRef(q)
  useEffect(() => {
    if (q !== written.current) {
      written.current = q
      setSearch(q)
    }
  }, [q])

  const go = (next: Partial<Record<K, string>> & { q?: string; offset?: number }) => {
    const merged: Record<string, string> = { ...Object.fromEntries(params), ...next, offset: String(next.offset ?? offset) }
    written.current = merged.q ?? ""
    const onlyPage = Object.keys(next).every((k) => k === "offset")
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== "" && v !== "0")), { replace: !onlyPage })
  }

  useEffect(() => {
    const term = search.trim()
    if (term === q) return
    const timer = setTimeout(() => go({ q: term, offset: 0 } as Partial<Record<K, string>> & { q: string; offset: number }), 300)
    return () => clearTimeout(timer)
  }, [search])

  return { q, filters, offset, search, setSearch, go }
}
