import { Alert, Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { type ReactNode, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { AdminOnlyNote } from "../../../../components/points-of-sale/admin-only-note"
import { PointOfSaleDrawer } from "../../../../components/points-of-sale/point-of-sale-drawer"
import { SessionState } from "../../../../components/points-of-sale/session-state"
import { SessionsTable } from "../../../../components/points-of-sale/sessions-table"
import { TenderBadges } from "../../../../components/points-of-sale/tender-badges"
import { formatDateTime } from "../../../../lib/dates"
import {
  countryLabel,
  useActorNames,
  useCollections,
  usePointOfSale,
  useProductCategories,
  useSalesChannels,
  useStaffMe,
  useUpdatePointOfSale,
} from "../../../../lib/points-of-sale"
import { errorMessage } from "../../../../lib/wallets"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)

/** Names for ids, the id itself for one no longer found (a deleted category). */
const namesOf = (ids: string[] | null, known: Array<{ id: string; name: string }> | undefined) =>
  (ids ?? []).map((id) => known?.find((k) => k.id === id)?.name ?? id)

const PointOfSalePage = () => {
  const { id = "" } = useParams()
  const { data, error, isLoading } = usePointOfSale(id)
  const channels = useSalesChannels()
  const categories = useProductCategories()
  const collections = useCollections()
  const me = useStaffMe()
  const actorName = useActorNames()
  const archive = useUpdatePointOfSale()
  const [editing, setEditing] = useState(false)
  const canEdit = me.data?.me.role === "admin"

  if (error) return <Alert variant="error">The point of sale could not be read: {errorMessage(error)}</Alert>
  if (isLoading || !data) return <Text size="small">Loading point of sale…</Text>
  const { point_of_sale: pos, session } = data
  const archived = !!pos.archived_at
  const categoryNames = namesOf(pos.category_ids, categories.data?.product_categories)
  const collectionNames = namesOf(
    pos.collection_ids,
    collections.data?.collections.map((c) => ({ id: c.id, name: c.title }))
  )

  const setArchived = (next: boolean) =>
    archive.mutate(
      { id: pos.id, archived: next },
      {
        onSuccess: () => toast.success(`${pos.name} ${next ? "archived" : "back in use"}`),
        onError: (err) => toast.error(`${pos.name} was not ${next ? "archived" : "unarchived"}`, { description: errorMessage(err) }),
      }
    )

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Link to="/cashless/points-of-sale" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base w-fit">
              ← Points of sale
            </Link>
            <div className="flex items-center gap-x-3">
              <Heading level="h1">{pos.name}</Heading>
              {archived && (
                <Badge size="2xsmall" color="grey">
                  Archived
                </Badge>
              )}
            </div>
          </div>
          {canEdit && (
            <div className="flex flex-wrap gap-2">
              <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button size="small" variant="secondary" isLoading={archive.isPending} onClick={() => setArchived(!archived)}>
                {archived ? "Unarchive" : "Archive"}
              </Button>
            </div>
          )}
        </div>
        {me.data && !canEdit && (
          <div className="px-6 py-4">
            <AdminOnlyNote me={me.data.me} />
          </div>
        )}
        {archived && (
          <div className="px-6 py-4">
            <Alert variant="warning">
              Archived on {formatDateTime(pos.archived_at)}: this till opens no session and sells nothing.
              {session ? " Its open session can still be closed." : ""} Its sessions and Ticket Z stay below.
            </Alert>
          </div>
        )}
        <Row label="Sales channel">{channels.data?.sales_channels.find((c) => c.id === pos.sales_channel_id)?.name ?? pos.sales_channel_id}</Row>
        <Row label="Country">{countryLabel(pos.country_code)}</Row>
        <Row label="Currency">{pos.currency_code.toUpperCase()}</Row>
        <Row label="Products">
          {categoryNames.length || collectionNames.length ? (
            <div className="flex flex-col gap-y-1">
              {categoryNames.length > 0 && <span>Categories: {categoryNames.join(", ")}</span>}
              {collectionNames.length > 0 && <span>Collections: {collectionNames.join(", ")}</span>}
            </div>
          ) : (
            "Every published product of the sales channel"
          )}
        </Row>
        <Row label="Tenders">
          <TenderBadges tenders={pos.tenders} />
        </Row>
        <Row label="Till">
          <SessionState session={session} actorName={actorName} />
        </Row>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Sessions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Newest first. A closed session's figures are those of its Ticket Z, written at the close and never recomputed.
          </Text>
        </div>
        <SessionsTable posId={pos.id} />
      </Container>
      {editing && <PointOfSaleDrawer pointOfSale={pos} onClose={() => setEditing(false)} />}
    </div>
  )
}

export default PointOfSalePage
