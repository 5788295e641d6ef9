import { randomBytes } from "node:crypto"

/** A UID no other test uses: 7 bytes, as on NTAG and DESFire cards. */
export const newUid = () => `04${randomBytes(6).toString("hex").toUpperCase()}`

let serial = 0
/** A printed number no other test uses. */
export const newNumber = (prefix = "T") => `${prefix}${Date.now().toString(36)}${++serial}`
