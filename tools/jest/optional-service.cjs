// The rule for optional system services (ARCHITECTURE, "Tests and optional system
// services"): a suite that needs one prints `SKIPPED: needs X (how)` on a fresh machine
// and fails under CI=true, where .ci/run has installed and started everything.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")

/** Synchronous so that a test file can decide at load time whether to declare its suite. */
function tcpReachable(host, port, timeoutMs = 1500) {
  const probe = `
    const s = require("net").connect(${Number(port)}, ${JSON.stringify(host)});
    s.setTimeout(${timeoutMs}, () => process.exit(1));
    s.on("connect", () => process.exit(0));
    s.on("error", () => process.exit(1));`
  return spawnSync(process.execPath, ["-e", probe], { timeout: timeoutMs + 1000 }).status === 0
}

/**
 * The jest `describe` to use: the real one when `available`; otherwise a suite whose single
 * test fails under CI and that is skipped, with the printed reason, elsewhere.
 */
function describeIf(available, name, reason) {
  if (available) return describe
  if (process.env.CI === "true") {
    return (title) =>
      describe(title, () => {
        it(`has ${name}`, () => {
          throw new Error(`CI=true but this suite ${reason}`)
        })
      })
  }
  console.log(`SKIPPED: ${reason}`)
  return describe.skip
}

/** A network service such as Redis, reachable at host:port. */
function describeWithService({ name, host, port, install }) {
  return describeIf(tcpReachable(host, port), name, `needs ${name} at ${host}:${port} (${install})`)
}

/** Redis at `url` (REDIS_URL, else the local default): the suites of festival mode and the tap bus. */
function describeWithRedis(url = process.env.REDIS_URL || "redis://127.0.0.1:6379") {
  const { hostname, port } = new URL(url)
  return describeWithService({
    name: "Redis",
    host: hostname,
    port: Number(port || 6379),
    install: "apt-get install redis-server && redis-server --daemonize yes",
  })
}

/** A program such as Chromium, at a fixed path. */
function describeWithProgram({ name, path, install }) {
  let executable = false
  try {
    fs.accessSync(path, fs.constants.X_OK)
    executable = true
  } catch {
    executable = false
  }
  return describeIf(executable, name, `needs ${name} at ${path} (${install})`)
}

/**
 * Several things at once, such as pcscd plus the virtual reader plus a native addon:
 * `requirements` is a list of `{ what, met }`; the reason names the ones that are missing.
 */
function describeWithRequirements({ name, requirements, install }) {
  const missing = requirements.filter((r) => !r.met).map((r) => r.what)
  return describeIf(missing.length === 0, name, `needs ${name} (${install}); missing: ${missing.join(", ")}`)
}

module.exports = { describeWithProgram, describeWithRedis, describeWithRequirements, describeWithService, tcpReachable }
