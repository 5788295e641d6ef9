import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { WalletView } from "../lib/wallets"

/**
 * The holder, linked to their customer page, or "anonymous" for a card's wallet. Only inline
 * elements: it is also shown inside a paragraph (StatusRow's value).
 */
export const WalletCustomer = ({ customer, link = false }: { customer: WalletView["customer"]; link?: boolean }) => {
  if (!customer) {
    return (
      <Text as="span" size="small" leading="compact" className="text-ui-fg-muted">
        anonymous
      </Text>
    )
  }
  const name = customer.name ?? customer.email ?? customer.id
  const email = customer.name && customer.email ? customer.email : null
  return (
    <span className="flex flex-col">
      {link ? (
        <Link
          to={`/customers/${customer.id}`}
          className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover w-fit"
          onClick={(e) => e.stopPropagation()}
        >
          {name}
        </Link>
      ) : (
        <Text as="span" size="small" leading="compact">
          {name}
        </Text>
      )}
      {email && (
        <Text as="span" size="xsmall" leading="compact" className="text-ui-fg-subtle">
          {email}
        </Text>
      )}
    </span>
  )
}
