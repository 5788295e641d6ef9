import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE, CardError } from "../../../../../../modules/card"
import { csvField } from "../../../../../../lib/csv"
import type CardModuleService from "../../../../../../modules/card/service"

/** The batch as the card printer wants it: one line per card with the address of its QR code. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
  let records
  try {
    records = await cards.batchCardRecords(req.params.id)
  } catch (err) {
    if (err instanceof CardError) {
      res.status(404).json({ type: err.type, code: err.code, message: err.message })
      return
    }
    throw err
  }
  const name = (records[0]?.batch_name ?? req.params.id).replace(/[^A-Za-z0-9._-]+/g, "-")
  const lines = ["uid,printed_number,qr_token,qr_url,status"]
  for (const c of records) {
    lines.push([c.uid, c.printed_number, c.qr_token, cards.qrUrlOf(c.qr_token), c.status].map(csvField).join(","))
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="cards-${name}.csv"`)
  res.send(lines.join("\r\n") + "\r\n")
}
