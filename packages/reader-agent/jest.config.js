const baseConfig = require("../../tools/jest/base-config.cjs")

// The shared config (its transform and the summary reporter that .ci/run counts), without its
// PostgreSQL global setup and Medusa setup file: the agent uses neither.
module.exports = {
  ...baseConfig(__dirname),
  globalSetup: undefined,
  globalTeardown: undefined,
  setupFiles: [],
  testMatch: ["<rootDir>/test/**/*.spec.ts"],
  testTimeout: 30_000,
}
