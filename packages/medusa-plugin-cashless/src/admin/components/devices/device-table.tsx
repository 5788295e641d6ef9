import { Badge, Button, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { type Device, isOnline, timeAgo, useRevokeDevice } from "../../lib/devices"
import { errorMessage } from "../../lib/wallets"

type Props = { devices: Device[]; now: number; canRevoke: boolean; actorName: (actor: string | null | undefined) => string }

const when = (iso: string) => new Date(iso).toLocaleString()

const Seen = ({ device, now }: { device: Device; now: number }) => {
  const online = isOnline(device, now)
  return (
    <span className="inline-flex items-center gap-x-2" data-online={online}>
      <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${online ? "bg-ui-tag-green-icon" : "bg-ui-tag-neutral-icon"}`} />
      <span>
        {online ? "Online" : "Offline"} · {timeAgo(device.last_seen_at, now)}
      </span>
    </span>
  )
}

const CardService = ({ device }: { device: Device }) => {
  if (device.pcsc === null) return <Text size="small" className="text-ui-fg-muted">No status yet</Text>
  return (
    <div className="flex flex-col gap-y-1">
      <Badge size="2xsmall" color={device.pcsc === "ok" ? "green" : "red"} className="w-fit">
        {device.pcsc === "ok" ? "Card service ok" : "Card service down"}
      </Badge>
      <Text size="small">{device.readers.length ? device.readers.join(", ") : "No reader plugged in"}</Text>
    </div>
  )
}

/** The readers of one point of sale: when paired and by whom, last seen, their card readers; Revoke. */
export const DeviceTable = ({ devices, now, canRevoke, actorName }: Props) => {
  const revoke = useRevokeDevice()
  const prompt = usePrompt()
  const ask = async (device: Device) => {
    const confirmed = await prompt({
      title: `Revoke ${device.name}?`,
      description: `Its taps will be refused at once. To use it again at ${device.point_of_sale.name}, pair it with a new code.`,
      confirmText: "Revoke",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    revoke.mutate(device.id, {
      onSuccess: () => toast.success(`${device.name} revoked`),
      onError: (err) => toast.error(`${device.name} was not revoked`, { description: errorMessage(err) }),
    })
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Reader</Table.HeaderCell>
          <Table.HeaderCell>Paired</Table.HeaderCell>
          <Table.HeaderCell>Last seen</Table.HeaderCell>
          <Table.HeaderCell>Card readers</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {devices.map((d) => (
          <Table.Row key={d.id} aria-label={`reader ${d.name}`} data-device-id={d.id} className="[&_td]:py-2 [&_td]:align-top">
            <Table.Cell>
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">
                  {d.name}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {d.point_of_sale.name}
                  {d.agent_version ? ` · agent ${d.agent_version}` : ""}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>
              <Text size="small">
                {when(d.paired_at)} by {actorName(d.paired_by)}
              </Text>
            </Table.Cell>
            <Table.Cell>
              {d.revoked_at ? (
                <div className="flex flex-col gap-y-1">
                  <Badge size="2xsmall" color="red" className="w-fit">
                    Revoked
                  </Badge>
                  <Text size="small" className="text-ui-fg-subtle">
                    {when(d.revoked_at)} by {actorName(d.revoked_by)}
                  </Text>
                </div>
              ) : (
                <Seen device={d} now={now} />
              )}
            </Table.Cell>
            <Table.Cell>
              <CardService device={d} />
            </Table.Cell>
            <Table.Cell className="text-right">
              {canRevoke && !d.revoked_at && (
                <Button size="small" variant="secondary" onClick={() => void ask(d)} isLoading={revoke.isPending && revoke.variables === d.id}>
                  Revoke
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
