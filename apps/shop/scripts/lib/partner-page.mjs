// The example partner page of `npm run dev` (examples/partner-page): a page of another origin
// than the shop, as a partner's site is, embedding the wallet components with the demo key.
import { readFile } from "node:fs/promises"
import { createServer } from "node:http"
import path from "node:path"

/**
 * Serves index.html with the shop's address and publishable key filled in, and the components'
 * bundle built from the sources at start (no separate build step to forget). Answers the server,
 * or throws when the port is taken.
 */
export async function startPartnerPage({ repoDir, port, baseUrl, publishableKey }) {
  const dir = path.join(repoDir, "examples/partner-page")
  // Imported here, not at the top: without esbuild (a production install) only this page is lost.
  const { bundleElementsText } = await import("../../../../packages/wallet-sdk/scripts/bundle-elements.mjs")
  const bundle = await bundleElementsText()
  const fill = (html) => html.replaceAll("{{publishable_key}}", publishableKey ?? "").replaceAll("{{base_url}}", baseUrl)
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname
    try {
      if (pathname === "/" || pathname === "/index.html") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fill(await readFile(path.join(dir, "index.html"), "utf8")))
      } else if (pathname === "/cashless-elements.js") {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle)
      } else {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found")
      }
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(err))
    }
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, resolve)
  })
  return server
}

/** The origins the shop must accept for the page's store calls and logins (STORE_CORS, AUTH_CORS). */
export const partnerOrigins = (port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
