import { MedusaError } from "@medusajs/framework/utils"

export type DeviceErrorCode =
  | "pairing_code_invalid"
  | "pairing_code_expired"
  | "pairing_code_used"
  | "point_of_sale_archived"
  | "device_not_found"
  | "device_token_invalid"
  | "device_revoked"
  | "device_wrong_point_of_sale"
  | "tap_stale"
  | "invalid_card_uid"

const TYPES: Record<DeviceErrorCode, string> = {
  pairing_code_invalid: MedusaError.Types.UNAUTHORIZED,
  pairing_code_expired: MedusaError.Types.UNAUTHORIZED,
  pairing_code_used: MedusaError.Types.CONFLICT,
  point_of_sale_archived: MedusaError.Types.CONFLICT,
  device_not_found: MedusaError.Types.NOT_FOUND,
  device_token_invalid: MedusaError.Types.UNAUTHORIZED,
  device_revoked: MedusaError.Types.UNAUTHORIZED,
  device_wrong_point_of_sale: MedusaError.Types.NOT_ALLOWED,
  tap_stale: MedusaError.Types.CONFLICT,
  invalid_card_uid: MedusaError.Types.INVALID_DATA,
}

/** A refusal of the device module, with a code the routes map to a status (api/cashless-errors.ts). */
export class DeviceError extends MedusaError {
  constructor(code: DeviceErrorCode, message: string) {
    super(TYPES[code], message, code)
  }
}
