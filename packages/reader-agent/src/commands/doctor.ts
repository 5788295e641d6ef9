import { existsSync } from "node:fs"
import { parse, UsageError, type Io } from "../cli-support"
import { defaultDeviceFilePath, looseModeOf, readDeviceFile, type DeviceFile } from "../device-file"
import { listReaders } from "../list-readers"
import { compileReaderFilter, type ReaderFilter } from "../reader-filter"
import { callServer, describeError, normalizeServerUrl } from "../server-client"
import { loadNfc } from "../sources/nfc-module"
import { pcscdSocketPath, socketAccepts } from "../sources/pcscd-socket"

export const DOCTOR_HELP = `Usage: cashless-reader doctor [--server URL] [--config PATH] [--readers REGEX] [--exclude REGEX]

Checks what the agent needs, one line each (OK / FAIL / SKIP) with what to do about a failure:
the PC/SC library and nfc-pcsc, pcscd, the readers (and the name filter), the server
(GET /health) and the pairing (GET /cashless/devices/me). Exits 1 when a check fails.

  --server URL    the server to check (default: the paired server)
  --config PATH   the pairing file (default: $CASHLESS_READER_CONFIG or ~/.config/cashless-reader/device.json)
  --readers, --exclude   the reader name filter, as for \`run\``

type Result = { status: "OK" | "FAIL" | "SKIP"; what: string; fix?: string }

async function checkReaders(filter: ReaderFilter): Promise<Result> {
  const listing = await listReaders(filter)
  if (!listing.ok) return { status: "FAIL", what: "readers: cannot list them", fix: listing.problem === "nfc" ? listing.message : "start pcscd (see above)" }
  const kept = listing.readers.filter((r) => r.kept).map((r) => r.name)
  const ignored = listing.readers.filter((r) => !r.kept).map((r) => r.name)
  const ignoredNote = ignored.length ? `; ignored by the filter (${filter.describe}): ${ignored.join(", ")}` : ""
  if (kept.length) return { status: "OK", what: `readers: ${kept.join(", ")}${ignoredNote}` }
  if (ignored.length) {
    return {
      status: "FAIL",
      what: `readers: none kept by the filter (${filter.describe}); present: ${ignored.join(", ")}`,
      fix: "widen --readers / --exclude (CASHLESS_READER_READERS / CASHLESS_READER_EXCLUDE)",
    }
  }
  return {
    status: "FAIL",
    what: "readers: pcscd sees no reader",
    fix:
      "plug the reader in and check that `lsusb` lists it (ACS ACR122U: 072f:2200); if it is listed but not here, " +
      "the kernel's NFC driver may hold it: `sudo modprobe -r pn533_usb pn533 nfc` and blacklist them in " +
      "/etc/modprobe.d/blacklist-nfc.conf, then restart pcscd",
  }
}

async function checkServer(serverUrl: string): Promise<Result> {
  try {
    const answer = await callServer(serverUrl, "GET", "/health", { timeoutMs: 5000 })
    if (answer.status === 200) return { status: "OK", what: `server ${serverUrl} answers` }
    return { status: "FAIL", what: `server ${serverUrl}/health answered HTTP ${answer.status}`, fix: "is this the shop's address? is the shop running?" }
  } catch (err) {
    return { status: "FAIL", what: `server: ${(err as Error).message}`, fix: "check the address, the network (DNS, Wi-Fi) and that the shop is running" }
  }
}

async function checkPairing(device: DeviceFile): Promise<Result> {
  try {
    const answer = await callServer(device.server_url, "GET", "/cashless/devices/me", { token: device.token, timeoutMs: 5000 })
    if (answer.status === 200) {
      const d = answer.body.device as { name?: string; point_of_sale?: { name?: string } } | undefined
      return { status: "OK", what: `paired as "${d?.name ?? device.device_name}" with point of sale "${d?.point_of_sale?.name ?? device.point_of_sale.name}"` }
    }
    if (answer.status === 401) {
      return {
        status: "FAIL",
        what: `pairing refused: ${describeError(answer)}`,
        fix: "the reader was revoked or its token is unknown: create a code in Cashless → Devices and run `cashless-reader pair <server-url> <code>`",
      }
    }
    return { status: "FAIL", what: `pairing check answered ${describeError(answer)}`, fix: "is the server's cashless plugin up to date?" }
  } catch (err) {
    return { status: "FAIL", what: `pairing: ${(err as Error).message}`, fix: "the server must be reachable to check the pairing" }
  }
}

export async function doctorCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    server: { type: "string" },
    config: { type: "string" },
    readers: { type: "string" },
    exclude: { type: "string" },
  })
  if (values.help) {
    io.out(DOCTOR_HELP)
    return 0
  }
  let filter: ReaderFilter
  let serverOverride: string | undefined
  try {
    filter = compileReaderFilter(values.readers ?? io.env.CASHLESS_READER_READERS, values.exclude ?? io.env.CASHLESS_READER_EXCLUDE)
    serverOverride = values.server ? normalizeServerUrl(values.server) : undefined
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const results: Result[] = []
  const report = (r: Result) => {
    results.push(r)
    io.out(`${r.status.padEnd(4)} ${r.what}`)
    if (r.fix) io.out(`     → ${r.fix}`)
  }

  let nfcOk = true
  try {
    loadNfc()
    report({ status: "OK", what: "nfc-pcsc and the PC/SC library load" })
  } catch (err) {
    nfcOk = false
    report({ status: "FAIL", what: "nfc-pcsc cannot be loaded", fix: (err as Error).message })
  }

  const socket = pcscdSocketPath(io.env)
  const probe = await socketAccepts(socket)
  if (probe.ok) report({ status: "OK", what: `pcscd answers at ${socket}` })
  else {
    const installed = existsSync("/usr/sbin/pcscd")
    report({
      status: "FAIL",
      what: `pcscd does not answer at ${socket} (${probe.reason})`,
      fix: installed
        ? "start it: `sudo systemctl enable --now pcscd.socket` (or run `sudo pcscd`)"
        : "install and start it: `sudo apt-get install pcscd` (then `sudo systemctl enable --now pcscd.socket`)",
    })
  }

  if (nfcOk && probe.ok) report(await checkReaders(filter))
  else report({ status: "SKIP", what: "readers: needs nfc-pcsc and pcscd (above)" })

  const file = values.config ?? defaultDeviceFilePath(io.env)
  let device: DeviceFile | null = null
  try {
    device = await readDeviceFile(file)
  } catch (err) {
    report({ status: "FAIL", what: (err as Error).message, fix: "pair again: `cashless-reader pair <server-url> <code>`" })
  }
  const serverUrl = serverOverride ?? device?.server_url
  if (serverUrl) report(await checkServer(serverUrl))
  else report({ status: "SKIP", what: "server: not paired and no --server given (local mode needs none)" })

  if (device) {
    const loose = await looseModeOf(file)
    if (loose) report({ status: "FAIL", what: `${file} has mode ${loose}: others can read the token`, fix: `chmod 600 ${file}` })
    report(await checkPairing(device))
  } else if (!results.some((r) => r.what.startsWith(file))) {
    report({ status: "SKIP", what: `pairing: ${file} does not exist (remote mode needs \`cashless-reader pair\`)` })
  }

  const failed = results.filter((r) => r.status === "FAIL").length
  io.out(failed ? `${failed} check(s) failed.` : "All checks passed.")
  return failed ? 1 : 0
}
