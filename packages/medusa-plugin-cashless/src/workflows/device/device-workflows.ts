import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DEVICE_MODULE, DeviceError, type DeviceRow } from "../../modules/device"
import type DeviceModuleService from "../../modules/device/service"
import { TILL_MODULE, TillError } from "../../modules/till"
import type TillModuleService from "../../modules/till/service"

/**
 * Pairing, unpairing and revoking readers. Secrets (codes, tokens) are drawn by the route and
 * come in as hashes: the workflow engine may store a run's input and results (Redis).
 */

export type PointOfSaleRef = { id: string; name: string }

/** The point of sale a device would work for: it must exist and be in use. */
async function pointOfSaleInUse(container: MedusaContainer, id: string): Promise<PointOfSaleRef> {
  const [pos] = await container.resolve<TillModuleService>(TILL_MODULE).listCashlessPointOfSales({ id })
  if (!pos) throw new TillError("pos_not_found", `Point of sale ${id} not found.`)
  if (pos.archived_at) {
    throw new DeviceError("point_of_sale_archived", `The point of sale "${pos.name}" is archived: unarchive it in Cashless → Points of sale to pair readers to it.`)
  }
  return { id: pos.id, name: pos.name }
}

type CreateCodeInput = { code_hash: string; point_of_sale_id: string; name: string | null; created_by: string }

const createPairingCodeStep = createStep(
  "cashless-create-pairing-code",
  async (input: CreateCodeInput, { container }) => {
    const pointOfSale = await pointOfSaleInUse(container, input.point_of_sale_id)
    const code = await container.resolve<DeviceModuleService>(DEVICE_MODULE).createPairingCode(input)
    return new StepResponse({ ...code, point_of_sale: pointOfSale }, code.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) await container.resolve<DeviceModuleService>(DEVICE_MODULE).deleteCashlessPairingCodes([id])
  }
)

/** A manager creates a one-time code to pair a reader to a point of sale. */
export const createPairingCodeWorkflow = createWorkflow("cashless-create-pairing-code", (input: CreateCodeInput) => new WorkflowResponse(createPairingCodeStep(input)))

type PairInput = { code_hash: string; token_hash: string; name: string | null; agent_version: string | null }

const pairDeviceStep = createStep(
  "cashless-pair-device",
  async (input: PairInput, { container }) => {
    const devices = container.resolve<DeviceModuleService>(DEVICE_MODULE)
    // Why a code cannot pair (unknown, expired, used) comes before where it would pair to.
    const code = await devices.pendingCode(input.code_hash)
    const pointOfSale = await pointOfSaleInUse(container, code.point_of_sale_id)
    const { device, code_id } = await devices.pair(input)
    return new StepResponse({ device, point_of_sale: pointOfSale }, { device_id: device.id, code_id })
  },
  async (paired: { device_id: string; code_id: string } | undefined, { container }) => {
    if (paired) await container.resolve<DeviceModuleService>(DEVICE_MODULE).unpair(paired.device_id, paired.code_id)
  }
)

/** A reader agent pairs with a code; exactly one device per code, however many try at once. */
export const pairDeviceWorkflow = createWorkflow("cashless-pair-device", (input: PairInput) => new WorkflowResponse(pairDeviceStep(input)))

const revokeDeviceStep = createStep(
  "cashless-revoke-device",
  async (input: { device_id: string; revoked_by: string }, { container }) => {
    const { device, changed } = await container.resolve<DeviceModuleService>(DEVICE_MODULE).revoke(input.device_id, input.revoked_by)
    // An undefined compensation input would be the output: say explicitly what to undo.
    return new StepResponse(device as DeviceRow, { revoked: changed ? device.id : null })
  },
  async (undo: { revoked: string | null } | undefined, { container }) => {
    // Only a revocation this run made is undone; an earlier one stands.
    if (undo?.revoked) await container.resolve<DeviceModuleService>(DEVICE_MODULE).unrevoke(undo.revoked)
  }
)

/** A manager revokes a reader: its token is refused from then on. Revoking twice changes nothing. */
export const revokeDeviceWorkflow = createWorkflow(
  "cashless-revoke-device",
  (input: { device_id: string; revoked_by: string }) => new WorkflowResponse(revokeDeviceStep(input))
)
