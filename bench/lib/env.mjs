/**
 * A benchmark setting from the environment: positive integers separated by commas (`1,16,64`),
 * or `fallback` when unset. A typo stops the run rather than measuring something else.
 */
export function positiveInts(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === "") return fallback
  const values = raw.split(",").map((v) => Number(v.trim()))
  if (!values.length || values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new Error(`${name} must be positive integers separated by commas, not "${raw}"`)
  }
  return values
}
