import type { ExecArgs } from "@medusajs/framework/types"
import { seedDemoShop } from "./seed/seed-demo-shop"

/**
 * `medusa exec ./src/scripts/seed.ts`: seeds the demo shop once. The dev launcher runs
 * it on the first start; running it again changes nothing.
 */
export default async function seed({ container }: ExecArgs) {
  const email = process.env.CASHLESS_ADMIN_EMAIL || "admin@cashless.local"
  const password = process.env.CASHLESS_ADMIN_PASSWORD
  if (!password) {
    throw new Error("CASHLESS_ADMIN_PASSWORD must be set to seed the demo admin user")
  }
  await seedDemoShop(container, { adminEmail: email, adminPassword: password })
}
