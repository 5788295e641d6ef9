import { Heading, Text } from "@medusajs/ui"
import type { MembershipCheck, TillCard } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import { Pill } from "./status-pills"

const dateOf = (iso: string | null, lang: string) => (iso ? new Date(iso).toLocaleDateString(lang === "fr" ? "fr-FR" : "en-GB") : "")

/** Valid / expired / none, in words and in colour (green / orange / grey). */
export const MembershipPill = ({ check }: { check: MembershipCheck | undefined }) => {
  const { t, lang } = useI18n()
  const plan = check?.plan?.name ? `(${check.plan.name})` : ""
  if (check?.status === "valid") {
    return (
      <Pill tone="green" testId="membership-status">
        {check.ends_at ? t("membership_valid_until", { plan, date: dateOf(check.ends_at, lang) }) : t("membership_valid_life", { plan })}
      </Pill>
    )
  }
  if (check?.status === "expired") {
    return <Pill tone="orange" testId="membership-status">{t("membership_expired", { plan, date: dateOf(check.ends_at, lang) })}</Pill>
  }
  return <Pill tone="grey" testId="membership-status">{t("membership_none")}</Pill>
}

/** Who holds the card, what it holds, and whether they are a member: what the cashier reads out after a tap. */
export const HolderPanel = ({ card, heading }: { card: TillCard; heading?: string }) => {
  const { t, lang } = useI18n()
  const number = card.printed_number ?? card.uid
  const name = card.holder ? card.holder.name || card.holder.email || card.holder.id : t("holder_anonymous", { number })
  return (
    <section aria-label={heading ?? t("holder_title")} data-testid="holder-panel" className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading level="h3" className="text-xl" data-testid="holder-name">
          {name}
        </Heading>
        {card.holder && <Text className="text-ui-fg-subtle">{t("card_number", { number })}</Text>}
      </div>
      {card.status !== "active" && card.status !== "new" && (
        <Pill tone="red" testId="card-status">{t(`card_status_${card.status}`)}</Pill>
      )}
      <MembershipPill check={card.membership} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-lg">
        {card.balances.length === 0 && (
          <>
            <dt>{t("balance_money")}</dt>
            <dd className="text-right font-semibold">{t("balance_empty")}</dd>
          </>
        )}
        {/* Money first, then gift credit: the order the wallet spends them is the other way, but money is what people ask about. */}
        {[...card.balances].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "gift" ? 1 : -1)).map((b) => (
          <div key={b.asset_code} className="contents" data-asset={b.asset_code}>
            <dt>{b.kind === "gift" ? t("balance_gift") : t("balance_money")}</dt>
            <dd className="whitespace-nowrap text-right font-semibold tabular-nums" data-testid={`balance-${b.asset_code}`}>
              {formatAmount(b.balance, b.currency_code, lang)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
