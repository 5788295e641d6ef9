import { type Permission, PERMISSIONS } from "./cashless/permissions"

type Compiled = { permission: Permission; segments: string[] }

const splitPath = (path: string) => path.split("/").filter(Boolean)

const COMPILED: Compiled[] = PERMISSIONS.map((permission) => ({ permission, segments: splitPath(permission.path) }))

/**
 * Express matches paths case-insensitively and ignores a trailing slash, so this does too:
 * a request reaching a route always finds that route's row, never a looser one.
 */
function match(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    if (segment.startsWith(":")) {
      params[segment.slice(1)] = decodeURIComponent(parts[i])
    } else if (segment.toLowerCase() !== parts[i].toLowerCase()) {
      return null
    }
  }
  return params
}

/** Static segments win over parameters, left to right, as Medusa's route sorter orders routes. */
function moreSpecific(a: Compiled, b: Compiled): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    const aParam = a.segments[i].startsWith(":")
    const bParam = b.segments[i].startsWith(":")
    if (aParam !== bParam) return bParam
  }
  return false
}

/** The table's row for a request, with the path's parameters; null when the route has none. */
export function findPermission(method: string, path: string): { permission: Permission; params: Record<string, string> } | null {
  // Express answers HEAD with the GET handler.
  const verb = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase()
  const parts = splitPath(path)
  let best: { compiled: Compiled; params: Record<string, string> } | null = null
  for (const compiled of COMPILED) {
    if (compiled.permission.method !== verb) continue
    let params: Record<string, string> | null
    try {
      params = match(compiled.segments, parts)
    } catch {
      return null // A malformed %-escape: not a path any route serves.
    }
    if (params && (!best || moreSpecific(compiled, best.compiled))) best = { compiled, params }
  }
  return best && { permission: best.compiled.permission, params: best.params }
}
