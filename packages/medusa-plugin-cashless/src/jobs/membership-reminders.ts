import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { MEMBERSHIP_EXPIRING_EVENT, type MembershipExpiringData } from "../subscribers/membership-expiring"

/**
 * `membershipReminderDays` before a membership ends (and it was not renewed), tell its holder
 * once: each membership is claimed in the database before its event is sent.
 */
export default async function membershipRemindersJob(container: MedusaContainer, now: Date = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const due = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).claimReminders(now)
  if (!due.length) return
  const events = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  await events.emit(
    due.map((m) => ({
      name: MEMBERSHIP_EXPIRING_EVENT,
      data: {
        id: m.id,
        customer_id: m.customer_id!,
        plan_id: m.plan_id,
        plan_name: m.plan_name,
        ends_at: m.ends_at!,
      } satisfies MembershipExpiringData,
    }))
  )
  logger.info(`cashless: ${due.length} membership renewal reminder(s) sent`)
}

export const config = { name: "cashless-membership-reminders", schedule: "7 * * * *" }
