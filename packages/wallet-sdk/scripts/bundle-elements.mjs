// The web components as one IIFE file for a <script> tag; also used by the browser test, which
// bundles the sources afresh rather than trust a dist/ left from an earlier build.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

const options = {
  entryPoints: [path.join(pkg, "src/elements/register.ts")],
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: false,
  sourcemap: false,
  legalComments: "none",
}

export async function bundleElements(outfile) {
  await build({ ...options, outfile })
  return outfile
}

/** The bundle as text, written nowhere: the dev launcher's partner page serves it fresh. */
export async function bundleElementsText() {
  const result = await build({ ...options, write: false, outfile: "cashless-elements.js" })
  return result.outputFiles[0].text
}

// `node scripts/bundle-elements.mjs <outfile>`: the browser test bundles this way.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(await bundleElements(path.resolve(process.argv[2] ?? path.join(pkg, "dist/cashless-elements.js"))))
}
