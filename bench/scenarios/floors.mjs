// Only the floors: what the machine and Medusa cost before any cashless work.
export const description = "the machine's floors alone (health, authenticated no-op, no-op workflow, pgbench)"

export async function run() {
  return []
}
