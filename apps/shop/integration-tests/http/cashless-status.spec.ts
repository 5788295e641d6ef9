import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin-session"
import { pluginPackage } from "../helpers/plugin-package"

jest.setTimeout(120_000)

// The runner reads medusa-config before applying its `env` option, so set it here.
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    describe("GET /admin/cashless/status (single process, no Redis)", () => {
      it("refuses an unauthenticated caller with 401 and no status", async () => {
        const res = await api.get("/admin/cashless/status", { validateStatus: () => true })
        expect(res.status).toBe(401)
        expect(res.data.plugin).toBeUndefined()
      })

      it("reports the plugin and the in-memory infrastructure this process loaded", async () => {
        const auth = await adminHeaders(getContainer(), api)
        const res = await api.get("/admin/cashless/status", auth)
        expect(res.status).toBe(200)
        expect(res.data.plugin).toEqual(pluginPackage)
        expect(res.data.infrastructure).toEqual({
          event_bus: "in-memory",
          workflow_engine: "in-memory",
          locking: "in-memory",
        })
        expect(res.data.database).toMatchObject({
          engine: "postgres",
          name: dbConfig.dbName,
          embedded: false,
        })
        expect(res.data.database.server_version).toMatch(/^\d+/)
        expect(res.data.worker_mode).toBe("shared")
      })
    })

    describe("GET /admin/cashless/ping", () => {
      it("answers only authenticated staff", async () => {
        const anonymous = await api.get("/admin/cashless/ping", { validateStatus: () => true })
        expect(anonymous.status).toBe(401)
        const auth = await adminHeaders(getContainer(), api)
        const res = await api.get("/admin/cashless/ping", auth)
        expect(res.status).toBe(200)
        expect(res.data.ok).toBe(true)
        expect(Number.isNaN(Date.parse(res.data.time))).toBe(false)
      })
    })
  },
})
