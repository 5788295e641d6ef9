import type { MedusaContainer } from "@medusajs/framework/types"
import { DEVICE_MODULE, type DeviceModuleService } from "medusa-plugin-cashless/modules/device"
import { createPairingCodeWorkflow, pairDeviceWorkflow, revokeDeviceWorkflow } from "medusa-plugin-cashless/workflows"
import { createHash, randomBytes } from "node:crypto"

/** A secret nobody will ever hold: the demo readers' codes and tokens are thrown away. */
const throwawayHash = () => createHash("sha256").update(randomBytes(32)).digest("hex")

/**
 * Cashless → Devices on the first `npm run dev`: a reader paired at the café bar (its token
 * thrown away, so it shows offline soon; pair a real one to try remote mode) and one revoked.
 */
export async function seedDemoDevices(container: MedusaContainer, barId: string, managerId: string) {
  const devices = container.resolve<DeviceModuleService>(DEVICE_MODULE)
  if ((await devices.devices({ point_of_sale_id: barId, include_revoked: true })).length) return
  const pair = async (name: string, agentVersion: string) => {
    const code_hash = throwawayHash()
    await createPairingCodeWorkflow(container).run({ input: { code_hash, point_of_sale_id: barId, name, created_by: `user:${managerId}` } })
    const { result } = await pairDeviceWorkflow(container).run({ input: { code_hash, token_hash: throwawayHash(), name, agent_version: agentVersion } })
    return result.device.id
  }
  const old = await pair("Old bar reader", "0.0.9")
  await revokeDeviceWorkflow(container).run({ input: { device_id: old, revoked_by: `user:${managerId}` } })
  const bar = await pair("Bar counter", "0.1.0")
  await devices.setStatus(bar, { readers: ["ACS ACR122U PICC Interface 00 00"], pcsc: "ok" })
}
