import { DICTIONARIES, detectLang, LANGS, placeholdersOf, translate } from "../i18n"

describe("the till's dictionary", () => {
  const keys = Object.keys(DICTIONARIES.en).sort()

  it.each(LANGS)("has every key in %s, none empty", (lang) => {
    expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual(keys)
    for (const key of keys) expect(DICTIONARIES[lang][key as keyof typeof DICTIONARIES.en].trim()).not.toBe("")
  })

  it("asks for the same placeholders in every language", () => {
    for (const key of keys) {
      const expected = placeholdersOf(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en])
      for (const lang of LANGS) expect([key, placeholdersOf(DICTIONARIES[lang][key as keyof typeof DICTIONARIES.en])]).toEqual([key, expected])
    }
  })

  it("fills placeholders, keeps an unfilled one visible and trims what an empty one leaves", () => {
    expect(translate("en", "till_of", { pos: "Café bar" })).toBe("Till · Café bar")
    expect(translate("fr", "split_cash", { amount: "3,00 EUR" })).toBe("Reste en espèces : 3,00 EUR")
    expect(translate("en", "till_of")).toBe("Till · {pos}")
    expect(translate("en", "membership_valid_life", { plan: "" })).toBe("Member for life")
  })
})

describe("detectLang", () => {
  it("prefers the till's own choice, then the admin's language, then the browser's, then English", () => {
    expect(detectLang("fr", "en", "en-GB")).toBe("fr")
    expect(detectLang(null, "fr", "en-GB")).toBe("fr")
    expect(detectLang(null, "de", "fr-FR")).toBe("fr")
    expect(detectLang(null, null, "FR")).toBe("fr")
    expect(detectLang(null, null, "de-DE")).toBe("en")
    expect(detectLang("xx", null, undefined)).toBe("en")
  })
})
