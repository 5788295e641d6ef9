import QRCode from "qrcode"

export type QrSvgOptions = {
  /** Read by screen readers and shown as a tooltip: say what the code is for. */
  title: string
  /** Light modules around the code, in modules; scanners want 4 (the standard's quiet zone). */
  margin?: number
  /** The id of the <title> element (aria-labelledby), unique within the page. */
  id?: string
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/**
 * `text` as an inline SVG QR code. Error correction M (15 %): enough for a scratched phone screen
 * or a creased print-out while keeping the code sparse enough for a door scanner at arm's length.
 * Built here from `QRCode.create` rather than with `qrcode`'s own SVG renderer so that it is
 * synchronous and carries a <title> for screen readers; the dark modules are one path (one
 * horizontal run per `h`), crisp at any size: the viewBox is in modules, the page sizes it.
 */
export function qrSvg(text: string, options: QrSvgOptions): string {
  const margin = options.margin ?? 4
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" })
  const size = qr.modules.size
  const dark = qr.modules.data
  const runs: string[] = []
  for (let y = 0; y < size; y++) {
    let x = 0
    while (x < size) {
      if (!dark[y * size + x]) {
        x++
        continue
      }
      const start = x
      while (x < size && dark[y * size + x]) x++
      runs.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`)
    }
  }
  const full = size + 2 * margin
  const id = escapeXml(options.id ?? "qr-title")
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-labelledby="${id}" ` +
    `shape-rendering="crispEdges" class="qr">` +
    `<title id="${id}">${escapeXml(options.title)}</title>` +
    `<rect width="${full}" height="${full}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join("")}"/>` +
    `</svg>`
  )
}
