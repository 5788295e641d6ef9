// Builds the three shapes of the SDK and the script-tag bundle of the web components:
// dist/esm (import), dist/cjs (require), dist/types (.d.ts) with tsc, and
// dist/cashless-elements.js (one IIFE, no import needed) with esbuild.
import { execFileSync } from "node:child_process"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { bundleElements } from "./bundle-elements.mjs"

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")

rmSync(path.join(pkg, "dist"), { recursive: true, force: true })
for (const config of ["tsconfig.esm.json", "tsconfig.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", config], { cwd: pkg, stdio: "inherit" })
}
// The package has no "type", so Node reads .js as CommonJS: the ESM folder says otherwise.
mkdirSync(path.join(pkg, "dist/esm"), { recursive: true })
writeFileSync(path.join(pkg, "dist/esm/package.json"), '{ "type": "module" }\n')
writeFileSync(path.join(pkg, "dist/cjs/package.json"), '{ "type": "commonjs" }\n')
await bundleElements(path.join(pkg, "dist/cashless-elements.js"))
