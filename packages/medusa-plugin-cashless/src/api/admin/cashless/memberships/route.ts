import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { csvField } from "../../../../lib/csv"
import { MEMBERSHIP_MODULE } from "../../../../modules/membership"
import type MembershipModuleService from "../../../../modules/membership/service"
import { grantMembershipWorkflow } from "../../../../workflows/membership/membership-workflows"
import { actorOf, withLedgerErrors } from "../helpers"
import { type GrantMembershipBody, ListMembershipsQuerySchema } from "../membership-validators"
import { membershipViews } from "./membership-view"
import { parseQuery } from "../../../parse-query"

const EXPORT_LIMIT = 10_000
const CSV_COLUMNS = ["membership_id", "email", "name", "card", "plan", "state", "starts_at", "ends_at", "source", "source_ref", "cancel_reason"]

/**
 * Memberships with their holder, filtered by state (valid, expired, upcoming, cancelled), plan,
 * customer, source or a search on the holder's name and email. `format=csv` exports every match.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const query = parseQuery(ListMembershipsQuerySchema, req.query)
    let customerIds: string[] | undefined = query.customer_id ? [query.customer_id] : undefined
    if (query.q) {
      const found = await req.scope
        .resolve<ICustomerModuleService>(Modules.CUSTOMER)
        .listCustomers({ q: query.q }, { select: ["id"], take: 1000 })
      const ids = found.map((c) => c.id)
      customerIds = customerIds ? customerIds.filter((id) => ids.includes(id)) : ids
    }
    const csv = query.format === "csv"
    const { memberships, count } = await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).listMembershipRecords({
      state: query.state,
      plan_id: query.plan_id,
      source: query.source,
      customer_ids: customerIds,
      limit: csv ? EXPORT_LIMIT : query.limit,
      offset: csv ? 0 : query.offset,
    })
    const views = await membershipViews(req.scope, memberships)
    if (!csv) return { memberships: views, count, limit: query.limit, offset: query.offset }
    const lines = [CSV_COLUMNS.join(",")]
    for (const m of views) {
      lines.push(
        [m.id, m.holder?.email ?? "", m.holder?.name ?? "", m.card?.name ?? "", m.plan_name, m.state, m.starts_at, m.ends_at ?? "", m.source, m.source_ref, m.cancel_reason ?? ""]
          .map((v) => csvField(String(v)))
          .join(",")
      )
    }
    res.setHeader("Content-Type", "text/csv; charset=utf-8")
    res.setHeader("Content-Disposition", `attachment; filename="memberships${query.state ? `-${query.state}` : ""}.csv"`)
    res.send(lines.join("\r\n") + "\r\n")
    return undefined
  })

/** Staff grant to a customer or a card, once per idempotency key. */
export const POST = async (req: AuthenticatedMedusaRequest<GrantMembershipBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const body = req.validatedBody
    const { result } = await grantMembershipWorkflow(req.scope).run({
      input: {
        plan_id: body.plan_id,
        customer_id: body.customer_id ?? null,
        card_id: body.card_id ?? null,
        periods: body.periods,
        starts_at: body.starts_at ?? null,
        ends_at: body.ends_at,
        note: body.note ?? null,
        source: "admin",
        source_ref: body.idempotency_key,
        actor: actorOf(req),
      },
    })
    res.status(result.created ? 201 : 200)
    const [view] = await membershipViews(req.scope, [result.membership])
    return { membership: view, created: result.created }
  })
