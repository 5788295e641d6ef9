import { Button, Input, Label, Text } from "@medusajs/ui"
import { useCallback, useId, useRef, useState, type ReactNode } from "react"
import type { StaffRole } from "../../../types/http/staff"
import { useI18n } from "../../lib/till/i18n-context"
import { managerToken } from "../../lib/till/manager-auth"
import { LiveMessage, Panel } from "./panel"

/** What an approval gives the action: a manager's token, or nothing when the user at the till is a manager. */
export type Approval = { token?: string }

const ManagerPrompt = ({ action, onToken, onCancel }: { action: string; onToken: (token: string) => void; onCancel: () => void }) => {
  const { t } = useI18n()
  const emailId = useId()
  const passwordId = useId()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Panel title={t("manager_title")} onEscape={onCancel} testId="manager-prompt">
      <Text className="text-lg">{t("manager_why", { action })}</Text>
      <form
        className="flex flex-col gap-y-4"
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          const answer = await managerToken(email, password)
          setBusy(false)
          if ("token" in answer) {
            setPassword("")
            onToken(answer.token)
          } else setError(answer.error === "wrong" ? t("manager_wrong") : t("server_unreachable"))
        }}
      >
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={emailId}>{t("manager_email")}</Label>
          <Input id={emailId} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} className="h-12 text-lg" data-autofocus="" />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={passwordId}>{t("manager_password")}</Label>
          <Input id={passwordId} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} className="h-12 text-lg" />
        </div>
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
          <Button type="button" variant="secondary" size="xlarge" onClick={onCancel}>
            {t("cancel")}
          </Button>
          <Button type="submit" size="xlarge" isLoading={busy} disabled={!email || !password}>
            {t("manager_approve")}
          </Button>
        </div>
      </form>
    </Panel>
  )
}

/**
 * Refunds, voids and closing need a manager. A manager or admin at the till is not asked; a
 * cashier's screen asks a manager to type their email and password, and the action gets a
 * token for its request only (the caller lets it go once answered).
 */
export function useManagerApproval(role: StaffRole | null | undefined) {
  const [asking, setAsking] = useState<string | null>(null)
  const resolver = useRef<((a: Approval | null) => void) | null>(null)
  const approve = useCallback(
    (action: string): Promise<Approval | null> => {
      if (role === "manager" || role === "admin") return Promise.resolve({})
      return new Promise((resolve) => {
        resolver.current = resolve
        setAsking(action)
      })
    },
    [role]
  )
  const finish = (approval: Approval | null) => {
    resolver.current?.(approval)
    resolver.current = null
    setAsking(null)
  }
  const prompt: ReactNode = asking ? <ManagerPrompt action={asking} onToken={(token) => finish({ token })} onCancel={() => finish(null)} /> : null
  return { approve, prompt }
}
