import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CardModuleOptions } from "../modules/card/types"
import type { DeviceModuleOptions } from "../modules/device/service"
import type { MembershipModuleOptions } from "../modules/membership/types"
import type { WalletModuleOptions } from "../modules/wallet/service"
import { PLUGIN_NAME } from "./plugin-info"

/** The plugin's options; Medusa hands them to each of the plugin's modules too. */
export type CashlessPluginOptions = WalletModuleOptions &
  CardModuleOptions &
  MembershipModuleOptions &
  TopUpOptions &
  DeviceModuleOptions & {
    /** Set by the dev launcher when it runs its own embedded PostgreSQL. */
    embeddedDatabase?: boolean
  }

/** Online top-ups, in minor units of the cart's currency. */
export type TopUpOptions = {
  /** Smallest top-up (default 500: 5.00). */
  topUpMinAmount?: number
  /** Largest top-up (default 50000: 500.00). */
  topUpMaxAmount?: number
}

type PluginEntry = string | { resolve?: string; options?: Record<string, unknown> }

/** API routes get no module options, so they read the plugin's entry from the app config. */
export function pluginOptions(container: MedusaContainer): CashlessPluginOptions {
  const config = container.resolve<{ plugins?: PluginEntry[] }>(
    ContainerRegistrationKeys.CONFIG_MODULE
  )
  for (const entry of config.plugins ?? []) {
    if (typeof entry === "object" && entry.resolve === PLUGIN_NAME) {
      return (entry.options ?? {}) as CashlessPluginOptions
    }
  }
  return {}
}
