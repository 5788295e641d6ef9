import os from "node:os"
import { parse, UsageError, type Io } from "../cli-support"
import { defaultDeviceFilePath, writeDeviceFile } from "../device-file"
import { callServer, describeError, normalizeServerUrl, type PairAnswer } from "../server-client"
import { AGENT_VERSION } from "../version"

export const PAIR_HELP = `Usage: cashless-reader pair <server-url> <code> [--name NAME] [--config PATH]

Pairs this reader with a point of sale. A manager creates the one-time code in the admin
(Cashless → Devices → Pair a reader); it is valid 10 minutes, once.

  <server-url>    the shop's address, e.g. https://shop.example.org
  <code>          the pairing code, e.g. K7Q4-M2XP (case, spaces and dashes do not matter)
  --name NAME     how the reader appears in Cashless → Devices (default: this computer's name)
  --config PATH   where to keep the pairing (default: $CASHLESS_READER_CONFIG or
                  ~/.config/cashless-reader/device.json); written with mode 0600

The token the server returns is saved to the file and never printed.`

export async function pairCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { name: { type: "string" }, config: { type: "string" } })
  if (values.help) {
    io.out(PAIR_HELP)
    return 0
  }
  if (positionals.length !== 2) throw new UsageError("pair needs the server's address and the pairing code")
  let serverUrl: string
  try {
    serverUrl = normalizeServerUrl(positionals[0])
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const code = positionals[1]
  const name = (values.name ?? os.hostname()).slice(0, 80)
  const file = values.config ?? defaultDeviceFilePath(io.env)

  const answer = await callServer(serverUrl, "POST", "/cashless/devices/pair", {
    body: { code, name, agent_version: AGENT_VERSION },
  })
  if (answer.status !== 201 && answer.status !== 200) {
    io.err(`Pairing refused by ${serverUrl}: ${describeError(answer)}`)
    if (answer.status === 404) io.err("Is this the shop's address? The server has no pairing route there.")
    return 1
  }
  const { device, token } = answer.body as unknown as PairAnswer
  if (typeof token !== "string" || !device?.id || !device.point_of_sale?.id) {
    io.err(`Unexpected answer from ${serverUrl}: no device or token. Is the server's cashless plugin up to date?`)
    return 1
  }
  await writeDeviceFile(file, {
    server_url: serverUrl,
    device_id: device.id,
    device_name: device.name,
    point_of_sale: { id: device.point_of_sale.id, name: device.point_of_sale.name },
    token,
    paired_at: new Date().toISOString(),
  })
  io.out(`Paired "${device.name}" (${device.id}) with point of sale "${device.point_of_sale.name}" (${device.point_of_sale.id}) on ${serverUrl}.`)
  io.out(`Pairing saved in ${file} (mode 0600). Start sending taps with: cashless-reader run --mode remote`)
  return 0
}
