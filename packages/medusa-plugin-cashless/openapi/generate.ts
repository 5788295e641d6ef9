import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { buildDocument } from "./document"

/** Where the description is committed, from the repository's root. */
export const OPENAPI_FILE = join(__dirname, "..", "..", "..", "docs", "openapi", "cashless.openapi.json")

export function renderDocument(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string }
  return `${JSON.stringify(buildDocument(version), null, 2)}\n`
}

/** `npm run openapi` writes the file; `-- --check` fails when the committed one differs. */
function main(argv: string[]) {
  const text = renderDocument()
  if (argv.includes("--check")) {
    let committed = ""
    try {
      committed = readFileSync(OPENAPI_FILE, "utf8")
    } catch {
      // Missing counts as different.
    }
    if (committed !== text) {
      console.error(`${OPENAPI_FILE} is out of date: run \`npm run openapi\` and commit it.`)
      process.exit(1)
    }
    console.log(`${OPENAPI_FILE} is up to date.`)
    return
  }
  writeFileSync(OPENAPI_FILE, text)
  console.log(`Wrote ${OPENAPI_FILE}`)
}

if (require.main === module) main(process.argv.slice(2))
