import { useState } from "react"
import type { StaffRole } from "../../../types/http/staff"
import type { MovementReceipt } from "../../../types/http/till"
import { newIdempotencyKey } from "../../lib/idempotency"
import { messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import type { PendingCharge } from "../../lib/till/pending-charges"
import { memoryChargeStore, useChargeRunner } from "../../lib/till/use-charge"
import { useManagerApproval } from "./manager-prompt"

/**
 * A refund or a void: approved by a manager, then sent (retried with its key while the server
 * is away) with the manager's token, which is dropped once the server has answered.
 */
export function useManagerMovement(role: StaffRole | null | undefined, posId: string, kind: "refunds" | "voids") {
  const { t } = useI18n()
  const { approve, prompt } = useManagerApproval(role)
  const { view, run } = useChargeRunner()
  const [charging, setCharging] = useState<PendingCharge | null>(null)
  const [result, setResult] = useState<MovementReceipt | null>(null)
  const [error, setError] = useState<string | null>(null)
  // One key per operation: approving the same refund again after a lost answer must not pay twice.
  const [key, setKey] = useState(newIdempotencyKey)

  const submit = async (action: string, body: Record<string, unknown>, display: PendingCharge["display"]) => {
    setError(null)
    const approval = await approve(action)
    if (!approval) return
    const charge: PendingCharge = {
      key,
      pos_id: posId,
      kind: kind === "refunds" ? "refund" : "void",
      path: `/admin/cashless/tills/${posId}/${kind}`,
      body: { idempotency_key: key, ...body },
      display,
      created_at: new Date().toISOString(),
      attempts: 0,
    }
    setCharging(charge)
    const answer = await run<MovementReceipt>(charge, { token: approval.token, store: memoryChargeStore() })
    setCharging(null)
    if (answer.decision === "done") {
      setResult(answer.outcome.body as MovementReceipt)
      setKey(newIdempotencyKey())
    } else if (answer.decision === "logged_out") {
      setError(approval.token ? t("manager_wrong") : t("charge_logged_out"))
    } else if (answer.decision !== "cancelled") {
      // The server refused it: nothing was written, so the next attempt is a new operation.
      setError(messageOf(answer.outcome, t("charge_refused")))
      setKey(newIdempotencyKey())
    }
  }
  const reset = () => {
    setResult(null)
    setError(null)
  }
  return { prompt, view, charging, result, error, submit, reset }
}
