/**
 * The CSV card printers and spreadsheets write: comma or semicolon separated, fields
 * optionally in double quotes (a quote inside doubled), CRLF or LF line ends. Each record
 * keeps its line number so that an import can report the lines it skipped.
 */
export type CsvRecord = { line: number; fields: string[] }

export function parseCsv(text: string): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const firstLine = body.slice(0, body.search(/\r?\n|$/))
  const separator = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ","
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ""
  let quoted = false
  let line = 1
  let recordLine = 1
  const endRecord = () => {
    fields.push(field)
    if (fields.length > 1 || fields[0].trim() !== "") records.push({ line: recordLine, fields })
    fields = []
    field = ""
  }
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') {
        quoted = false
      } else {
        if (c === "\n") line++
        field += c
      }
    } else if (c === '"' && field.trim() === "") {
      field = ""
      quoted = true
    } else if (c === separator) {
      fields.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += c
    }
  }
  if (field !== "" || fields.length) endRecord()
  return records
}

/** A field for a CSV file: quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | null | undefined): string {
  const text = value ?? ""
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
