import { Button, Tooltip } from "@medusajs/ui"

/**
 * The wallet page's Refund action. Off, it says why on hover and to screen readers: a disabled
 * button gets no pointer events, so the tooltip hangs on a wrapper.
 */
export const RefundButton = ({ blockedReason, onClick }: { blockedReason: string | null; onClick: () => void }) =>
  blockedReason ? (
    <Tooltip content={blockedReason}>
      <span tabIndex={0} title={blockedReason} data-refund-blocked>
        <Button size="small" variant="secondary" disabled>
          Refund
        </Button>
      </span>
    </Tooltip>
  ) : (
    <Button size="small" variant="secondary" onClick={onClick}>
      Refund
    </Button>
  )
