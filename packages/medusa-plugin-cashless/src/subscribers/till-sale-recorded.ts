import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { projectSaleWorkflow } from "../workflows/till/project-sale-workflow"
import { TILL_SALE_RECORDED } from "../workflows/till/sale-types"

/** A sale recorded at a till becomes its Medusa order; a failure is left to the re-drive job. */
export default async function tillSaleRecorded({ event, container }: SubscriberArgs<{ id: string }>) {
  await projectSaleWorkflow(container).run({ input: { sale_id: event.data.id } })
}

export const config: SubscriberConfig = { event: TILL_SALE_RECORDED, context: { subscriberId: "cashless-till-sale-recorded" } }
