// Jest settings every workspace shares.
const path = require("node:path")

module.exports = function baseConfig(rootDir) {
  return {
    rootDir,
    transform: {
      "^.+\\.[jt]sx?$": [
        "@swc/jest",
        { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
      ],
    },
    testEnvironment: "node",
    moduleFileExtensions: ["js", "ts", "tsx", "json"],
    modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
    globalSetup: path.join(__dirname, "global-setup.mjs"),
    globalTeardown: path.join(__dirname, "global-teardown.mjs"),
    setupFiles: [path.join(__dirname, "setup-file.cjs")],
    reporters: ["default", path.join(__dirname, "summary-reporter.cjs")],
  }
}
