// Each test file boots its own Medusa; MikroORM's metadata must not leak between them.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
// Medusa's info logs (link sync, loaders) bury jest's failure reports; warnings still show.
process.env.LOG_LEVEL ??= "warn"
