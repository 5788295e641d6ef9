import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { Device, DeviceList, PairingCode } from "../../types/http/devices"
import { sdk } from "./sdk"

export { countdown, isOnline, ONLINE_SECONDS, pairCommand, timeAgo } from "./device-words"

export type { Device, PairingCode }

const ROOT = ["cashless", "devices"] as const

export const useDevices = (includeRevoked: boolean, refetchMs = 15_000) =>
  useQuery({
    queryKey: [...ROOT, "list", includeRevoked],
    queryFn: () => sdk.client.fetch<DeviceList>("/admin/cashless/devices", { query: includeRevoked ? { include_revoked: "true" } : {} }),
    refetchInterval: refetchMs,
  })

export const useCreatePairingCode = () =>
  useMutation({
    mutationFn: (body: { point_of_sale_id: string; name?: string }) =>
      sdk.client.fetch<{ pairing_code: PairingCode }>("/admin/cashless/devices/pairing-codes", { method: "POST", body }),
  })

export const useRevokeDevice = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<{ device: Device }>(`/admin/cashless/devices/${id}/revoke`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ROOT }),
  })
}

/** The address the agent should use: the backend the admin talks to. */
export const serverUrl = () => (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "") || window.location.origin
