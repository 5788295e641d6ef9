const baseConfig = require("../../tools/jest/base-config.cjs")

module.exports = {
  ...baseConfig(__dirname),
  testMatch: ["<rootDir>/integration-tests/**/*.spec.ts", "<rootDir>/src/**/__tests__/**/*.spec.ts"],
  testTimeout: 120_000,
}
