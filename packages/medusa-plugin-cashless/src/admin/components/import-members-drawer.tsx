import { Alert, Input, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { type MemberImportSummary, useImportMembers } from "../lib/memberships"
import { errorMessage } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"
import { SkippedLines } from "./skipped-lines"


/**
 * Members from another tool, one per line: email,plan,start[,end]. The server answers once every
 * line is read; sending the same file again imports nothing twice, so no key is needed.
 */
export const ImportMembersDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const [csv, setCsv] = useState("")
  const [fileName, setFileName] = useState<string | null>(null)
  const [result, setResult] = useState<MemberImportSummary | null>(null)
  const start = useImportMembers()
  const lineCount = csv.split(/\r?\n/).filter((l) => l.trim()).length

  const reset = () => {
    setCsv("")
    setFileName(null)
    setResult(null)
    start.reset()
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={(next) => {
        if (!next && !start.isPending) reset()
        onOpenChange(next)
      }}
      title="Import members"
      description="One member per line: email,plan,start[,end] (plan by name; dates as 2027-01-01 or 01/01/2027; an empty end follows the plan). Unknown emails become customers."
      submitLabel={result ? "Import another file" : "Import"}
      isPending={start.isPending}
      onSubmit={() => {
        if (result) return reset()
        start.mutate({ csv }, { onSuccess: (res) => setResult(res.import) })
      }}
    >
      {!result && (
        <>
          <Field id="members-file" label="CSV file" hint={fileName ? `${fileName}: ${lineCount} lines` : "Or paste the lines below"}>
            <Input
              id="members-file"
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={async (e) => {
                const file = e.target.files?.[0]
                if (!file) return
                setFileName(file.name)
                setCsv(await file.text())
              }}
            />
          </Field>
          <Field id="members-csv" label="Lines" optional>
            <Textarea
              id="members-csv"
              rows={8}
              className="font-mono"
              placeholder={"email,plan,start,end\ncamille@example.com,Adhésion 2027,2027-01-01,2027-12-31"}
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
            />
          </Field>
          {start.error && <Alert variant="error">{errorMessage(start.error)}</Alert>}
        </>
      )}
      {result && (
        <div className="flex flex-col gap-y-3" aria-live="polite">
          <Text size="small" aria-label="Import counters">
            {result.total_rows} lines read · {result.imported} imported · {result.already_imported} already imported ·{" "}
            {result.skipped} skipped · {result.customers_created} customers created
          </Text>
          <Alert variant={result.skipped ? "warning" : "success"}>
            {result.skipped
              ? `${result.imported} members imported; fix the skipped lines and send them again.`
              : `${result.imported} members imported.`}
          </Alert>
          <SkippedLines problems={result.problems.map((p) => ({ line: p.line, label: p.email ?? null, reason: p.reason }))} />
        </div>
      )}
    </FormDrawer>
  )
}
