import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StaffAccess, StaffRole } from "../../../modules/till/lib/staff"
import { NO_ROLE_MESSAGE, staffAccess } from "../staff-access"

// The middleware on its own, with a stand-in till module: the assignment rule on till paths
// (`/admin/cashless/tills/:pos_id/...`), which the HTTP suite cannot reach before the till routes exist.
type Call = { status: number; body?: { code?: string; message?: string }; next: boolean; asked?: [string, string | null] }

async function call(method: string, path: string, who: { role: StaffRole | null; assignedTo?: string[]; actor?: string | null }): Promise<Call> {
  const result: Call = { status: 200, next: false }
  const till = {
    roleOf: async (userId: string, posId: string | null): Promise<StaffAccess> => {
      result.asked = [userId, posId]
      return {
        user_id: userId,
        role: who.role,
        named_role: who.role,
        bootstrap: false,
        assigned: posId === null ? null : (who.assignedTo ?? []).includes(posId),
      }
    },
  }
  const req = {
    method,
    originalUrl: path,
    url: path,
    auth_context: who.actor === null ? undefined : { actor_id: who.actor ?? "user_1", actor_type: "user" },
    scope: { resolve: () => till },
  } as unknown as MedusaRequest
  const res = {
    status(code: number) {
      result.status = code
      return this
    },
    json(body: Call["body"]) {
      result.body = body
      return this
    },
  } as unknown as MedusaResponse
  await staffAccess(req, res, (() => {
    result.next = true
  }) as MedusaNextFunction)
  return result
}

describe("staffAccess", () => {
  const sale = "/admin/cashless/tills/pos_bar/sales"

  it("lets a cashier sell at a point of sale they are assigned to, asking about that one", async () => {
    const r = await call("POST", sale, { role: "cashier", assignedTo: ["pos_bar"] })
    expect(r).toMatchObject({ next: true, asked: ["user_1", "pos_bar"] })
  })

  it("refuses a cashier at a point of sale they are not assigned to", async () => {
    const r = await call("POST", sale, { role: "cashier", assignedTo: ["pos_shop"] })
    expect(r.next).toBe(false)
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ code: "forbidden", message: expect.stringContaining("not assigned to this point of sale") })
  })

  it("lets managers and admins work at every point of sale", async () => {
    expect((await call("POST", sale, { role: "manager" })).next).toBe(true)
    expect((await call("POST", `${sale.replace("/sales", "")}/sessions/tses_1/close`, { role: "admin" })).next).toBe(true)
  })

  it("keeps a manager's till actions from an assigned cashier", async () => {
    const r = await call("POST", "/admin/cashless/tills/pos_bar/sessions/tses_1/close", { role: "cashier", assignedTo: ["pos_bar"] })
    expect(r).toMatchObject({ status: 403, body: { message: "Only a manager or an admin can close a till session." } })
  })

  it("asks about no point of sale on routes without one", async () => {
    const r = await call("GET", "/admin/cashless/wallets/w1", { role: "cashier" })
    expect(r).toMatchObject({ next: true, asked: ["user_1", null] })
  })

  it("names the role needed", async () => {
    expect((await call("POST", "/admin/cashless/wallets/w1/gift", { role: "cashier" })).body?.message).toBe("Only a manager or an admin can give gift credit.")
    expect((await call("POST", "/admin/cashless/wallets/w1/adjust", { role: "manager" })).body?.message).toBe("Only a cashless admin can adjust a balance.")
    expect((await call("GET", "/admin/cashless/wallets", { role: null })).body?.message).toBe(NO_ROLE_MESSAGE)
  })

  it("lets anyone logged in read their own role, without a query", async () => {
    const r = await call("GET", "/admin/cashless/staff/me", { role: null })
    expect(r.next).toBe(true)
    expect(r.asked).toBeUndefined()
  })

  it("refuses a route missing from the table, even to an admin", async () => {
    const r = await call("DELETE", "/admin/cashless/wallets/w1", { role: "admin" })
    expect(r).toMatchObject({ status: 403, next: false, body: { code: "forbidden" } })
    expect(r.body?.message).toContain("not in the cashless permission table")
  })

  it("answers 401 when nobody is authenticated", async () => {
    expect(await call("GET", "/admin/cashless/wallets", { role: "admin", actor: null })).toMatchObject({ status: 401, next: false })
  })
})
