// Appends this jest run's counts, and the failing tests, to $CASHLESS_TEST_SUMMARY so .ci/run
// can print one "N passed, N failed" line over every workspace, with what failed right above
// it: jest's own report of a failure scrolls far away behind the server logs of the suites
// that run after it.
const fs = require("node:fs")
const path = require("node:path")

const MAX_MESSAGE_LINES = 12

// Jest messages carry ANSI colours and a long stack; the first lines say what went wrong.
function shortMessage(text) {
  return String(text)
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => !/^\s+at .*(node_modules|node:internal)/.test(line))
    .slice(0, MAX_MESSAGE_LINES)
    .join("\n")
}

function failuresOf(results, rootDir) {
  const failures = []
  for (const suite of results.testResults) {
    const file = path.relative(rootDir, suite.testFilePath)
    if (suite.testExecError) {
      failures.push({ test: `${file} (suite did not run)`, message: shortMessage(suite.testExecError.message) })
    }
    for (const test of suite.testResults) {
      if (test.status !== "failed") continue
      failures.push({ test: `${file} › ${test.fullName}`, message: shortMessage(test.failureMessages.join("\n")) })
    }
  }
  return failures
}

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir
  }

  onRunComplete(_contexts, results) {
    const failures = failuresOf(results, this.rootDir)
    for (const failure of failures) {
      process.stderr.write(`\n✕ FAILED ${failure.test}\n${failure.message}\n`)
    }
    const file = process.env.CASHLESS_TEST_SUMMARY
    if (!file) return
    const line = {
      passed: results.numPassedTests,
      // A suite that cannot even load runs no test: count it as a failure.
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      failures,
    }
    fs.appendFileSync(file, JSON.stringify(line) + "\n")
  }
}

module.exports = SummaryReporter
