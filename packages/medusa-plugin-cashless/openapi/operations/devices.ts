import { Ok } from "../schemas/common"
import { DevicePaired, DeviceSelf, TapDelivered } from "../schemas/devices"
import { json, type Operation } from "./operation"

/** Reader-agent routes (docs/devices.md): pairing by one-time code, then a device token. */
export const DEVICE_OPERATIONS: Operation[] = [
  { method: "POST", path: "/cashless/devices/pair", summary: "Pair a reader with a one-time code", tag: "Devices", audience: "pairing", responses: { 201: json("The device and its token, shown once", DevicePaired) } },
  { method: "GET", path: "/cashless/devices/me", summary: "The reader's own pairing", tag: "Devices", audience: "device", responses: { 200: json("Its device and point of sale", DeviceSelf) } },
  { method: "POST", path: "/cashless/devices/me/status", summary: "Heartbeat: readers seen and PC/SC state", tag: "Devices", audience: "device", responses: { 200: json("Stored and sent to the till pages", Ok) } },
  { method: "POST", path: "/cashless/tills/:pos_id/taps", summary: "A card tapped on the reader, for the till pages of its point of sale", tag: "Devices", audience: "device", responses: { 202: json("Accepted; idempotent by tap_id", TapDelivered) } },
]
