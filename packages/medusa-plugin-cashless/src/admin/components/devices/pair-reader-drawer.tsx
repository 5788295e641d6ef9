import { Alert, Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { countdown, type Device, type PairingCode, pairCommand, serverUrl, useCreatePairingCode, useDevices } from "../../lib/devices"
import { errorMessage } from "../../lib/wallets"
import { Field } from "../form-drawer"

type Props = { pointOfSale: { id: string; name: string }; onClose: () => void }

/** Ticks every second while shown: the code's countdown. */
const useNow = (ms: number) => {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms])
  return now
}

/**
 * "Pair a reader": a one-time code for this point of sale, shown big with its countdown and the
 * command to type on the reader's computer; the drawer watches for the reader to appear.
 */
export const PairReaderDrawer = ({ pointOfSale, onClose }: Props) => {
  const id = useId()
  const [name, setName] = useState("")
  const [code, setCode] = useState<PairingCode | null>(null)
  const [createdAt, setCreatedAt] = useState(0)
  const create = useCreatePairingCode()
  const now = useNow(1000)
  // While a code waits, look for its reader every 3 s.
  const devices = useDevices(false, code ? 3000 : 15_000)
  const paired: Device | undefined = code
    ? devices.data?.devices.find((d) => d.point_of_sale.id === pointOfSale.id && Date.parse(d.paired_at) >= createdAt - 5000)
    : undefined
  const expired = !!code && !paired && Date.parse(code.expires_at) <= now
  const command = code ? pairCommand(serverUrl(), code.code) : ""

  const submit = () =>
    create.mutate(
      { point_of_sale_id: pointOfSale.id, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: ({ pairing_code }) => {
          setCreatedAt(Date.now())
          setCode(pairing_code)
        },
      }
    )

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Pair a reader · {pointOfSale.name}</Drawer.Title>
          <Drawer.Description>A one-time code lets one reader agent send the cards tapped to this point of sale's tills.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
          {!code ? (
            <form
              className="flex flex-col gap-y-4"
              onSubmit={(e) => {
                e.preventDefault()
                if (!create.isPending) submit()
              }}
            >
              <Field id={id} label="Reader name" hint="Shown on the till and on this page, e.g. Bar left. Empty: the agent's own name." optional>
                <Input id={id} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoComplete="off" />
              </Field>
              {create.error && <Alert variant="error">{errorMessage(create.error)}</Alert>}
              <Button type="submit" size="small" isLoading={create.isPending} className="w-fit">
                Create pairing code
              </Button>
            </form>
          ) : (
            <div className="flex flex-col gap-y-4" data-testid="pairing-code">
              <Text size="small" className="text-ui-fg-subtle">
                Pairing code for {code.point_of_sale.name}
                {code.name ? ` (${code.name})` : ""}:
              </Text>
              <p aria-label="Pairing code" className="font-mono text-5xl font-semibold tracking-widest" data-code={code.code}>
                {code.code}
              </p>
              {paired ? (
                <Alert variant="success">
                  {paired.name} is paired: its taps now reach the tills of {pointOfSale.name}.
                </Alert>
              ) : expired ? (
                <Alert variant="warning">This code expired unused: create another one.</Alert>
              ) : (
                <Text size="small" aria-live="polite">
                  Single use, expires in <span data-testid="code-countdown">{countdown(code.expires_at, now)}</span>. Waiting for the reader…
                </Text>
              )}
              <div className="flex flex-col gap-y-2">
                <Text size="small" weight="plus">
                  On the reader's computer, run:
                </Text>
                <pre aria-label="Command to pair" className="bg-ui-bg-subtle overflow-x-auto rounded-md border p-3 font-mono text-sm">
                  {command}
                </pre>
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  className="w-fit"
                  onClick={() =>
                    navigator.clipboard?.writeText(command).then(
                      () => toast.success("Command copied"),
                      () => toast.error("Copying was refused by the browser: select the command instead.")
                    )
                  }
                >
                  Copy command
                </Button>
              </div>
              {expired && (
                <Button type="button" size="small" className="w-fit" onClick={() => setCode(null)}>
                  New code
                </Button>
              )}
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small" type="button">
              {code ? "Done" : "Cancel"}
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
