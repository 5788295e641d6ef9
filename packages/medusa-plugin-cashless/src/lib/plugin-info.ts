import { createRequire } from "node:module"

export const PLUGIN_NAME = "medusa-plugin-cashless"

type PackageJson = { name: string; version: string }

let cached: PackageJson | undefined

/**
 * Read through the package's own `exports` entry so the answer is right both from the
 * workspace source and from the published `.medusa/server` build.
 */
export function pluginInfo(): PackageJson {
  if (!cached) {
    const req = createRequire(__filename)
    const pkg = req(`${PLUGIN_NAME}/package.json`) as PackageJson
    cached = { name: pkg.name, version: pkg.version }
  }
  return cached
}
