import { Button } from "@medusajs/ui"
import { useState } from "react"
import type { TillCard } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { CardLookup } from "./card-lookup"
import { HolderPanel } from "./holder-panel"
import { Panel } from "./panel"

/** Who is this card, what does it hold, are they a member: reads only, so the printed QR code may do it too. */
export const CheckCardScreen = ({ onDone }: { onDone: () => void }) => {
  const { t } = useI18n()
  const [card, setCard] = useState<TillCard | null>(null)
  if (!card) return <CardLookup title={t("check_title")} allowQr onCard={setCard} onCancel={onDone} />
  return (
    <Panel title={t("check_result_title")} onEscape={() => setCard(null)} testId="check-result">
      <HolderPanel card={card} />
      <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
        <Button variant="secondary" size="xlarge" onClick={onDone}>
          {t("done")}
        </Button>
        <Button size="xlarge" onClick={() => setCard(null)} data-autofocus="">
          {t("check_another")}
        </Button>
      </div>
    </Panel>
  )
}
