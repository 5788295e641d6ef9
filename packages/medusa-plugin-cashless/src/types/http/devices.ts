/** Shapes of the device routes (`/admin/cashless/devices…`), shared by the routes and the admin page. */

export type PointOfSaleRef = { id: string; name: string }

export type Device = {
  id: string
  name: string
  point_of_sale: PointOfSaleRef
  paired_at: string
  /** `user:<id>` of the manager who created the pairing code. */
  paired_by: string
  last_seen_at: string | null
  readers: string[]
  pcsc: "ok" | "down" | null
  agent_version: string | null
  online: boolean
  revoked_at: string | null
  revoked_by: string | null
}

export type DeviceList = { devices: Device[] }

export type PairingCode = { code: string; expires_at: string; point_of_sale: PointOfSaleRef; name: string | null }
