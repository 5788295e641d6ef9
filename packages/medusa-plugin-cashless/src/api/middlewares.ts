import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import {
  BindCardSchema,
  ImportCardsSchema,
  ReasonRequiredSchema,
  ReplaceCardSchema,
  StatusChangeSchema,
  TapSchema,
} from "./admin/cashless/card-validators"
import {
  CancelMembershipSchema,
  CreatePlanSchema,
  GrantMembershipSchema,
  ImportMembersSchema,
  UpdatePlanSchema,
} from "./admin/cashless/membership-validators"
import {
  ClaimCardSchema,
  DeclareLostSchema,
  RefundRequestSchema,
  StartTopUpSchema,
  WalletCreditSchema,
} from "./store/cashless/validators"
import { SetStaffSchema } from "./admin/cashless/staff-validators"
import {
  AdjustSchema,
  AdminRefundSchema,
  CreateWalletSchema,
  CreditSchema,
  GiftSchema,
  ReverseSchema,
  SpendSchema,
  TransferSchema,
} from "./admin/cashless/validators"

import { CreatePairingCodeSchema } from "./admin/cashless/device-validators"
import { staffAccess } from "./admin/staff-access"
import { deviceAuth } from "./cashless/device-auth"
import { DeviceStatusSchema, DeviceTapSchema, PairDeviceSchema } from "./cashless/device-validators"
import { guardOrderCancel, guardPaymentRefund } from "./admin/top-up-guards"

import {
  CloseSessionSchema,
  CreatePointOfSaleSchema,
  OpenSessionSchema,
  SellSchema,
  TillRefundSchema,
  TillTopUpSchema,
  TillVoidSchema,
  UpdatePointOfSaleSchema,
} from "./admin/cashless/till-validators"

const body = (matcher: string, schema: Parameters<typeof validateAndTransformBody>[0]) => ({
  matcher,
  method: "POST" as const,
  middlewares: [validateAndTransformBody(schema)],
})

export default defineMiddlewares({
  routes: [
    // The plugin's staff roles (api/admin/cashless/permissions.ts) before anything else of ours;
    // Medusa authenticates all of /admin before any of these.
    { matcher: "/admin/cashless*", middlewares: [staffAccess] },
    // Medusa's own routes that send money back: a manager's, and a top-up's money leaves the
    // wallet first.
    {
      matcher: "/admin/orders/:id/cancel",
      method: "POST",
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), staffAccess, guardOrderCancel],
    },
    {
      matcher: "/admin/payments/:id/refund",
      method: "POST",
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), staffAccess, guardPaymentRefund],
    },
    body("/admin/cashless/wallets", CreateWalletSchema),
    body("/admin/cashless/wallets/:id/credit", CreditSchema),
    body("/admin/cashless/wallets/:id/gift", GiftSchema),
    body("/admin/cashless/wallets/:id/spend", SpendSchema),
    body("/admin/cashless/wallets/:id/transfer", TransferSchema),
    body("/admin/cashless/wallets/:id/adjust", AdjustSchema),
    body("/admin/cashless/wallets/:id/refunds", AdminRefundSchema),
    body("/admin/cashless/points-of-sale", CreatePointOfSaleSchema),
    body("/admin/cashless/points-of-sale/:id", UpdatePointOfSaleSchema),
    body("/admin/cashless/tills/:pos_id/sessions", OpenSessionSchema),
    body("/admin/cashless/tills/:pos_id/sessions/:session_id/close", CloseSessionSchema),
    body("/admin/cashless/tills/:pos_id/sales", SellSchema),
    body("/admin/cashless/tills/:pos_id/top-ups", TillTopUpSchema),
    body("/admin/cashless/tills/:pos_id/refunds", TillRefundSchema),
    body("/admin/cashless/tills/:pos_id/voids", TillVoidSchema),
    body("/admin/cashless/entries/:id/reverse", ReverseSchema),
    body("/admin/cashless/devices/pairing-codes", CreatePairingCodeSchema),
    // Reader agents (docs/devices.md): pairing takes the code alone; every other device route
    // takes a device token and nothing else (not an admin session, JWT or API key).
    { matcher: "/cashless/devices/me*", middlewares: [deviceAuth] },
    { matcher: "/cashless/tills*", middlewares: [deviceAuth] },
    body("/cashless/devices/pair", PairDeviceSchema),
    body("/cashless/devices/me/status", DeviceStatusSchema),
    body("/cashless/tills/:pos_id/taps", DeviceTapSchema),
    body("/admin/cashless/card-taps", TapSchema),
    body("/admin/cashless/cards/:id/lost", StatusChangeSchema),
    body("/admin/cashless/cards/:id/block", ReasonRequiredSchema),
    body("/admin/cashless/cards/:id/unblock", ReasonRequiredSchema),
    body("/admin/cashless/cards/:id/bind", BindCardSchema),
    body("/admin/cashless/cards/:id/replace", ReplaceCardSchema),
    {
      // A batch of a few thousand cards is a few hundred kilobytes of CSV.
      matcher: "/admin/cashless/card-imports",
      method: "POST",
      bodyParser: { sizeLimit: "10mb" },
      middlewares: [validateAndTransformBody(ImportCardsSchema)],
    },
    body("/admin/cashless/membership-plans", CreatePlanSchema),
    body("/admin/cashless/membership-plans/:id", UpdatePlanSchema),
    body("/admin/cashless/staff/:user_id", SetStaffSchema),
    body("/admin/cashless/memberships", GrantMembershipSchema),
    body("/admin/cashless/memberships/:id/cancel", CancelMembershipSchema),
    {
      // 800 members are some 40 kB of CSV; leave room for large associations.
      matcher: "/admin/cashless/membership-imports",
      method: "POST",
      bodyParser: { sizeLimit: "10mb" },
      middlewares: [validateAndTransformBody(ImportMembersSchema)],
    },
    {
      // A customer's own cards: a logged-in customer only (the QR route is public).
      matcher: "/store/cashless/me*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    body("/store/cashless/me/cards/claim", ClaimCardSchema),
    body("/store/cashless/me/carts/:id/wallet-credit", WalletCreditSchema),
    body("/store/cashless/me/refunds", RefundRequestSchema),
    {
      // Anyone may top up a card by its QR token; a logged-in customer may top up their own wallet.
      matcher: "/store/cashless/top-ups",
      method: "POST",
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(StartTopUpSchema),
      ],
    },
    body("/store/cashless/me/cards/:id/lost", DeclareLostSchema),
  ],
})
