export default async function globalTeardown() {
  await globalThis.__cashlessEmbeddedPostgres?.stop()
}
