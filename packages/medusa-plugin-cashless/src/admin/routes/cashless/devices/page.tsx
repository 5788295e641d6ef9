import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DeviceTable } from "../../../components/devices/device-table"
import { PairReaderDrawer } from "../../../components/devices/pair-reader-drawer"
import { useDevices } from "../../../lib/devices"
import { useListParams } from "../../../lib/list-params"
import { useActorNames, usePointOfSaleList, useStaffMe } from "../../../lib/points-of-sale"
import { errorMessage } from "../../../lib/wallets"

const FILTERS = ["show"] as const
const SHOW = { active: "In use", revoked: "Revoked", all: "All" } as const
type Show = keyof typeof SHOW

/** Re-renders every 10 s: "last seen" and the online dots move on without a refetch. */
const useNow = () => {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

const DevicesPage = () => {
  const { filters, go } = useListParams(FILTERS)
  const show: Show = filters.show in SHOW ? (filters.show as Show) : "active"
  const devices = useDevices(show !== "active")
  const points = usePointOfSaleList()
  const me = useStaffMe()
  const actorName = useActorNames()
  const now = useNow()
  const [pairing, setPairing] = useState<{ id: string; name: string } | null>(null)
  const role = me.data?.me.role
  const canManage = role === "manager" || role === "admin"

  const all = devices.data?.devices ?? []
  const shown = all.filter((d) => (show === "revoked" ? !!d.revoked_at : show === "active" ? !d.revoked_at : true))
  // Points of sale in use, and archived ones that still have readers to show.
  const sections = (points.data?.points_of_sale ?? []).filter((p) => !p.archived_at || shown.some((d) => d.point_of_sale.id === p.id))
  const error = devices.error ?? points.error

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h1">Devices</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Card readers paired to a point of sale: each sends the cards tapped to the till screens of its point of sale (a tablet at a bar, a reader on a Raspberry Pi).
            </Text>
          </div>
          <Select size="small" value={show} onValueChange={(v) => go({ show: v === "active" ? "" : v })}>
            <Select.Trigger className="w-[150px]" aria-label="Show readers">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(SHOW) as Show[]).map((k) => (
                <Select.Item key={k} value={k}>
                  {SHOW[k]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {me.data && !canManage && (
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">
              {role ? `You are a ${role}: ` : ""}only a manager or an admin can pair or revoke readers.
            </Text>
          </div>
        )}
        {error && (
          <div className="px-6 py-4">
            <Alert variant="error">The readers could not be read: {errorMessage(error)}</Alert>
          </div>
        )}
        {(devices.isLoading || points.isLoading) && (
          <div className="px-6 py-4">
            <Text size="small">Loading readers…</Text>
          </div>
        )}
      </Container>
      {sections.map((p) => {
        const mine = shown.filter((d) => d.point_of_sale.id === p.id)
        return (
          <Container key={p.id} className="divide-y p-0" aria-label={`readers of ${p.name}`} data-pos-id={p.id}>
            <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
              <Heading level="h2">{p.name}</Heading>
              {canManage && !p.archived_at && (
                <Button size="small" variant="secondary" onClick={() => setPairing({ id: p.id, name: p.name })}>
                  Pair a reader
                </Button>
              )}
            </div>
            {mine.length ? (
              <DeviceTable devices={mine} now={now} canRevoke={canManage} actorName={actorName} />
            ) : (
              <div className="px-6 py-4">
                <Text size="small" className="text-ui-fg-subtle">
                  {show === "revoked" ? "No revoked reader." : "No reader paired: the till uses the reader agent on its own computer."}
                </Text>
              </div>
            )}
          </Container>
        )
      })}
      {pairing && <PairReaderDrawer pointOfSale={pairing} onClose={() => setPairing(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Devices",
})

export default DevicesPage
