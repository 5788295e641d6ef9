import { Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

const SECTIONS = [
  { to: "/cashless/till", title: "Till", text: "The cashier's point of sale: sell, tap cards, top up, refund, close with the Ticket Z." },
  { to: "/cashless/door", title: "Door", text: "Ticket check-in at an entrance: scan a ticket's QR code or tap the holder's card." },
  { to: "/cashless/points-of-sale", title: "Points of sale", text: "Bars and gates: products shown, tenders taken, sessions and their Ticket Z." },
  { to: "/cashless/devices", title: "Devices", text: "Card readers paired to points of sale: pair with a one-time code, see which are online, revoke." },
  { to: "/cashless/wallets", title: "Wallets", text: "Balances and ledger history of customers and cards; Verify ledger." },
  { to: "/cashless/cards", title: "Cards", text: "NFC cards by batch: block, declare lost, bind, replace, import." },
  { to: "/cashless/memberships", title: "Memberships", text: "Plans, members, grants, cancellations and member imports." },
  { to: "/cashless/events", title: "Events", text: "Ticketed events: ticket types, capacity, the tickets sold, check-ins, cancellations and refunds." },
  { to: "/cashless/staff", title: "Staff", text: "Cashless roles (cashier, manager, admin) and the points of sale each cashier works at." },
] as const

/** The pages of Cashless, for staff who land here rather than on the sidebar's sub-items. */
export const SectionLinks = () => (
  <nav aria-label="Cashless sections" className="flex flex-col divide-y">
    <div className="px-6 py-4">
      <Heading level="h2">Sections</Heading>
    </div>
    {SECTIONS.map((s) => (
      <Link key={s.to} to={s.to} className="hover:bg-ui-bg-base-hover flex flex-col px-6 py-3">
        <Text size="small" weight="plus" leading="compact">
          {s.title}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {s.text}
        </Text>
      </Link>
    ))}
  </nav>
)
