import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { main } from "../src/cli"
import { captureIo } from "./helpers/cli"

describe("the command line", () => {
  it.each(["run", "pair", "readers", "doctor"])("%s --help prints its usage", async (command) => {
    const cap = captureIo()
    expect(await main([command, "--help"], cap.io)).toBe(0)
    expect(cap.out.join("\n")).toMatch(new RegExp(`^Usage: cashless-reader ${command}`))
  })

  it("--help lists the commands; no command is a usage error", async () => {
    const cap = captureIo()
    expect(await main(["--help"], cap.io)).toBe(0)
    expect(cap.out.join("\n")).toContain("doctor")
    expect(await main([], captureIo().io)).toBe(2)
  })

  it("an unknown option or value is a usage error naming it", async () => {
    const cap = captureIo()
    expect(await main(["run", "--prot", "1"], cap.io)).toBe(2)
    expect(cap.text()).toContain("--prot")
    const bad = captureIo()
    expect(await main(["run", "--mode", "cloud"], bad.io)).toBe(2)
    expect(bad.text()).toContain("--mode must be local, remote or both")
  })

  it("remote mode without a pairing says how to pair", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cashless-reader-cli-"))
    const cap = captureIo({ CASHLESS_READER_CONFIG: path.join(dir, "none.json") })
    expect(await main(["run", "--mode", "remote", "--source", "stdin"], cap.io)).toBe(1)
    expect(cap.text()).toContain("cashless-reader pair <server-url> <code>")
  })
})
