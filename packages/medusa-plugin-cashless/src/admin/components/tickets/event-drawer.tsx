import { Alert, Input, Select, Switch, toast } from "@medusajs/ui"
import { useState } from "react"
import {
  createEventBody,
  emptyEventForm,
  type EventForm,
  type EventFormErrors,
  eventFormOf,
  MAX_CAPACITY,
  updateEventBody,
} from "../../lib/ticket-events"
import { type TicketEventView, useCreateTicketEvent, useStockLocations, useUpdateTicketEvent } from "../../lib/tickets"
import { errorMessage } from "../../lib/wallets"
import { Field, FormDrawer } from "../form-drawer"
import { ProductPicker } from "./product-picker"

// A Select item cannot have "" as its value.
const AUTOMATIC = "automatic"

/**
 * Creates an event, or edits one when `event` is given. The product and the stock location are
 * chosen once: the server builds the event's capacity on them in Medusa's inventory.
 */
export const EventDrawer = ({
  event,
  onClose,
  onSaved,
}: {
  event: TicketEventView | null
  onClose: () => void
  onSaved?: (event: TicketEventView) => void
}) => {
  const [form, setForm] = useState<EventForm>(() => (event ? eventFormOf(event) : emptyEventForm()))
  const [archived, setArchived] = useState(!!event?.archived_at)
  const [errors, setErrors] = useState<EventFormErrors>({})
  const create = useCreateTicketEvent()
  const update = useUpdateTicketEvent()
  const locations = useStockLocations()
  const failure = create.error ?? update.error
  const set = (key: keyof EventForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }))

  const submit = () => {
    const done = (message: string) => (res: { event: TicketEventView }) => {
      toast.success(message)
      onSaved?.(res.event)
      onClose()
    }
    if (!event) {
      const checked = createEventBody(form)
      if ("errors" in checked) return setErrors(checked.errors)
      setErrors({})
      create.mutate(checked.body, { onSuccess: done(`Event ${checked.body.name} created`) })
      return
    }
    const checked = updateEventBody(event, form)
    if ("errors" in checked) return setErrors(checked.errors)
    setErrors({})
    const archive = archived !== !!event.archived_at ? { archived } : {}
    if (!Object.keys(checked.body).length && !("archived" in archive)) return onClose()
    update.mutate({ id: event.id, ...checked.body, ...archive }, { onSuccess: done(`Event ${form.name.trim()} saved`) })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={event ? `Edit ${event.name}` : "Create event"}
      description={
        event
          ? "Tickets already sold keep their holder and status; their e-ticket shows the new name, venue and dates."
          : "A concert, a festival day, a dinner: one product sells its tickets, one variant per ticket type, all sharing the capacity."
      }
      submitLabel={event ? "Save" : "Create event"}
      isPending={create.isPending || update.isPending}
      onSubmit={submit}
    >
      {!event && (
        <Field
          id="event-product"
          label="Ticket product"
          error={errors.product_id}
          hint="Its variants are the ticket types (Standard, Reduced, VIP…) at the prices set in Medusa. A product sells one event only."
        >
          <ProductPicker
            value={form.product_id}
            invalid={!!errors.product_id}
            onChange={(p) => setForm((f) => ({ ...f, product_id: p.id, name: f.name || p.title }))}
          />
        </Field>
      )}
      <Field id="event-name" label="Name" error={errors.name}>
        <Input id="event-name" value={form.name} onChange={(e) => set("name")(e.target.value)} aria-invalid={!!errors.name} />
      </Field>
      <Field id="event-venue" label="Venue" optional>
        <Input id="event-venue" value={form.venue} onChange={(e) => set("venue")(e.target.value)} />
      </Field>
      <Field id="event-starts" label="Starts" error={errors.starts_at} hint="In your browser's time zone.">
        <Input
          id="event-starts"
          type="datetime-local"
          value={form.starts_at}
          onChange={(e) => set("starts_at")(e.target.value)}
          aria-invalid={!!errors.starts_at}
        />
      </Field>
      <Field id="event-ends" label="Ends" optional error={errors.ends_at}>
        <Input
          id="event-ends"
          type="datetime-local"
          value={form.ends_at}
          onChange={(e) => set("ends_at")(e.target.value)}
          aria-invalid={!!errors.ends_at}
        />
      </Field>
      <Field
        id="event-capacity"
        label="Capacity"
        error={errors.capacity}
        hint={
          event
            ? "Places for every ticket type together. It cannot go below the tickets already sold."
            : "Places for every ticket type together: Medusa's inventory stops selling when they are gone."
        }
      >
        <Input
          id="event-capacity"
          type="number"
          min={0}
          max={MAX_CAPACITY}
          value={form.capacity}
          onChange={(e) => set("capacity")(e.target.value)}
          aria-invalid={!!errors.capacity}
        />
      </Field>
      {!event && (
        <Field
          id="event-location"
          label="Stock location"
          optional
          hint="Where the capacity is held in Medusa's inventory. Automatic: the stock location linked to the product's sales channel."
        >
          <Select value={form.stock_location_id || AUTOMATIC} onValueChange={(v) => set("stock_location_id")(v === AUTOMATIC ? "" : v)}>
            <Select.Trigger id="event-location" aria-label="Stock location">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={AUTOMATIC}>Automatic</Select.Item>
              {locations.data?.stock_locations.map((l) => (
                <Select.Item key={l.id} value={l.id}>
                  {l.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      )}
      {event && (
        <Field
          id="event-archived"
          label="Archived"
          hint={
            archived
              ? "Ticket sales close; the event leaves the events list (unless archived events are shown) and the Door page. Its tickets stay as they are."
              : "On sale until it is over, listed with the current events and offered at the door."
          }
        >
          <Switch id="event-archived" checked={archived} onCheckedChange={setArchived} />
        </Field>
      )}
      {failure && (
        <Alert variant="error" role="alert">
          {errorMessage(failure)}
        </Alert>
      )}
    </FormDrawer>
  )
}
