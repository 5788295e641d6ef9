import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Authenticated heartbeat: tills use it to tell "server unreachable" from "logged out",
 * and the benchmarks use it as the floor of an authenticated plugin route.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ ok: true, time: new Date().toISOString() })
}
