import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import { BODY_VALIDATORS, type BodyRoute } from "./body-validators"
import { staffAccess } from "./admin/staff-access"
import { deviceAuth } from "./cashless/device-auth"
import { guardOrderCancel, guardPaymentRefund } from "./admin/top-up-guards"
import { inputGuard, undecodablePathErrors } from "./input-guard"
import { validateBody } from "./validate-body"

/** The POST route's body validator, from the one table the OpenAPI description is generated from. */
const validate = (matcher: BodyRoute) => validateBody(BODY_VALIDATORS[matcher])

const body = (matcher: BodyRoute) => ({
  matcher,
  method: "POST" as const,
  middlewares: [validate(matcher)],
})

export default defineMiddlewares({
  errorHandler: undecodablePathErrors,
  routes: [
    // NUL characters refused before anything else of ours (input-guard.ts), then the plugin's
    // staff roles (api/admin/cashless/permissions.ts); Medusa authenticates all of /admin first.
    { matcher: "/admin/cashless*", middlewares: [inputGuard, staffAccess] },
    { matcher: "/store/cashless*", middlewares: [inputGuard] },
    { matcher: "/cashless*", middlewares: [inputGuard] },
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
    body("/admin/cashless/wallets"),
    body("/admin/cashless/wallets/:id/credit"),
    body("/admin/cashless/wallets/:id/gift"),
    body("/admin/cashless/wallets/:id/spend"),
    body("/admin/cashless/wallets/:id/transfer"),
    body("/admin/cashless/wallets/:id/adjust"),
    body("/admin/cashless/wallets/:id/refunds"),
    body("/admin/cashless/points-of-sale"),
    body("/admin/cashless/points-of-sale/:id"),
    body("/admin/cashless/tills/:pos_id/sessions"),
    body("/admin/cashless/tills/:pos_id/sessions/:session_id/close"),
    body("/admin/cashless/tills/:pos_id/sales"),
    body("/admin/cashless/tills/:pos_id/top-ups"),
    body("/admin/cashless/tills/:pos_id/refunds"),
    body("/admin/cashless/tills/:pos_id/voids"),
    body("/admin/cashless/entries/:id/reverse"),
    body("/admin/cashless/devices/pairing-codes"),
    // Reader agents (docs/devices.md): pairing takes the code alone; every other device route
    // takes a device token and nothing else (not an admin session, JWT or API key).
    { matcher: "/cashless/devices/me*", middlewares: [deviceAuth] },
    { matcher: "/cashless/tills*", middlewares: [deviceAuth] },
    body("/cashless/devices/pair"),
    body("/cashless/devices/me/status"),
    body("/cashless/tills/:pos_id/taps"),
    body("/admin/cashless/card-taps"),
    body("/admin/cashless/cards/:id/lost"),
    body("/admin/cashless/cards/:id/block"),
    body("/admin/cashless/cards/:id/unblock"),
    body("/admin/cashless/cards/:id/bind"),
    body("/admin/cashless/cards/:id/replace"),
    {
      // A batch of a few thousand cards is a few hundred kilobytes of CSV.
      matcher: "/admin/cashless/card-imports",
      method: "POST",
      bodyParser: { sizeLimit: "10mb" },
      middlewares: [validate("/admin/cashless/card-imports")],
    },
    body("/admin/cashless/membership-plans"),
    body("/admin/cashless/membership-plans/:id"),
    body("/admin/cashless/staff/:user_id"),
    body("/admin/cashless/memberships"),
    body("/admin/cashless/memberships/:id/cancel"),
    body("/admin/cashless/ticket-events"),
    body("/admin/cashless/ticket-events/:id"),
    body("/admin/cashless/tickets/:id/cancel"),
    body("/admin/cashless/tickets/:id/refund"),
    body("/admin/cashless/doors/:pos_id/check-ins"),
    {
      // 800 members are some 40 kB of CSV; leave room for large associations.
      matcher: "/admin/cashless/membership-imports",
      method: "POST",
      bodyParser: { sizeLimit: "10mb" },
      middlewares: [validate("/admin/cashless/membership-imports")],
    },
    {
      // A customer's own cards: a logged-in customer only (the QR route is public).
      matcher: "/store/cashless/me*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    body("/store/cashless/me/cards/claim"),
    body("/store/cashless/me/carts/:id/wallet-credit"),
    body("/store/cashless/me/refunds"),
    {
      // Anyone may top up a card by its QR token; a logged-in customer may top up their own wallet.
      matcher: "/store/cashless/top-ups",
      method: "POST",
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validate("/store/cashless/top-ups"),
      ],
    },
    body("/store/cashless/me/cards/:id/lost"),
  ],
})
