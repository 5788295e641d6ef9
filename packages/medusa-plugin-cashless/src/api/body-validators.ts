import {
  BindCardSchema,
  ImportCardsSchema,
  ReasonRequiredSchema,
  ReplaceCardSchema,
  StatusChangeSchema,
  TapSchema,
} from "./admin/cashless/card-validators"
import { CreatePairingCodeSchema } from "./admin/cashless/device-validators"
import {
  CancelMembershipSchema,
  CreatePlanSchema,
  GrantMembershipSchema,
  ImportMembersSchema,
  UpdatePlanSchema,
} from "./admin/cashless/membership-validators"
import { SetStaffSchema } from "./admin/cashless/staff-validators"
import {
  CancelTicketSchema,
  CheckInSchema,
  CreateTicketEventSchema,
  RefundTicketSchema,
  UpdateTicketEventSchema,
} from "./admin/cashless/ticket-validators"
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
import { DeviceStatusSchema, DeviceTapSchema, PairDeviceSchema } from "./cashless/device-validators"
import { ClaimCardSchema, DeclareLostSchema, RefundRequestSchema, StartTopUpSchema, WalletCreditSchema } from "./store/cashless/validators"

/**
 * The body validator of every POST route of the plugin, by route matcher. `middlewares.ts`
 * validates with exactly these, and the OpenAPI generator (openapi/) documents each request body
 * from the same object, so the description cannot drift from what the server accepts.
 */
export const BODY_VALIDATORS = {
  "/admin/cashless/wallets": CreateWalletSchema,
  "/admin/cashless/wallets/:id/credit": CreditSchema,
  "/admin/cashless/wallets/:id/gift": GiftSchema,
  "/admin/cashless/wallets/:id/spend": SpendSchema,
  "/admin/cashless/wallets/:id/transfer": TransferSchema,
  "/admin/cashless/wallets/:id/adjust": AdjustSchema,
  "/admin/cashless/wallets/:id/refunds": AdminRefundSchema,
  "/admin/cashless/points-of-sale": CreatePointOfSaleSchema,
  "/admin/cashless/points-of-sale/:id": UpdatePointOfSaleSchema,
  "/admin/cashless/tills/:pos_id/sessions": OpenSessionSchema,
  "/admin/cashless/tills/:pos_id/sessions/:session_id/close": CloseSessionSchema,
  "/admin/cashless/tills/:pos_id/sales": SellSchema,
  "/admin/cashless/tills/:pos_id/top-ups": TillTopUpSchema,
  "/admin/cashless/tills/:pos_id/refunds": TillRefundSchema,
  "/admin/cashless/tills/:pos_id/voids": TillVoidSchema,
  "/admin/cashless/entries/:id/reverse": ReverseSchema,
  "/admin/cashless/devices/pairing-codes": CreatePairingCodeSchema,
  "/cashless/devices/pair": PairDeviceSchema,
  "/cashless/devices/me/status": DeviceStatusSchema,
  "/cashless/tills/:pos_id/taps": DeviceTapSchema,
  "/admin/cashless/card-taps": TapSchema,
  "/admin/cashless/cards/:id/lost": StatusChangeSchema,
  "/admin/cashless/cards/:id/block": ReasonRequiredSchema,
  "/admin/cashless/cards/:id/unblock": ReasonRequiredSchema,
  "/admin/cashless/cards/:id/bind": BindCardSchema,
  "/admin/cashless/cards/:id/replace": ReplaceCardSchema,
  "/admin/cashless/card-imports": ImportCardsSchema,
  "/admin/cashless/membership-plans": CreatePlanSchema,
  "/admin/cashless/membership-plans/:id": UpdatePlanSchema,
  "/admin/cashless/staff/:user_id": SetStaffSchema,
  "/admin/cashless/memberships": GrantMembershipSchema,
  "/admin/cashless/memberships/:id/cancel": CancelMembershipSchema,
  "/admin/cashless/membership-imports": ImportMembersSchema,
  "/admin/cashless/ticket-events": CreateTicketEventSchema,
  "/admin/cashless/ticket-events/:id": UpdateTicketEventSchema,
  "/admin/cashless/tickets/:id/cancel": CancelTicketSchema,
  "/admin/cashless/tickets/:id/refund": RefundTicketSchema,
  "/admin/cashless/doors/:pos_id/check-ins": CheckInSchema,
  "/store/cashless/me/cards/claim": ClaimCardSchema,
  "/store/cashless/me/carts/:id/wallet-credit": WalletCreditSchema,
  "/store/cashless/me/refunds": RefundRequestSchema,
  "/store/cashless/top-ups": StartTopUpSchema,
  "/store/cashless/me/cards/:id/lost": DeclareLostSchema,
} as const

export type BodyRoute = keyof typeof BODY_VALIDATORS
