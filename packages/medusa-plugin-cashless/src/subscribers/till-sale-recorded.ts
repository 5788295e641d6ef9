import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { projectionLane } from "../lib/projection-lane"
import { projectSaleWorkflow } from "../workflows/till/project-sale-workflow"
import { TILL_SALE_RECORDED } from "../workflows/till/sale-types"

/**
 * A sale recorded at a till becomes its Medusa order, in this process's projection lane so that
 * orders never take the CPU from the taps.
 *
 * The sale is queued, not awaited: Medusa's Redis event worker handles one event at a time, so
 * waiting here would hold every other event (an online top-up's `payment.captured`, a membership's)
 * behind the whole projection backlog of a rush. A projection that fails, or that dies with the
 * process, is picked up by the re-drive job (`jobs/till-order-projection.ts`) a minute later.
 */
export default async function tillSaleRecorded({ event, container }: SubscriberArgs<{ id: string }>) {
  const saleId = event.data.id
  projectionLane
    .run(saleId, () => projectSaleWorkflow(container).run({ input: { sale_id: saleId } }))
    .catch((err: Error) => {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`cashless: sale ${saleId} could not become an order yet: ${err.message}`)
    })
}

export const config: SubscriberConfig = { event: TILL_SALE_RECORDED, context: { subscriberId: "cashless-till-sale-recorded" } }
