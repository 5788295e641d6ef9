import { readFileSync } from "node:fs"
import path from "node:path"

/** The package's version, sent to the server on pairing and with each status. */
export const AGENT_VERSION: string = (() => {
  try {
    // ../package.json from both src/ (tests) and dist/ (the installed CLI).
    return JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version
  } catch {
    return "unknown"
  }
})()
