import { Alert, Input, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useImport, useStartImport } from "../lib/cards"
import { newIdempotencyKey } from "../lib/idempotency"
import { errorMessage } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"
import { SkippedLines } from "./skipped-lines"


/**
 * Registers a printed batch from its CSV. The server imports in the background; the drawer
 * polls its counters for the progress bar, then lists every skipped line with its reason.
 */
export const ImportCardsDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const [name, setName] = useState("")
  const [csv, setCsv] = useState("")
  const [fileName, setFileName] = useState<string | null>(null)
  const [importId, setImportId] = useState<string | null>(null)
  const [key, setKey] = useState(newIdempotencyKey)
  const start = useStartImport()
  const { data } = useImport(importId)
  const current = data?.import
  const lineCount = csv.split(/\r?\n/).filter((l) => l.trim()).length

  const reset = () => {
    setName("")
    setCsv("")
    setFileName(null)
    setImportId(null)
    setKey(newIdempotencyKey())
    start.reset()
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={(next) => {
        if (!next && current?.status !== "running") reset()
        onOpenChange(next)
      }}
      title="Import cards"
      description="One card per line: uid,printed_number[,qr_token]. A QR token is generated for every card without one."
      submitLabel={importId ? "Import another file" : "Import"}
      isPending={start.isPending || current?.status === "running"}
      onSubmit={() => {
        if (importId) return reset()
        start.mutate(
          { batch_name: name.trim(), csv, idempotency_key: key },
          { onSuccess: (res) => setImportId(res.import.id) }
        )
      }}
    >
      {!importId && (
        <>
          <Field id="batch-name" label="Batch name" hint="As printed on the box, e.g. Festival 2027">
            <Input id="batch-name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="batch-file" label="CSV file" hint={fileName ? `${fileName}: ${lineCount} lines` : "Or paste the lines below"}>
            <Input
              id="batch-file"
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={async (e) => {
                const file = e.target.files?.[0]
                if (!file) return
                setFileName(file.name)
                setCsv(await file.text())
                if (!name) setName(file.name.replace(/\.[^.]+$/, ""))
              }}
            />
          </Field>
          <Field id="batch-csv" label="Lines" optional>
            <Textarea id="batch-csv" rows={8} className="font-mono" value={csv} onChange={(e) => setCsv(e.target.value)} />
          </Field>
          {start.error && <Alert variant="error">{errorMessage(start.error)}</Alert>}
        </>
      )}
      {current && (
        <div className="flex flex-col gap-y-3" aria-live="polite">
          <Text size="small" weight="plus">
            {current.batch_name}
          </Text>
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={current.total_rows || 1}
            aria-valuenow={current.processed_rows}
            className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
          >
            <div
              className="bg-ui-fg-interactive h-full transition-all"
              style={{ width: `${current.total_rows ? Math.round((100 * current.processed_rows) / current.total_rows) : current.status === "running" ? 0 : 100}%` }}
            />
          </div>
          <Text size="small">
            {current.processed_rows} of {current.total_rows} lines read · {current.imported_count} cards registered ·{" "}
            {current.skipped_count} lines skipped
          </Text>
          {current.status === "succeeded" && (
            <Alert variant="success">
              Batch registered: {current.imported_count} cards. Export it from the Cards page for the printer.
            </Alert>
          )}
          {current.status === "failed" && <Alert variant="error">{current.error}</Alert>}
          <SkippedLines problems={current.problems.map((p) => ({ line: p.line, label: p.uid ?? null, reason: p.reason }))} />
        </div>
      )}
    </FormDrawer>
  )
}
