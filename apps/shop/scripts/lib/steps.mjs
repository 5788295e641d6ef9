// Step-by-step progress for the dev launcher, and child commands whose output is kept
// so a failure can say why.
import { spawn } from "node:child_process"

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text)
export const bold = (t) => paint(1, t)
export const green = (t) => paint(32, t)
export const red = (t) => paint(31, t)
export const dim = (t) => paint(2, t)

export class StepError extends Error {
  constructor(step, cause) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.step = step
  }
}

export function createProgress(total) {
  let index = 0
  return async function step(title, fn) {
    index += 1
    const started = Date.now()
    console.log(`${bold(`[cashless ${index}/${total}]`)} ${title}…`)
    try {
      const result = await fn()
      console.log(`${green("  ✔")} ${title} ${dim(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)}`)
      return result
    } catch (err) {
      throw new StepError(title, err)
    }
  }
}

/** Runs a command to completion; on failure the error carries its last output lines. */
export function run(command, args, { cwd, env, verbose = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    const tail = []
    const keep = (chunk) => {
      const text = chunk.toString()
      if (verbose) process.stdout.write(text)
      for (const line of text.split("\n")) {
        if (!line.trim()) continue
        tail.push(line)
        if (tail.length > 30) tail.shift()
      }
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    child.on("error", (err) => reject(new Error(`could not run ${command}: ${err.message}`)))
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(tail)
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
      reject(new Error(`\`${[command, ...args].join(" ")}\` ${how}\n${tail.join("\n")}`))
    })
  })
}
