/**
 * `npm run serve`: the production build on a fresh embedded database. The admin extension
 * is checked in a real browser (log in with the printed credentials, find Cashless in the
 * sidebar, read the live status) and the benchmark harness is run against it briefly, to
 * prove it measures what it says (its figures are not asserted).
 */
import { spawnSync } from "node:child_process"
import { readFile } from "node:fs/promises"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium } from "../helpers/browser"
import { appDir, ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
import { pluginPackage } from "../helpers/plugin-package"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(300_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })
const describePgbench = describeWithProgram({
  name: "pgbench",
  path: "/usr/bin/pgbench",
  install: "apt-get install postgresql-client",
})

describe("npm run serve (production build)", () => {
  let shop: ServedShop
  let run: Launch
  let base: string
  let pgPort: number
  let dataDir: string

  beforeAll(async () => {
    // This suite checks the build steps themselves: it always builds.
    shop = await serveShop("cashless-serve", 540_000, { reuseBuild: false })
    ;({ run, base, pgPort, dataDir } = shop)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  it("builds the shop and serves it with medusa start", () => {
    expect(run.output()).toContain("✔ Building the shop (medusa build)")
    expect(run.output()).toContain("(medusa start)")
  })

  describeBrowser("the Cashless admin page in headless Chromium", () => {
    let browser: Browser
    const pageErrors: string[] = []

    beforeAll(async () => {
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
    })

    const newPage = async (): Promise<Page> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      page.on("pageerror", (err) => pageErrors.push(err.message))
      return page
    }

    it("sends a visitor who is not logged in to the login page", async () => {
      const page = await newPage()
      await page.goto(`${base}/app/cashless`)
      await page.waitForURL(/\/app\/login/, { timeout: 60_000 })
      // The URL changes before the login form renders: wait for the form, not just the URL.
      await page.locator('input[name="email"]').waitFor({ state: "visible", timeout: 60_000 })
      expect(await page.locator('input[name="email"]').isVisible()).toBe(true)
      await page.close()
    })

    it("shows Cashless in the sidebar and the live status after login with the printed credentials", async () => {
      const { email, password } = printed(run)
      const page = await newPage()
      await page.goto(`${base}/app/login`)
      await page.fill('input[name="email"]', email)
      await page.fill('input[name="password"]', password)
      await page.click('button[type="submit"]')
      await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })

      const sidebarLink = page.getByRole("link", { name: "Cashless" })
      await sidebarLink.waitFor({ timeout: 60_000 })
      await sidebarLink.click()
      await page.waitForURL(/\/app\/cashless$/)

      await page.getByText("Event bus").waitFor({ timeout: 60_000 })
      const text = await page.locator("main").innerText()
      expect(text).toContain(`${pluginPackage.name} ${pluginPackage.version}`)
      expect(text).toMatch(/Event bus\s+In-memory \(single process\)/)
      expect(text).toMatch(/Workflow engine\s+In-memory \(single process\)/)
      expect(text).toMatch(/Locking\s+In-memory \(single process\)/)
      expect(text).toMatch(/PostgreSQL 18\.\d+ · medusa_cashless on localhost:\d+ \(embedded\)/)
      expect(pageErrors).toEqual([])
      await page.close()
    })
  })

  describePgbench("npm run bench -- floors against it", () => {
    it("measures every floor without errors and writes the report", async () => {
      const resultsDir = path.join(dataDir, "bench-results")
      const { email, password } = printed(run)
      const bench = spawnSync(process.execPath, ["bench/run.mjs", "floors"], {
        cwd: path.resolve(appDir, "../.."),
        encoding: "utf8",
        env: {
          ...process.env,
          BENCH_URL: base,
          BENCH_EMAIL: email,
          BENCH_PASSWORD: password,
          BENCH_DATABASE_URL: `postgres://postgres:postgres@localhost:${pgPort}/postgres`,
          BENCH_DURATION: "1",
          BENCH_CONNECTIONS: "2",
          BENCH_RESULTS_DIR: resultsDir,
        },
      })
      expect(bench.stderr).toBe("")
      expect(bench.status).toBe(0)
      expect(bench.stdout).toMatch(/req\/s\s+p50 ms\s+p95 ms\s+p99 ms/)
      const report = JSON.parse(await readFile(path.join(resultsDir, "floors.json"), "utf8"))
      expect(report.floors.http.map((r: { title: string }) => r.title)).toEqual([
        "floor: GET /health",
        "floor: authenticated plugin no-op",
        "floor: no-op workflow",
      ])
      for (const row of report.floors.http) {
        expect(row.requests).toBeGreaterThan(0)
        expect(row.non_2xx).toBe(0)
        expect(row.errors).toBe(0)
        expect(row.p50_ms).toBeLessThanOrEqual(row.p95_ms)
        expect(row.p95_ms).toBeLessThanOrEqual(row.p99_ms)
      }
      expect(report.floors.pgbench.tps).toBeGreaterThan(0)
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
    expect(run.output()).toContain("embedded PostgreSQL stopped")
  })
})
