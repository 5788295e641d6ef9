import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import {
  AdjustSchema,
  CreateWalletSchema,
  CreditSchema,
  GiftSchema,
  ReverseSchema,
  SpendSchema,
  TransferSchema,
} from "./admin/cashless/validators"

const body = (matcher: string, schema: Parameters<typeof validateAndTransformBody>[0]) => ({
  matcher,
  method: "POST" as const,
  middlewares: [validateAndTransformBody(schema)],
})

export default defineMiddlewares({
  routes: [
    body("/admin/cashless/wallets", CreateWalletSchema),
    body("/admin/cashless/wallets/:id/credit", CreditSchema),
    body("/admin/cashless/wallets/:id/gift", GiftSchema),
    body("/admin/cashless/wallets/:id/spend", SpendSchema),
    body("/admin/cashless/wallets/:id/transfer", TransferSchema),
    body("/admin/cashless/wallets/:id/adjust", AdjustSchema),
    body("/admin/cashless/entries/:id/reverse", ReverseSchema),
  ],
})
