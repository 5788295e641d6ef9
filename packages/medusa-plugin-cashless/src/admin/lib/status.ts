import { useQuery } from "@tanstack/react-query"
import type { CashlessStatusResponse } from "../../types/http/status"
import { sdk } from "./sdk"

export type { CashlessStatusResponse, InfrastructureKind } from "../../types/http/status"

export const useCashlessStatus = () =>
  useQuery({
    queryKey: ["cashless", "status"],
    queryFn: () => sdk.client.fetch<CashlessStatusResponse>("/admin/cashless/status"),
    refetchInterval: 15_000,
  })
