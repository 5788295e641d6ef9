import { Module } from "@medusajs/framework/utils"
import MembershipModuleService from "./service"

export const MEMBERSHIP_MODULE = "cashless_membership"

export default Module(MEMBERSHIP_MODULE, {
  service: MembershipModuleService,
})

export { MembershipError } from "./lib/errors"
export { describeRule, DURATION_UNITS, periodEnd } from "./lib/duration"
export * from "./types"
export type { default as MembershipModuleService } from "./service"
