import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/**
 * MEMBERS_ONLY_KEY of src/lib/members-only.ts, repeated: that file imports the server framework,
 * which must not end up in the admin bundle.
 */
export const MEMBERS_ONLY_KEY = "cashless_members_only"

/** As the server reads it: only `"true"` or `true` restricts the product. */
export const isMembersOnly = (metadata: Record<string, unknown> | null | undefined) =>
  metadata?.[MEMBERS_ONLY_KEY] === true || metadata?.[MEMBERS_ONLY_KEY] === "true"

type ProductMetadata = { product: { id: string; metadata: Record<string, unknown> | null } }

/**
 * Sets or clears the flag, keeping the product's other metadata. Medusa merges metadata and
 * deletes a key set to "", which is how the flag is removed.
 */
export const useSetMembersOnly = (productId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ metadata, on }: { metadata: Record<string, unknown> | null | undefined; on: boolean }) =>
      sdk.client.fetch<ProductMetadata>(`/admin/products/${productId}`, {
        method: "POST",
        body: { metadata: { ...metadata, [MEMBERS_ONLY_KEY]: on ? "true" : "" } },
        query: { fields: "id,metadata" },
      }),
    // The product page's own query holds the metadata too (the dashboard keys it under "products").
    onSuccess: () => client.invalidateQueries({ queryKey: ["products"] }),
  })
}
