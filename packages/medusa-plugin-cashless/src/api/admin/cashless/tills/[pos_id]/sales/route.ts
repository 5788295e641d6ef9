import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sellAtTillWorkflow } from "../../../../../../workflows/till/sell-workflow"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { SellBody } from "../../../till-validators"
import { receiptOf } from "../../receipt"

/**
 * A sale at the till: the basket, the card tapped, and (to split a sale the wallet cannot pay
 * alone) the tenders. The answer is the receipt. A wallet short for the whole sale is a 402
 * that says by how much, writing nothing: the cashier completes the same sale with a second
 * tender. The same idempotency key again answers the first sale.
 */
export const POST = async (req: AuthenticatedMedusaRequest<SellBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    try {
      const { result } = await sellAtTillWorkflow(req.scope).run({
        input: { ...req.validatedBody, point_of_sale_id: req.params.pos_id, sold_by: actorOf(req) ?? "unknown" },
      })
      res.status(result.created ? 201 : 200)
      return await receiptOf(req.scope, result.sale, !result.created)
    } catch (err) {
      const short = err as { code?: string; message?: string; details?: Record<string, unknown> }
      if (short?.code === "wallet_short") {
        res.status(402).json({ type: "not_allowed", code: "wallet_short", message: short.message, ...(short.details ?? {}) })
        return
      }
      throw err
    }
  })
