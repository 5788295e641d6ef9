/**
 * The pairing, kept on the reader's computer: `{ server_url, device_id, device_name,
 * point_of_sale, token, paired_at }` (device contract, "Agent side files"). The token lets
 * anyone post taps for the point of sale, so the file is 0600 in a 0700 folder, and it is
 * written to a temporary file then renamed: a crash or a full disk never leaves half a token.
 */
import { randomBytes } from "node:crypto"
import { constants } from "node:fs"
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

export type DeviceFile = {
  server_url: string
  device_id: string
  device_name: string
  point_of_sale: { id: string; name: string }
  token: string
  paired_at: string
}

export function defaultDeviceFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CASHLESS_READER_CONFIG || path.join(os.homedir(), ".config", "cashless-reader", "device.json")
}

export async function writeDeviceFile(file: string, device: DeviceFile): Promise<void> {
  const dir = path.dirname(file)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`)
  // O_EXCL: never write through a file (or symlink) someone placed there; 0600 from the start,
  // so the token is never readable by others, not even for an instant.
  const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600)
  try {
    await handle.writeFile(JSON.stringify(device, null, 2) + "\n")
    await handle.sync()
  } catch (err) {
    await handle.close()
    await rm(tmp, { force: true })
    throw err
  }
  await handle.close()
  try {
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
  // The rename itself is durable only once the folder is synced.
  const dirHandle = await open(dir, constants.O_RDONLY)
  await dirHandle.sync().catch(() => undefined)
  await dirHandle.close()
}

export class DeviceFileError extends Error {}

/** The pairing, or null when the file does not exist (not paired). Anything else is an error. */
export async function readDeviceFile(file: string): Promise<DeviceFile | null> {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null
    throw new DeviceFileError(`cannot read ${file}: ${(err as Error).message}`)
  }
  let data: Partial<DeviceFile>
  try {
    data = JSON.parse(text)
  } catch {
    throw new DeviceFileError(`${file} is not JSON: pair again (cashless-reader pair <server-url> <code>)`)
  }
  if (
    typeof data.server_url !== "string" ||
    typeof data.token !== "string" ||
    typeof data.device_id !== "string" ||
    typeof data.point_of_sale?.id !== "string"
  ) {
    throw new DeviceFileError(`${file} lacks server_url, token, device_id or point_of_sale: pair again`)
  }
  return data as DeviceFile
}

/** A token file others can read is worth a warning (someone copied it, or a umask-less tool rewrote it). */
export async function looseModeOf(file: string): Promise<string | null> {
  try {
    const { mode } = await stat(file)
    return mode & 0o077 ? (mode & 0o777).toString(8) : null
  } catch {
    return null
  }
}
