import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin-session"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithRedis } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(120_000)

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"

const describeRedis = describeWithRedis(redisUrl)

describeRedis("with REDIS_URL set", () => {
  // The runner reads medusa-config before applying its `env` option, so set it here.
  process.env.REDIS_URL = redisUrl

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      it("switches the event bus, the workflow engine and locking to Redis", async () => {
        const auth = await adminHeaders(getContainer(), api)
        const res = await api.get("/admin/cashless/status", auth)
        expect(res.status).toBe(200)
        expect(res.data.infrastructure).toEqual({
          event_bus: "redis",
          workflow_engine: "redis",
          locking: "redis",
        })
      })
    },
  })
})
