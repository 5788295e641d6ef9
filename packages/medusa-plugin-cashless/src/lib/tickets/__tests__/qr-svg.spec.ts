import jsQR from "jsqr"
import QRCode from "qrcode"
import { qrSvg } from "../qr-svg"

/**
 * Rasterises the SVG `qrSvg` draws (a white square, then one path of `M x y h w v1 h-w z` runs) at
 * `scale` pixels per module into RGBA pixels, the way a screen would: what a scanner sees.
 */
function rasterise(svg: string, scale = 4) {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)
  const path = /<path fill="#000" d="([^"]*)"/.exec(svg)
  if (!viewBox || !path) throw new Error("not a QR code SVG")
  const modules = Number(viewBox[1])
  const side = modules * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  let runs = 0
  for (const m of path[1].matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = m.slice(1).map(Number)
    if (w !== back) throw new Error(`run at ${x},${y} does not close`)
    runs++
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3)
    }
  }
  // Every character of the path is a run: nothing the parser above skipped.
  expect(path[1].replace(/M\d+ \d+h\d+v1h-\d+z/g, "")).toBe("")
  return { pixels, side, runs }
}

/** The dark modules the SVG draws inside its quiet zone, row by row. */
function modulesOf(svg: string, margin: number): boolean[] {
  const { pixels, side } = rasterise(svg, 1)
  const size = side - 2 * margin
  const out: boolean[] = []
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out.push(pixels[((y + margin) * side + x + margin) * 4] === 0)
  return out
}

describe("qrSvg", () => {
  const url = "https://shop.example.org/cashless/tickets/tk_AbCdEfGhIjKlMnOpQrStUv-_"

  it("draws a QR code that a decoder reads back as the text", () => {
    const { pixels, side, runs } = rasterise(qrSvg(url, { title: "Ticket" }))
    expect(runs).toBeGreaterThan(50)
    const decoded = jsQR(pixels, side, side)
    expect(decoded?.data).toBe(url)
  })

  it("uses error correction M and a quiet zone of 4 modules by default", () => {
    const svg = qrSvg(url, { title: "Ticket" })
    const size = QRCode.create(url, { errorCorrectionLevel: "M" }).modules.size
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`)
    // Module for module, the SVG is the level-M symbol (the L and Q symbols of this text differ).
    const drawn = modulesOf(svg, 4)
    const expected = (level: "L" | "M" | "Q") => Array.from(QRCode.create(url, { errorCorrectionLevel: level }).modules.data, Boolean)
    expect(drawn).toEqual(expected("M"))
    expect(drawn).not.toEqual(expected("L"))
    expect(drawn).not.toEqual(expected("Q"))
    expect(qrSvg(url, { title: "Ticket", margin: 2 })).toMatch(/d="M2 2h7v1h-7z/)
  })

  it("is labelled for screen readers, the title escaped", () => {
    const svg = qrSvg(url, { title: `QR <b>"Fest"</b> & co`, id: "qr-2" })
    expect(svg).toContain('role="img" aria-labelledby="qr-2"')
    expect(svg).toContain('<title id="qr-2">QR &lt;b&gt;&quot;Fest&quot;&lt;/b&gt; &amp; co</title>')
  })

  it("encodes different texts differently", () => {
    expect(qrSvg(`${url}x`, { title: "t" })).not.toBe(qrSvg(url, { title: "t" }))
  })
})
