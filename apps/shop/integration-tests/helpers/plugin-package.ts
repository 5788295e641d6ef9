import { createRequire } from "node:module"

const pkg = createRequire(__filename)("medusa-plugin-cashless/package.json") as {
  name: string
  version: string
}

export const pluginPackage = { name: pkg.name, version: pkg.version }
