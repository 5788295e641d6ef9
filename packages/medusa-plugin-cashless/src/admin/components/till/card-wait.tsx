import { Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useI18n } from "../../lib/till/i18n-context"
import { useTaps } from "../../lib/till/reader-context"
import { ManualUid, QrFallback } from "./card-fallbacks"
import { Panel } from "./panel"
import { ReaderPill } from "./status-pills"

/**
 * "Waiting for card": the amount in big, the reader's state, and the fallbacks. The QR code is
 * offered only where the architecture lets a printed code act (top-up, balance check): a QR
 * code can be photographed, so it never spends nor refunds.
 */
export const CardWait = ({
  title,
  amount,
  note,
  prompt,
  allowQr = false,
  onCard,
  onCancel,
  children,
}: {
  title: string
  amount?: string
  /** Said under the amount: e.g. that a member pays less once the card is read. */
  note?: string
  prompt?: string
  allowQr?: boolean
  onCard: (uid: string) => void
  onCancel: () => void
  children?: ReactNode
}) => {
  const { t } = useI18n()
  useTaps((tap) => onCard(tap.uid))
  return (
    <Panel title={title} onEscape={onCancel} testId="card-wait">
      {amount && (
        <p className="text-center text-5xl font-bold tabular-nums" data-testid="waiting-total">
          {amount}
        </p>
      )}
      {note && <Text className="text-ui-fg-subtle text-center">{note}</Text>}
      <div className="flex flex-col items-center gap-y-3 py-4" aria-live="polite">
        <span aria-hidden className="border-ui-border-interactive h-20 w-20 animate-pulse rounded-full border-8" />
        <Text className="text-center text-2xl font-semibold">{prompt ?? t("tap_card")}</Text>
        <ReaderPill />
      </div>
      {children}
      <details className="flex flex-col gap-y-3">
        <summary className="cursor-pointer text-base font-medium">{t(allowQr ? "fallbacks_qr" : "fallbacks")}</summary>
        <div className="mt-3 flex flex-col gap-y-4">
          <ManualUid onUid={onCard} />
          {allowQr && <QrFallback onUid={onCard} />}
        </div>
      </details>
      <Button variant="secondary" size="xlarge" className="w-full" onClick={onCancel}>
        {t("cancel")}
      </Button>
    </Panel>
  )
}
