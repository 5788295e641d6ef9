const path = require("node:path")
const baseConfig = require("../../tools/jest/base-config.cjs")

module.exports = {
  ...baseConfig(__dirname),
  testMatch: ["<rootDir>/integration-tests/**/*.spec.ts", "<rootDir>/src/**/__tests__/**/*.spec.ts"],
  testTimeout: 120_000,
  moduleNameMapper: {
    // The wallet SDK is tested from its sources: no stale dist/ can make a test pass or fail.
    // Its sources import "./x.js" as Node's ESM wants; here that is the .ts file beside it.
    "^@medusa-cashless/wallet-sdk$": path.join(__dirname, "../../packages/wallet-sdk/src/index.ts"),
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
}
