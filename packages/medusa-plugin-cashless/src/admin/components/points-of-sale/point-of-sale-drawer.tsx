import { Alert, Checkbox, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import {
  type PointOfSale,
  type PointOfSaleBody,
  type TenderKind,
  TENDERS,
  useCollections,
  useCreatePointOfSale,
  useProductCategories,
  useSalesChannels,
  useStoreCurrencies,
  useUpdatePointOfSale,
} from "../../lib/points-of-sale"
import { errorMessage } from "../../lib/wallets"
import { CurrencySelect } from "../currency-select"
import { Field, FormDrawer } from "../form-drawer"
import { IdChecklist } from "./id-checklist"

type Errors = { name?: string; channel?: string; country?: string; tenders?: string }

/**
 * Creates a point of sale, or changes `pointOfSale` when given. `onSaved` gets the saved point
 * of sale (the list opens a new one's page).
 */
export const PointOfSaleDrawer = ({
  pointOfSale,
  onClose,
  onSaved,
}: {
  pointOfSale: PointOfSale | null
  onClose: () => void
  onSaved?: (saved: PointOfSale) => void
}) => {
  const [name, setName] = useState(pointOfSale?.name ?? "")
  const [channelId, setChannelId] = useState(pointOfSale?.sales_channel_id ?? "")
  const [country, setCountry] = useState(pointOfSale?.country_code ?? "")
  const [currency, setCurrency] = useState(pointOfSale?.currency_code ?? "")
  const [categoryIds, setCategoryIds] = useState<string[]>(pointOfSale?.category_ids ?? [])
  const [collectionIds, setCollectionIds] = useState<string[]>(pointOfSale?.collection_ids ?? [])
  const [tenders, setTenders] = useState<TenderKind[]>(pointOfSale?.tenders ?? TENDERS.map((t) => t.value))
  const [errors, setErrors] = useState<Errors>({})
  // A field's complaint goes as soon as it is changed; the others wait for the next submit.
  const edited = (field: keyof Errors) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  const channels = useSalesChannels()
  const categories = useProductCategories()
  const collections = useCollections()
  const currencies = useStoreCurrencies()
  const create = useCreatePointOfSale()
  const update = useUpdatePointOfSale()
  const failure = create.error ?? update.error

  // Until chosen, the store's default currency; the point of sale's own stays offered even when
  // the store no longer lists it.
  const currencyOptions = [...new Set([...(currencies.data ?? []), ...(pointOfSale ? [pointOfSale.currency_code] : []), ...(currencies.data?.length ? [] : ["eur"])])]
  const chosenCurrency = currency || currencyOptions[0] || "eur"
  const channelOptions = channels.data?.sales_channels ?? []
  const unknownChannel = channelId && channels.data && !channelOptions.some((c) => c.id === channelId)

  const submit = () => {
    const next: Errors = {}
    if (!name.trim()) next.name = "A name is required: cashiers pick their till by it."
    if (!channelId) next.channel = "Choose the sales channel whose products this point of sale sells."
    if (!/^[a-zA-Z]{2}$/.test(country.trim())) next.country = "A 2-letter country code, such as fr: its VAT rates apply."
    if (!tenders.length) next.tenders = "Accept at least one way to pay."
    setErrors(next)
    if (Object.keys(next).length) return
    const body: PointOfSaleBody = {
      name: name.trim(),
      sales_channel_id: channelId,
      country_code: country.trim().toLowerCase(),
      currency_code: chosenCurrency,
      // No selection means every published product of the channel, which the server stores as null.
      category_ids: categoryIds.length ? categoryIds : null,
      collection_ids: collectionIds.length ? collectionIds : null,
      // In the server's order, whatever order they were ticked in.
      tenders: TENDERS.map((t) => t.value).filter((t) => tenders.includes(t)),
    }
    const done = (message: string) => (data: { point_of_sale: PointOfSale }) => {
      toast.success(message)
      onSaved?.(data.point_of_sale)
      onClose()
    }
    if (pointOfSale) update.mutate({ id: pointOfSale.id, ...body }, { onSuccess: done(`${body.name} saved`) })
    else create.mutate(body, { onSuccess: done(`${body.name} created`) })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={pointOfSale ? `Edit ${pointOfSale.name}` : "Create point of sale"}
      description={
        pointOfSale
          ? "Changes apply to the till's next sale; closed sessions and their Ticket Z keep their figures."
          : "A bar, a stand or a gate: where it sells, what, and how it is paid."
      }
      submitLabel={pointOfSale ? "Save" : "Create point of sale"}
      isPending={create.isPending || update.isPending}
      onSubmit={submit}
    >
      <Field id="pos-name" label="Name" error={errors.name}>
        <Input
          id="pos-name"
          value={name}
          maxLength={100}
          onChange={(e) => {
            setName(e.target.value)
            edited("name")
          }}
          aria-invalid={!!errors.name}
        />
      </Field>
      <Field
        id="pos-channel"
        label="Sales channel"
        error={errors.channel ?? (unknownChannel ? `Sales channel ${channelId} no longer exists: choose another.` : null)}
        hint="The till sells this channel's published products, and its sales become orders in it."
      >
        <Select
          value={channelId}
          onValueChange={(v) => {
            setChannelId(v)
            edited("channel")
          }}
        >
          <Select.Trigger id="pos-channel" aria-label="Sales channel" aria-invalid={!!errors.channel}>
            <Select.Value placeholder={channels.isLoading ? "Loading sales channels…" : "Choose a sales channel"} />
          </Select.Trigger>
          <Select.Content>
            {channelOptions.map((c) => (
              <Select.Item key={c.id} value={c.id}>
                {c.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {channels.error && <Alert variant="error">The sales channels could not be read: {errorMessage(channels.error)}</Alert>}
      <div className="grid grid-cols-2 gap-x-4">
        <Field id="pos-country" label="Country" error={errors.country} hint="2 letters; its VAT rates apply.">
          <Input
            id="pos-country"
            value={country}
            maxLength={2}
            placeholder="fr"
            autoComplete="off"
            onChange={(e) => {
              setCountry(e.target.value)
              edited("country")
            }}
            aria-invalid={!!errors.country}
          />
        </Field>
        <Field id="pos-currency" label="Currency" hint="Prices and cash are in it.">
          <CurrencySelect id="pos-currency" currencies={currencyOptions} value={chosenCurrency} onChange={setCurrency} />
        </Field>
      </div>
      <IdChecklist
        id="pos-categories"
        legend="Product categories"
        hint="Only products in the ticked categories or collections show at the till. None ticked: every product of the channel."
        options={(categories.data?.product_categories ?? []).map((c) => ({ id: c.id, label: c.name }))}
        value={categoryIds}
        onChange={setCategoryIds}
        isLoading={categories.isLoading}
        empty="No product category in Medusa."
      />
      <IdChecklist
        id="pos-collections"
        legend="Collections"
        hint="Products of the ticked collections show at the till too."
        options={(collections.data?.collections ?? []).map((c) => ({ id: c.id, label: c.title }))}
        value={collectionIds}
        onChange={setCollectionIds}
        isLoading={collections.isLoading}
        empty="No collection in Medusa."
      />
      <fieldset className="flex flex-col gap-y-2" aria-describedby={errors.tenders ? "pos-tenders-error" : undefined}>
        <legend className="txt-compact-small-plus mb-2">Accepted tenders</legend>
        {TENDERS.map((t) => (
          <div key={t.value} className="flex items-start gap-x-2">
            <Checkbox
              id={`pos-tender-${t.value}`}
              className="mt-0.5"
              checked={tenders.includes(t.value)}
              onCheckedChange={(checked) => {
                setTenders((ts) => (checked === true ? [...ts, t.value] : ts.filter((x) => x !== t.value)))
                edited("tenders")
              }}
              aria-describedby={`pos-tender-${t.value}-text`}
            />
            <div className="flex flex-col">
              <Label htmlFor={`pos-tender-${t.value}`} size="small">
                {t.label}
              </Label>
              <Text id={`pos-tender-${t.value}-text`} size="xsmall" className="text-ui-fg-subtle">
                {t.text}
              </Text>
            </div>
          </div>
        ))}
        {errors.tenders && (
          <Text id="pos-tenders-error" size="small" className="text-ui-fg-error" role="alert">
            {errors.tenders}
          </Text>
        )}
      </fieldset>
      {failure && <Alert variant="error">{errorMessage(failure)}</Alert>}
    </FormDrawer>
  )
}
