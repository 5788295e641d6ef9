import { Badge } from "@medusajs/ui"
import { tenderLabel } from "../../lib/points-of-sale"

/** The ways a point of sale is paid, in the server's order. */
export const TenderBadges = ({ tenders }: { tenders: string[] }) => (
  <div className="flex flex-wrap gap-1">
    {tenders.map((t) => (
      <Badge key={t} size="2xsmall" color="grey">
        {tenderLabel(t)}
      </Badge>
    ))}
  </div>
)
