// Appends this jest run's counts to $CASHLESS_TEST_SUMMARY so .ci/run can print one
// "N passed, N failed" line over every workspace.
const fs = require("node:fs")

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.CASHLESS_TEST_SUMMARY
    if (!file) return
    const line = {
      passed: results.numPassedTests,
      // A suite that cannot even load runs no test: count it as a failure.
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    }
    fs.appendFileSync(file, JSON.stringify(line) + "\n")
  }
}

module.exports = SummaryReporter
