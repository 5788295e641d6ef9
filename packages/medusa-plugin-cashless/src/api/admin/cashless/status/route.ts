import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeDatabase } from "../../../../lib/database-info"
import { detectInfrastructure } from "../../../../lib/infrastructure"
import { pluginInfo } from "../../../../lib/plugin-info"
import { pluginOptions } from "../../../../lib/plugin-options"
import type { CashlessStatusResponse } from "../../../../types/http/status"

/** Live status of the plugin, read from the modules this process actually loaded. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<CashlessStatusResponse>) => {
  const config = req.scope.resolve<{ projectConfig: { workerMode?: string } }>(
    ContainerRegistrationKeys.CONFIG_MODULE
  )
  const options = pluginOptions(req.scope)
  res.json({
    plugin: pluginInfo(),
    infrastructure: detectInfrastructure(req.scope),
    database: await describeDatabase(req.scope, options.embeddedDatabase === true),
    worker_mode: config.projectConfig.workerMode ?? "shared",
    node_version: process.version,
    checked_at: new Date().toISOString(),
  })
}
