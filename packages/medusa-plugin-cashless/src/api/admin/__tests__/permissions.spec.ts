import { readdirSync, readFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { PERMISSIONS } from "../cashless/permissions"
import { findPermission } from "../permission-lookup"

// Deny by default is only livable if every route has its row: this fails for a route file
// under api/admin/cashless that the permission table does not name. (The HTTP suite
// staff-roles.spec.ts checks the same against the routes the running app loaded.)
const ROOT = join(__dirname, "..", "cashless")

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : routeFiles(path)
    return entry.name === "route.ts" ? [path] : []
  })
}

const routes = routeFiles(ROOT).flatMap((file) => {
  const segments = relative(ROOT, file).split(sep).slice(0, -1).map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
  const path = ["/admin/cashless", ...segments].join("/")
  const methods = [...readFileSync(file, "utf8").matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
  return methods.map((method) => ({ method, path }))
})

describe("the permission table", () => {
  it("finds the plugin's route files", () => {
    expect(routes.length).toBeGreaterThan(30)
    expect(routes).toContainEqual({ method: "POST", path: "/admin/cashless/wallets/:id/adjust" })
  })

  it.each(routes)("has a row for $method $path", ({ method, path }) => {
    const found = findPermission(method, path)
    expect(found?.permission.path).toBe(path)
  })

  it("names each route once", () => {
    const keys = PERMISSIONS.map((p) => `${p.method} ${p.path}`)
    expect(keys.length).toBe(new Set(keys).size)
  })

  it("puts money outside a sale with managers and hand corrections with admins", () => {
    const roleOf = (method: string, path: string) => findPermission(method, path)?.permission.role
    expect(roleOf("POST", "/admin/cashless/wallets/w1/gift")).toBe("manager")
    expect(roleOf("POST", "/admin/cashless/wallets/w1/refunds")).toBe("manager")
    expect(roleOf("POST", "/admin/cashless/entries/e1/reverse")).toBe("manager")
    expect(roleOf("POST", "/admin/cashless/wallets/w1/adjust")).toBe("admin")
    expect(roleOf("GET", "/admin/cashless/wallets/w1")).toBe("cashier")
    expect(roleOf("HEAD", "/admin/cashless/wallets/w1")).toBe("cashier")
  })

  it("matches as Express does: case-insensitive, trailing slash, static segments before parameters", () => {
    expect(findPermission("POST", "/ADMIN/Cashless/wallets/w1/adjust/")?.permission.role).toBe("admin")
    expect(findPermission("GET", "/admin/cashless/staff/me")?.permission.path).toBe("/admin/cashless/staff/me")
    expect(findPermission("POST", "/admin/cashless/staff/me")?.permission.path).toBe("/admin/cashless/staff/:user_id")
    expect(findPermission("POST", "/admin/cashless/tills/pos_1/sales")?.params).toEqual({ pos_id: "pos_1" })
  })

  it("has no row for what is not a route", () => {
    expect(findPermission("GET", "/admin/cashless/nothing-here")).toBeNull()
    expect(findPermission("DELETE", "/admin/cashless/wallets/w1")).toBeNull()
    expect(findPermission("GET", "/admin/cashless/wallets/w1/history/extra")).toBeNull()
    expect(findPermission("GET", "/admin/cashless/cards/%E0%A4%A")).toBeNull()
  })
})
