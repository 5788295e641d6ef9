import { Module } from "@medusajs/framework/utils"
import DeviceModuleService from "./service"

export const DEVICE_MODULE = "cashless_device"

export default Module(DEVICE_MODULE, {
  service: DeviceModuleService,
})

export { DeviceError } from "./lib/errors"
export type { DeviceRow, PairingCodeRow } from "./lib/device-store"
export type { default as DeviceModuleService } from "./service"
