import { Alert, Table, Text } from "@medusajs/ui"
import type { VerifyReport } from "../lib/wallets"

/** What `POST /admin/cashless/ledger/verify` found: a one-line all-clear, or every row that disagrees. */
export const VerifyResult = ({ report }: { report: VerifyReport }) => {
  const { entries, postings, accounts } = report.checked
  if (report.ok) {
    return (
      <Alert variant="success" dismissible>
        Ledger verified: {entries} entries, {postings} postings, {accounts} accounts ({report.duration_ms} ms).
      </Alert>
    )
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Alert variant="error">
        The ledger does not verify: {report.issues.length} {report.issues.length === 1 ? "issue" : "issues"} in{" "}
        {entries} entries, {postings} postings, {accounts} accounts.
      </Alert>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Table</Table.HeaderCell>
            <Table.HeaderCell>Id</Table.HeaderCell>
            <Table.HeaderCell>Problem</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {report.issues.map((issue, i) => (
            <Table.Row key={`${issue.table}:${issue.id}:${i}`}>
              <Table.Cell className="font-mono">{issue.table}</Table.Cell>
              <Table.Cell className="font-mono">{issue.id}</Table.Cell>
              <Table.Cell>
                <Text size="small" className="text-ui-fg-error">
                  {issue.problem}
                </Text>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
