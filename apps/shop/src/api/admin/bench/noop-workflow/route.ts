import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { benchNoopWorkflow } from "../../../../workflows/bench-noop"

/** Benchmark floor: an authenticated route that runs a one-step no-op workflow. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await benchNoopWorkflow(req.scope).run({ input: {} })
  res.json(result)
}
