import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { DurationUnit } from "../../modules/membership/lib/duration"
import type { MemberProblem } from "../../modules/membership/lib/member-import"
import type {
  MembershipCheck,
  MembershipRecord,
  MembershipSource,
  MembershipState,
  PlanRecord,
} from "../../modules/membership/types"
import type { CardStatus } from "./cards"
import { sdk } from "./sdk"

export type { DurationUnit, MembershipCheck, MembershipSource, MembershipState, PlanRecord }

/** `membershipViews` (api/admin/cashless/memberships/membership-view.ts) once it has gone through JSON. */
export type MembershipView = MembershipRecord & {
  holder: { id: string; email: string | null; name: string | null } | null
  card: { id: string; name: string; status: CardStatus } | null
}

export type MembershipList = { memberships: MembershipView[]; count: number; limit: number; offset: number }

/** The synchronous answer of `POST /admin/cashless/membership-imports`. */
export type MemberImportSummary = {
  total_rows: number
  imported: number
  already_imported: number
  skipped: number
  customers_created: number
  problems: MemberProblem[]
}

export type MembershipFilter = { state?: MembershipState; plan_id?: string; q?: string }

export const MEMBERSHIP_STATES: MembershipState[] = ["valid", "expired", "upcoming", "cancelled"]

export const STATE_COLOR: Record<MembershipState, "green" | "orange" | "blue" | "grey"> = {
  valid: "green",
  expired: "orange",
  upcoming: "blue",
  cancelled: "grey",
}

/** Kept in the order of the server's DURATION_UNITS; importing that constant would bundle luxon into the admin. */
export const DURATION_UNIT_LABEL: Record<DurationUnit, string> = {
  hours: "Hours",
  days: "Days",
  months: "Months",
  calendar_year: "Calendar year (to 31 December)",
  school_year: "School year (to 31 August)",
  lifetime: "Lifetime",
}

export const SOURCE_LABEL: Record<MembershipSource, string> = {
  order: "Online order",
  till: "Till",
  admin: "Staff",
  import: "Import",
}

/** Every query of the membership pages starts with this key: a write refreshes them all at once. */
const ROOT = ["cashless", "memberships"] as const

const defined = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ""))

export const usePlans = () =>
  useQuery({
    queryKey: [...ROOT, "plans"],
    queryFn: () => sdk.client.fetch<{ plans: PlanRecord[] }>("/admin/cashless/membership-plans"),
  })

export const useMemberships = (params: MembershipFilter & { limit: number; offset: number }) =>
  useQuery({
    queryKey: [...ROOT, "list", params],
    queryFn: () => sdk.client.fetch<MembershipList>("/admin/cashless/memberships", { query: defined(params) }),
    placeholderData: keepPreviousData,
  })

/** The CSV export of what the Members table shows, every page at once. A plain link: the session cookie authenticates it. */
export const membershipsCsvUrl = (filter: MembershipFilter) =>
  `/admin/cashless/memberships?${new URLSearchParams({ ...(defined(filter) as Record<string, string>), format: "csv" })}`

export const useCustomerMemberships = (customerId: string) =>
  useQuery({
    queryKey: [...ROOT, "customer", customerId],
    queryFn: () =>
      sdk.client.fetch<{ membership: MembershipCheck; memberships: MembershipView[] }>(
        `/admin/cashless/customers/${customerId}/memberships`
      ),
  })

/** A grant or a cancellation moves customers between member groups too: refresh the customer pages as well. */
const useMembershipWrite = <TBody, TResult>(write: (body: TBody) => Promise<TResult>) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ROOT }), client.invalidateQueries({ queryKey: ["customers"] })]),
  })
}

const post = <T>(path: string, body: Record<string, unknown>) => sdk.client.fetch<T>(path, { method: "POST", body })

export type PlanBody = {
  name: string
  description: string | null
  duration_unit: DurationUnit
  duration_count: number
  customer_group_id: string | null
  allow_parallel: boolean
  variant_ids: string[]
}

export const useCreatePlan = () =>
  useMembershipWrite((body: PlanBody) => post<{ plan: PlanRecord }>("/admin/cashless/membership-plans", body))

export const useUpdatePlan = () =>
  useMembershipWrite(({ id, ...body }: Partial<PlanBody> & { id: string; archived?: boolean }) =>
    post<{ plan: PlanRecord }>(`/admin/cashless/membership-plans/${id}`, body)
  )

export type GrantBody = {
  plan_id: string
  customer_id?: string
  card_id?: string
  periods?: number
  starts_at?: string
  ends_at?: string
  note?: string
  idempotency_key: string
}

export const useGrantMembership = () =>
  useMembershipWrite((body: GrantBody) =>
    post<{ membership: MembershipView; created: boolean }>("/admin/cashless/memberships", body)
  )

export const useCancelMembership = () =>
  useMembershipWrite(({ id, reason }: { id: string; reason: string }) =>
    post<{ membership: MembershipView; changed: boolean }>(`/admin/cashless/memberships/${id}/cancel`, { reason })
  )

export const useImportMembers = () =>
  useMembershipWrite((body: { csv: string }) => post<{ import: MemberImportSummary }>("/admin/cashless/membership-imports", body))

/* Medusa's own admin routes the drawers pick from. */

export type CustomerGroupOption = { id: string; name: string }

export const useCustomerGroups = () =>
  useQuery({
    queryKey: ["cashless", "customer-groups"],
    queryFn: () =>
      sdk.client.fetch<{ customer_groups: CustomerGroupOption[] }>("/admin/customer-groups", {
        query: { fields: "id,name", limit: 200, order: "name" },
      }),
    staleTime: 60_000,
  })

export type CustomerOption = { id: string; email: string; first_name: string | null; last_name: string | null }

export const useCustomerSearch = (q: string) =>
  useQuery({
    queryKey: ["cashless", "customer-search", q],
    enabled: q.trim().length > 0,
    queryFn: () =>
      sdk.client.fetch<{ customers: CustomerOption[] }>("/admin/customers", {
        query: { q: q.trim(), fields: "id,email,first_name,last_name", limit: 10 },
      }),
    placeholderData: keepPreviousData,
  })

export type ProductOption = { id: string; title: string; variants: { id: string; title: string | null }[] | null }

export const useProductSearch = (q: string) =>
  useQuery({
    queryKey: ["cashless", "product-search", q],
    queryFn: () =>
      sdk.client.fetch<{ products: ProductOption[] }>("/admin/products", {
        query: { ...(q.trim() ? { q: q.trim() } : {}), fields: "id,title,variants.id,variants.title", limit: 10 },
      }),
    placeholderData: keepPreviousData,
  })

/** "Camille Martin", or the email when the customer has no name. */
export const customerLabel = (c: { email: string | null; first_name?: string | null; last_name?: string | null; name?: string | null }) =>
  c.name ?? ([c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || "")

/** Who holds the membership: the customer, or the anonymous card it stays on until the card is bound. */
export const holderLabel = (m: MembershipView) =>
  m.holder ? customerLabel(m.holder) || m.holder.id : m.card ? `Card ${m.card.name} (anonymous)` : "Anonymous card"

/** "T-shirt · M" for the variants a plan already has: the plan itself only knows their ids. */
export const useVariantNames = (ids: string[]) =>
  useQuery({
    queryKey: ["cashless", "variant-names", [...ids].sort()],
    enabled: ids.length > 0,
    queryFn: async () => {
      const { variants } = await sdk.client.fetch<{ variants: { id: string; title: string | null; product?: { title: string } | null }[] }>(
        "/admin/product-variants",
        { query: { id: ids, fields: "id,title,product.title", limit: ids.length } }
      )
      return Object.fromEntries(variants.map((v) => [v.id, [v.product?.title, v.title].filter(Boolean).join(" · ") || v.id]))
    },
    staleTime: 60_000,
  })
