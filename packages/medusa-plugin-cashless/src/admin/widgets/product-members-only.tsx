import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Alert, Container, Heading, Label, StatusBadge, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { isMembersOnly, useSetMembersOnly } from "../lib/members-only"
import { errorMessage } from "../lib/wallets"

/** Whether only valid members may buy the product, with the switch that changes it. */
const ProductMembersOnlyWidget = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  // The answer of the last write wins over the page's data until the page refetches it.
  const [metadata, setMetadata] = useState<Record<string, unknown> | null | undefined>(null)
  const current = metadata ?? product.metadata
  const on = isMembersOnly(current)
  const save = useSetMembersOnly(product.id)

  const toggle = (next: boolean) =>
    save.mutate(
      { metadata: current, on: next },
      {
        onSuccess: (res) => {
          setMetadata(res.product.metadata ?? {})
          toast.success(next ? "Members only: only valid members can buy it" : "Open to everyone")
        },
      }
    )

  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="cashless-members-only-heading">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2" id="cashless-members-only-heading">
          Members only
        </Heading>
        <StatusBadge color={on ? "blue" : "grey"}>{on ? "Members only" : "Everyone"}</StatusBadge>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Switch id="members-only" checked={on} disabled={save.isPending} onCheckedChange={toggle} />
          <Label htmlFor="members-only" size="small">
            Only valid members can buy this product
          </Label>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          A customer without a valid membership, or a guest, is refused when adding it to the cart.
        </Text>
        {save.error && <Alert variant="error">{errorMessage(save.error)}</Alert>}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductMembersOnlyWidget
