import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { projectionLane } from "../lib/projection-lane"
import { projectSaleWorkflow } from "../workflows/till/project-sale-workflow"
import { TILL_SALE_RECORDED } from "../workflows/till/sale-types"

/**
 * A sale recorded at a till becomes its Medusa order, in this process's projection lane so that
 * orders never take the CPU from the taps; a failure is left to the re-drive job.
 */
export default async function tillSaleRecorded({ event, container }: SubscriberArgs<{ id: string }>) {
  await projectionLane.run(event.data.id, () => projectSaleWorkflow(container).run({ input: { sale_id: event.data.id } }))
}

export const config: SubscriberConfig = { event: TILL_SALE_RECORDED, context: { subscriberId: "cashless-till-sale-recorded" } }
