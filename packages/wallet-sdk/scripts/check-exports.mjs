// The published shapes load as a consumer loads them: require() gets the CommonJS build,
// import gets the ES module build, and both export the same client and error class.
import assert from "node:assert/strict"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const cjs = require("@medusa-cashless/wallet-sdk")
const esm = await import("@medusa-cashless/wallet-sdk")
for (const [shape, mod] of [["require", cjs], ["import", esm]]) {
  assert.equal(typeof mod.CashlessClient, "function", `${shape}: CashlessClient`)
  const err = new mod.CashlessApiError(404, "card_not_found", "No card has this QR code.")
  assert.ok(err instanceof Error && err.status === 404 && err.message === "No card has this QR code.", `${shape}: CashlessApiError`)
}
assert.notEqual(cjs.CashlessClient, esm.CashlessClient, "import must not fall back to the CommonJS build")
assert.match(require.resolve("@medusa-cashless/wallet-sdk"), /dist[\\/]cjs[\\/]index\.js$/)
console.log("wallet-sdk: require and import both load (dist/cjs, dist/esm)")
