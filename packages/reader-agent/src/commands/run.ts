import { Agent } from "../agent"
import { envList, loggerFrom, parse, UsageError, type Io } from "../cli-support"
import { defaultDeviceFilePath, looseModeOf, readDeviceFile } from "../device-file"
import { allowedOrigins } from "../origins"
import { compileReaderFilter } from "../reader-filter"
import { RemoteSender } from "../remote-sender"
import { loadNfc, NfcUnavailableError } from "../sources/nfc-module"
import { PcscSource } from "../sources/pcsc-source"
import type { ReaderSource } from "../sources/reader-source"
import { StdinSource } from "../sources/stdin-source"
import { AGENT_VERSION } from "../version"

export const RUN_HELP = `Usage: cashless-reader run [options]

Reads card taps and hands them to the till.

  --mode local|remote|both   local: serve taps to the till page on this computer (WebSocket);
                             remote: post them to the server (needs \`pair\` first);
                             both: do both                            (CASHLESS_READER_MODE, default local)
  --port N                   local WebSocket port                     (CASHLESS_READER_PORT, default 7373)
  --host ADDRESS             local listen address                     (CASHLESS_READER_HOST, default 127.0.0.1)
  --allow-origin URL         an admin origin allowed to connect; repeat for several
                             (CASHLESS_READER_ALLOWED_ORIGINS, comma-separated;
                             default http://localhost:9000 and http://127.0.0.1:9000;
                             the paired server's origin is always added)
  --readers REGEX            listen only to readers whose name matches (case-insensitive)
                                                                      (CASHLESS_READER_READERS)
  --exclude REGEX            ignore readers whose name matches        (CASHLESS_READER_EXCLUDE,
                             default /virtual|vpcd/i unless --readers is given)
  --source pcsc|stdin        pcsc: USB readers through pcscd; stdin: one UID per line
                             (a keyboard-wedge reader, or a test)     (CASHLESS_READER_SOURCE, default pcsc)
  --config PATH              the pairing file                         (CASHLESS_READER_CONFIG)
  --log json|pretty          log format on stderr                     (CASHLESS_READER_LOG, default json)

Logs are JSON lines on stderr ({"t","level","msg",…}); CASHLESS_READER_LOG_LEVEL=debug says more.`

const MODES = ["local", "remote", "both"] as const
type Mode = (typeof MODES)[number]

function portOf(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${value}"`)
  return port
}

export async function runCommand(argv: string[], io: Io, { stdin = process.stdin } = {}): Promise<number> {
  const { values } = parse(argv, {
    mode: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "allow-origin": { type: "string", multiple: true },
    readers: { type: "string" },
    exclude: { type: "string" },
    source: { type: "string" },
    config: { type: "string" },
    log: { type: "string" },
  })
  if (values.help) {
    io.out(RUN_HELP)
    return 0
  }
  const env = io.env
  const mode = (values.mode ?? env.CASHLESS_READER_MODE ?? "local") as Mode
  if (!MODES.includes(mode)) throw new UsageError(`--mode must be local, remote or both, not "${mode}"`)
  const sourceKind = values.source ?? env.CASHLESS_READER_SOURCE ?? "pcsc"
  if (sourceKind !== "pcsc" && sourceKind !== "stdin") throw new UsageError(`--source must be pcsc or stdin, not "${sourceKind}"`)
  const port = portOf(values.port ?? env.CASHLESS_READER_PORT ?? "7373")
  const host = values.host ?? env.CASHLESS_READER_HOST ?? "127.0.0.1"
  let filter
  try {
    filter = compileReaderFilter(values.readers ?? env.CASHLESS_READER_READERS, values.exclude ?? env.CASHLESS_READER_EXCLUDE)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const log = loggerFrom(values.log, env)

  const configFile = values.config ?? defaultDeviceFilePath(env)
  const device = await readDeviceFile(configFile)
  if (device) {
    const loose = await looseModeOf(configFile)
    if (loose) log.warn("the pairing file is readable by others: chmod 600 it", { file: configFile, mode: loose })
  }
  if (mode !== "local" && !device) {
    io.err(
      `Remote mode needs a pairing, and ${configFile} does not exist.\n` +
        "Create a code in the admin (Cashless → Devices → Pair a reader), then run:\n" +
        "  cashless-reader pair <server-url> <code>"
    )
    return 1
  }

  let origins: string[]
  try {
    origins = allowedOrigins(values["allow-origin"] ?? envList(env.CASHLESS_READER_ALLOWED_ORIGINS), device?.server_url)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }

  let source: ReaderSource
  if (sourceKind === "stdin") {
    source = new StdinSource(stdin)
  } else {
    try {
      loadNfc()
    } catch (err) {
      if (!(err instanceof NfcUnavailableError)) throw err
      io.err(`Cannot read PC/SC readers: ${err.message}\nRun \`cashless-reader doctor\` to check the rest.`)
      return 1
    }
    source = new PcscSource({ filter, log })
  }

  const remote =
    mode === "local" || !device
      ? undefined
      : new RemoteSender({
          serverUrl: device.server_url,
          token: device.token,
          pointOfSaleId: device.point_of_sale.id,
          agentVersion: AGENT_VERSION,
          log,
        })
  // A revoked reader in remote mode keeps running (and saying why it sends nothing) rather than
  // exiting: under systemd's Restart=always an exit would only restart into the same refusal.
  const agent = new Agent({
    source,
    log,
    remote,
    local: mode === "remote" ? undefined : { host, port, allowedOrigins: origins },
  })
  log.info("cashless-reader starting", {
    version: AGENT_VERSION,
    mode,
    source: sourceKind,
    readers: sourceKind === "pcsc" ? filter.describe : undefined,
    server: device?.server_url,
    device: device ? `${device.device_name} (${device.device_id})` : undefined,
    point_of_sale: device?.point_of_sale.name,
  })
  try {
    await agent.start()
  } catch (err) {
    io.err((err as Error).message)
    await agent.stop().catch(() => undefined)
    return 1
  }

  const stopping = new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"))
    process.once("SIGTERM", () => resolve("SIGTERM"))
    void agent.ended.then(() => resolve("stdin closed"))
  })
  const why = await stopping
  log.info("stopping", { why })
  await agent.stop()
  return 0
}
