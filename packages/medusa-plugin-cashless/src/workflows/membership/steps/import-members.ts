import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import { type MemberProblem, planMemberImport } from "../../../modules/membership/lib/member-import"
import type MembershipModuleService from "../../../modules/membership/service"

export type MemberImportResult = {
  total_rows: number
  imported: number
  already_imported: number
  skipped: number
  customers_created: number
  problems: MemberProblem[]
  customer_ids: string[]
}

type Undo = { grants: string[]; customers: string[] }
const CHUNK = 500

/**
 * Members from another tool: `email,plan,start[,end]`. Unknown emails become customers (without
 * an account; they can register with that email later). Each line is keyed by its email, plan and
 * start, so sending the same file again imports nothing twice.
 */
export const importMembersStep = createStep(
  "cashless-import-members",
  async (input: { csv: string; actor?: string | null }, { container }) => {
    const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    let planned: ReturnType<typeof planMemberImport>
    try {
      planned = planMemberImport(input.csv, memberships.settings.timeZone)
    } catch (err) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, (err as Error).message)
    }
    const problems = [...planned.problems]
    const plans = await memberships.listPlanRecords()
    const planOf = (ref: string) => plans.find((p) => p.id === ref) ?? plans.find((p) => p.name.toLowerCase() === ref.toLowerCase())
    const rows = planned.rows.filter((r) => {
      if (planOf(r.plan)) return true
      problems.push({ line: r.line, email: r.email, reason: `No plan is named "${r.plan}". Create it first, or fix the name.` })
      return false
    })

    const undo: Undo = { grants: [], customers: [] }
    const customerOf = new Map<string, string>()
    const emails = [...new Set(rows.map((r) => r.email))]
    try {
      for (let i = 0; i < emails.length; i += CHUNK) {
        const chunk = emails.slice(i, i + CHUNK)
        const found = await customers.listCustomers({ email: chunk }, { select: ["id", "email", "has_account"], take: null })
        // A registered account wins over a guest record with the same email.
        for (const c of found.sort((a, b) => Number(a.has_account) - Number(b.has_account))) customerOf.set(c.email!.toLowerCase(), c.id)
        const missing = chunk.filter((e) => !customerOf.has(e))
        if (missing.length) {
          const created = await customers.createCustomers(missing.map((email) => ({ email, has_account: false })))
          for (const c of created) {
            customerOf.set(c.email!.toLowerCase(), c.id)
            undo.customers.push(c.id)
          }
        }
      }
      let imported = 0
      let already = 0
      for (const r of rows) {
        const plan = planOf(r.plan)!
        try {
          const result = await memberships.grant({
            plan_id: plan.id,
            customer_id: customerOf.get(r.email)!,
            source: "import",
            source_ref: `${r.email}|${plan.id}|${r.starts_at.toISOString()}`,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            note: `Imported (line ${r.line})`,
            actor: input.actor ?? null,
          })
          if (result.created) {
            imported++
            undo.grants.push(result.membership.id)
          } else {
            already++
          }
        } catch (err) {
          const { code, message } = err as { code?: string; message?: string }
          if (code === "invalid" || code === "plan_archived" || code === "idempotency_conflict") {
            problems.push({ line: r.line, email: r.email, reason: message ?? String(err) })
          } else {
            throw err
          }
        }
      }
      problems.sort((a, b) => a.line - b.line)
      const result: MemberImportResult = {
        total_rows: planned.rows.length + planned.problems.length,
        imported,
        already_imported: already,
        skipped: problems.length,
        customers_created: undo.customers.length,
        problems,
        customer_ids: [...new Set(rows.map((r) => customerOf.get(r.email)!).filter(Boolean))],
      }
      return new StepResponse(result, undo)
    } catch (err) {
      await undoImport(container, undo)
      throw err
    }
  },
  async (undo: Undo | undefined, { container }) => {
    if (undo) await undoImport(container, undo)
  }
)

async function undoImport(container: { resolve<T>(key: string): T }, undo: Undo) {
  const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  for (const id of undo.grants) await memberships.removeGrant(id)
  if (undo.customers.length) await container.resolve<ICustomerModuleService>(Modules.CUSTOMER).deleteCustomers(undo.customers)
}
