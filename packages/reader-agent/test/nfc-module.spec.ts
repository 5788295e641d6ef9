// nfc-pcsc is optional: when npm could not build it, the agent says what to install.
type NfcModule = typeof import("../src/sources/nfc-module")

function loadWith(failure: Error & { code?: string }): NfcModule {
  let mod!: NfcModule
  jest.isolateModules(() => {
    jest.doMock("nfc-pcsc", () => {
      throw failure
    })
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy inside isolateModules
    mod = require("../src/sources/nfc-module")
  })
  return mod
}

describe("loading nfc-pcsc", () => {
  afterEach(() => jest.dontMock("nfc-pcsc"))

  it("not installed (npm dropped the optional dependency): install libpcsclite-dev, then reinstall", () => {
    const mod = loadWith(Object.assign(new Error("Cannot find module 'nfc-pcsc'\nRequire stack: …"), { code: "MODULE_NOT_FOUND" }))
    expect(() => mod.loadNfc()).toThrow(mod.NfcUnavailableError)
    expect(() => mod.loadNfc()).toThrow(/not installed.*apt-get install pcscd libpcsclite-dev.*reinstall/)
  })

  it("installed but its addon unbuilt: npm rebuild", () => {
    const mod = loadWith(new Error("Could not locate the bindings file. Tried: …/build/Release/pcsclite.node"))
    expect(() => mod.loadNfc()).toThrow(/native addon was not built.*npm rebuild @pokusew\/pcsclite/)
  })

  it("the shared library missing at run time: install it", () => {
    const mod = loadWith(new Error("libpcsclite.so.1: cannot open shared object file: No such file or directory"))
    expect(() => mod.loadNfc()).toThrow(/PC\/SC library is missing.*apt-get install/)
  })
})
