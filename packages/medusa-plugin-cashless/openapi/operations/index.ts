import { ADMIN_OPERATIONS } from "./admin"
import { DEVICE_OPERATIONS } from "./devices"
import type { Operation } from "./operation"
import { PAGE_OPERATIONS } from "./pages"
import { STORE_OPERATIONS } from "./store"

export type { Operation } from "./operation"

export const OPERATIONS: Operation[] = [...ADMIN_OPERATIONS, ...STORE_OPERATIONS, ...DEVICE_OPERATIONS, ...PAGE_OPERATIONS]

/** `/admin/cashless/wallets/:id` → `/admin/cashless/wallets/{id}` */
export const openApiPath = (matcher: string) => matcher.replace(/:(\w+)/g, "{$1}")
