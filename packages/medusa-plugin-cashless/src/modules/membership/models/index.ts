export { CashlessMembership, MEMBERSHIP_SOURCES } from "./membership"
export { CashlessMembershipPlan } from "./plan"
export { CashlessMembershipPlanVariant } from "./plan-variant"
