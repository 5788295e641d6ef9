import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ICustomerModuleService, INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"

export const MEMBERSHIP_EXPIRING_EVENT = "cashless.membership.expiring"
export const MEMBERSHIP_EXPIRING_TEMPLATE = "cashless-membership-expiring"

export type MembershipExpiringData = {
  id: string
  customer_id: string
  plan_id: string
  plan_name: string
  ends_at: string
}

/** The reminder as the member reads it; the date in the shop's time zone. */
export function expiringMessage(input: { name: string | null; plan_name: string; ends_at: string; time_zone: string }) {
  const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: input.time_zone }).format(
    new Date(input.ends_at)
  )
  const subject = `Your membership "${input.plan_name}" ends on ${date}`
  const text =
    `Hello${input.name ? ` ${input.name}` : ""},\n\n` +
    `your membership "${input.plan_name}" ends on ${date}. Renew it in the shop or at the bar to keep your member ` +
    `prices and members-only products; a renewal made before then runs on from that date, so you lose no day.\n`
  return { subject, text }
}

/** Sends the renewal reminder through Medusa's Notification module (the local provider logs it in dev). */
export default async function membershipExpiring({ event, container }: SubscriberArgs<MembershipExpiringData>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (!container.hasRegistration(Modules.NOTIFICATION)) {
    logger.warn(`cashless: no Notification module, the reminder for membership ${event.data.id} was not sent`)
    return
  }
  const [customer] = await container
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id: event.data.customer_id }, { select: ["id", "email", "first_name", "last_name"] })
  if (!customer?.email) return
  const timeZone = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).settings.timeZone
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null
  const content = expiringMessage({ name, plan_name: event.data.plan_name, ends_at: event.data.ends_at, time_zone: timeZone })
  await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications({
    to: customer.email,
    channel: "email",
    template: MEMBERSHIP_EXPIRING_TEMPLATE,
    receiver_id: customer.id,
    resource_id: event.data.id,
    resource_type: "cashless_membership",
    idempotency_key: `${MEMBERSHIP_EXPIRING_TEMPLATE}:${event.data.id}`,
    data: { ...event.data, customer_name: name, ...content },
    content: { subject: content.subject, text: content.text },
  })
}

export const config: SubscriberConfig = {
  event: MEMBERSHIP_EXPIRING_EVENT,
  context: { subscriberId: "cashless-membership-expiring" },
}
