import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { infrastructureModules } from "./src/infrastructure-modules"
import { paymentModule } from "./src/payment-providers"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const isProduction = process.env.NODE_ENV === "production"
const devSecret = (name: string) => {
  const value = process.env[name]
  if (value) return value
  if (isProduction) throw new Error(`${name} must be set in production`)
  return "supersecret"
}

const adminCors = process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173"
const storeCors = process.env.STORE_CORS || "http://localhost:8000"
const authCors = process.env.AUTH_CORS || `${adminCors},${storeCors}`

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    redisUrl: process.env.REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors,
      adminCors,
      authCors,
      jwtSecret: devSecret("JWT_SECRET"),
      cookieSecret: devSecret("COOKIE_SECRET"),
    },
    // Plain-http local runs of a production build need non-secure cookies or logins loop.
    cookieOptions: process.env.COOKIE_SECURE === "false" ? { secure: false } : undefined,
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  plugins: [
    {
      resolve: "medusa-plugin-cashless",
      options: {
        embeddedDatabase: process.env.CASHLESS_EMBEDDED_DB === "true",
        // Cards (README, "Plugin options"): refuse or register unknown cards, one card or
        // several per customer, the address printed as a card's QR code.
        unknownCards: process.env.CASHLESS_UNKNOWN_CARDS === "register" ? "register" : "refuse",
        allowMultipleCards: process.env.CASHLESS_ALLOW_MULTIPLE_CARDS === "true",
        qrUrl: process.env.CASHLESS_QR_URL || `${process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"}/cashless/card/{token}`,
        // Tickets: the e-ticket page a ticket's QR code and e-mail link open.
        ticketUrl: process.env.CASHLESS_TICKET_URL || `${process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"}/cashless/tickets/{secret}`,
        // Memberships: where days and years begin, and when renewal reminders go out.
        timeZone: process.env.CASHLESS_TIME_ZONE || "Europe/Paris",
        membershipReminderDays: process.env.CASHLESS_MEMBERSHIP_REMINDER_DAYS
          ? Number(process.env.CASHLESS_MEMBERSHIP_REMINDER_DAYS)
          : 14,
        // Online top-ups, in cents of the cart's currency.
        topUpMinAmount: process.env.CASHLESS_TOP_UP_MIN ? Number(process.env.CASHLESS_TOP_UP_MIN) : 500,
        topUpMaxAmount: process.env.CASHLESS_TOP_UP_MAX ? Number(process.env.CASHLESS_TOP_UP_MAX) : 50_000,
      },
    },
  ],
  modules: [
    ...infrastructureModules(process.env.REDIS_URL),
    // Stripe when STRIPE_API_KEY is set (docs/stripe.md); the system provider is always there.
    ...paymentModule(),
    {
      // Emails (membership renewal reminders) go to the local provider, which logs them; a real
      // shop registers its email provider (SendGrid, Resend, …) for the "email" channel here.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local notifications (logged)", channels: ["email", "feed"] },
          },
        ],
      },
    },
  ],
})

