import { mkdir } from "node:fs/promises"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
export const CHROMIUM_INSTALL = "apt-get install chromium, or set CHROMIUM_PATH"

/** Headless Debian Chromium; the flags keep it from calling out to a network it cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/** Where the browser suites leave their screenshots (git-ignored), for a person to look at after a run. */
export const SCREENSHOT_DIR = process.env.CASHLESS_SCREENSHOTS || path.resolve(__dirname, "../../.screenshots")

/** A full-page screenshot named `<suite>-<step>.png`; answers its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
