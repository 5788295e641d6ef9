#!/usr/bin/env node
/**
 * cashless-reader: the medusa-cashless reader agent. `cashless-reader --help` lists the
 * commands; each has its own --help.
 */
import { processIo, UsageError, type Io } from "./cli-support"
import { doctorCommand } from "./commands/doctor"
import { pairCommand } from "./commands/pair"
import { readersCommand } from "./commands/readers"
import { runCommand } from "./commands/run"
import { ServerUnreachableError } from "./server-client"
import { AGENT_VERSION } from "./version"

export const MAIN_HELP = `Usage: cashless-reader <command> [options]

Reads NFC card taps (PC/SC readers such as the ACS ACR122U) for medusa-cashless.

Commands:
  run        read taps and hand them to the till page (local) or the server (remote)
  pair       pair this reader with a point of sale (one-time code from Cashless → Devices)
  readers    list the PC/SC readers and which ones are used
  doctor     check the installation, pcscd, the readers, the server and the pairing

\`cashless-reader <command> --help\` for a command's options. Version ${AGENT_VERSION}.`

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  run: runCommand,
  pair: pairCommand,
  readers: readersCommand,
  doctor: doctorCommand,
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(MAIN_HELP)
    return name ? 0 : 2
  }
  if (name === "--version" || name === "-v") {
    io.out(AGENT_VERSION)
    return 0
  }
  const command = COMMANDS[name]
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${MAIN_HELP}`)
    return 2
  }
  try {
    return await command(rest, io)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n(cashless-reader ${name} --help for the options)`)
      return 2
    }
    if (err instanceof ServerUnreachableError) {
      io.err(err.message)
      return 1
    }
    throw err
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      // The PC/SC addon may keep a native handle open after its context is closed.
      process.exit(code)
    },
    (err) => {
      process.stderr.write(`cashless-reader: ${(err as Error).stack ?? err}\n`)
      process.exit(1)
    }
  )
}
