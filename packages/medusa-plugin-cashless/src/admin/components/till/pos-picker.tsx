import { Button, Text } from "@medusajs/ui"
import type { PointOfSale } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { LiveMessage, Panel } from "./panel"

/** Which bar or gate this till is: the cashier's own points of sale only. */
export const PosPicker = ({ options, onPick }: { options: PointOfSale[]; onPick: (id: string) => void }) => {
  const { t } = useI18n()
  return (
    <Panel title={t("pos_title")} testId="pos-picker">
      {options.length === 0 ? (
        <LiveMessage tone="error">{t("pos_none")}</LiveMessage>
      ) : (
        <>
          <Text className="text-lg">{t("pos_choose")}</Text>
          <ul className="grid gap-3 sm:grid-cols-2">
            {options.map((p) => (
              <li key={p.id}>
                <Button size="xlarge" variant="secondary" className="h-20 w-full text-xl" onClick={() => onPick(p.id)}>
                  {p.name}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  )
}
