import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { StaffList, StaffMe, StaffMember, StaffRole } from "../../types/http/staff"
import { sdk } from "./sdk"

export type { StaffList, StaffMe, StaffMember, StaffRole }

/** Kept in the order of the server's STAFF_ROLES, lowest first. */
export const ROLE_OPTIONS: { value: StaffRole; label: string; text: string }[] = [
  { value: "cashier", label: "Cashier", text: "Sells and tops up at the points of sale assigned to them; reads cards, wallets and memberships." },
  { value: "manager", label: "Manager", text: "Also refunds, reverses, gives gift credit, changes cards and memberships, imports, closes tills." },
  { value: "admin", label: "Admin", text: "Everything: also adjusts balances, edits plans and points of sale, gives roles." },
]

export const ROLE_COLOR: Record<StaffRole, "blue" | "orange" | "purple"> = { cashier: "blue", manager: "orange", admin: "purple" }

export type PointOfSaleOption = { id: string; name: string }

const ROOT = ["cashless", "staff"] as const

export const useStaff = () =>
  useQuery({ queryKey: [...ROOT, "list"], queryFn: () => sdk.client.fetch<StaffList>("/admin/cashless/staff") })

/**
 * The points of sale to assign, when the server has the route (the till's admin routes come
 * with #7); without it the drawer edits the role only.
 */
export const usePointsOfSale = () =>
  useQuery({
    queryKey: ["cashless", "points-of-sale", "options"],
    queryFn: () => sdk.client.fetch<{ points_of_sale: PointOfSaleOption[] }>("/admin/cashless/points-of-sale"),
    retry: false,
  })

export const useSetStaff = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ user_id, ...body }: { user_id: string; role: StaffRole | null; point_of_sale_ids?: string[] }) =>
      sdk.client.fetch<{ staff: StaffMember }>(`/admin/cashless/staff/${user_id}`, { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: ROOT }),
  })
}

export const staffName = (s: Pick<StaffMember, "first_name" | "last_name" | "email" | "user_id">) =>
  [s.first_name, s.last_name].filter(Boolean).join(" ") || s.email || s.user_id
