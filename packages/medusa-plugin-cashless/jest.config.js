const baseConfig = require("../../tools/jest/base-config.cjs")

module.exports = {
  ...baseConfig(__dirname),
  testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.ts", "<rootDir>/openapi/__tests__/**/*.spec.ts", "<rootDir>/integration-tests/**/*.spec.ts"],
  testTimeout: 60_000,
}
