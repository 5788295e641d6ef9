import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { tillTapBus, type TillEvent } from "../../../../../../../lib/till-taps/bus"
import { DEVICE_MODULE } from "../../../../../../../modules/device"
import type DeviceModuleService from "../../../../../../../modules/device/service"
import { TILL_MODULE, TillError } from "../../../../../../../modules/till"
import type TillModuleService from "../../../../../../../modules/till/service"
import { isOnline } from "../../../../../../cashless/device-view"
import { withLedgerErrors } from "../../../../helpers"

/** Often enough for proxies that close idle connections after 30–60 s. */
export const KEEP_ALIVE_MS = 15_000

/**
 * Server-Sent Events for a till page in remote mode: `devices` on connect, then the `tap` and
 * `status` events of the point of sale's paired readers, and a keep-alive comment every 15 s.
 * The bus subscription lives exactly as long as the connection.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const posId = req.params.pos_id
    const [pos] = await req.scope.resolve<TillModuleService>(TILL_MODULE).listCashlessPointOfSales({ id: posId })
    if (!pos) throw new TillError("pos_not_found", `Point of sale ${posId} not found.`)
    const devices = await req.scope.resolve<DeviceModuleService>(DEVICE_MODULE).devices({ point_of_sale_id: posId })

    let open = true
    const write = (text: string) => {
      if (open) res.write(text)
    }
    const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    res.status(200)
    res.setHeader("Content-Type", "text/event-stream; charset=utf-8")
    // no-transform: no compression middleware may buffer the stream; X-Accel-Buffering: nor nginx.
    res.setHeader("Cache-Control", "no-cache, no-transform")
    res.setHeader("Connection", "keep-alive")
    res.setHeader("X-Accel-Buffering", "no")
    res.flushHeaders()

    // Subscribed before `devices` is sent: a page that saw `devices` misses no tap after it.
    const unsubscribe = await tillTapBus(req.scope).subscribe(posId, (event: TillEvent) => send(event.type, event))
    const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS)
    const close = () => {
      if (!open) return
      open = false
      clearInterval(keepAlive)
      unsubscribe()
    }
    req.on("close", close)
    res.on("close", close)
    if (req.destroyed) close()

    const now = Date.now()
    write("retry: 3000\n\n")
    send("devices", {
      devices: devices.map((d) => ({ id: d.id, name: d.name, last_seen_at: d.last_seen_at, readers: d.readers ?? [], pcsc: d.pcsc, online: isOnline(d, now) })),
    })
  })
