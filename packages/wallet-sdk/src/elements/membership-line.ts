import type { PublicMembership } from "../types.js"
import { type Lang, translate } from "./i18n.js"
import { formatDate } from "./money.js"

/** "Member (Plan) until 31 Dec 2026", "Membership expired…", or "No membership". */
export function membershipMessage(m: Pick<PublicMembership, "status" | "plan" | "ends_at">, lang: Lang): string {
  const plan = m.plan?.name ?? ""
  const end = formatDate(m.ends_at, lang)
  if (m.status === "valid") return translate(lang, end ? "membershipValid" : "membershipValidNoEnd", { plan, end })
  if (m.status === "expired") return translate(lang, "membershipExpired", { plan, end })
  return translate(lang, "membershipNone")
}
