import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TILL_MODULE } from "../modules/till"
import type TillModuleService from "../modules/till/service"
import { projectionLane } from "../lib/projection-lane"
import { projectSaleWorkflow } from "../workflows/till/project-sale-workflow"

const BATCH = 200

/**
 * Re-drives the projection of till sales into Medusa orders: sales older than a minute still
 * without an order (an event lost, a worker that stopped, a projection that failed), through the
 * same lane as the subscriber, leaving out those already waiting in it. Each projection is
 * idempotent, so this may still overlap with another worker's.
 */
export default async function tillOrderProjectionJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const waiting = await till.unprojectedSales(BATCH, new Date(Date.now() - 60_000))
  let done = 0
  for (const id of waiting) {
    try {
      if (await projectionLane.run(id, () => projectSaleWorkflow(container).run({ input: { sale_id: id } }))) done++
    } catch (err) {
      logger.warn(`cashless: sale ${id} could not become an order yet: ${(err as Error).message}`)
    }
  }
  if (waiting.length) logger.info(`cashless: projected ${done} of ${waiting.length} waiting till sale(s)`)
}

export const config = { name: "cashless-till-order-projection", schedule: "* * * * *" }
