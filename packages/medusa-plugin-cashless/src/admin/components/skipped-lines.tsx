import { Text } from "@medusajs/ui"

const SHOWN = 200

/** The lines an import skipped, each with what identifies it and why; long lists are cut. */
export const SkippedLines = ({ problems }: { problems: Array<{ line: number; label: string | null; reason: string }> }) =>
  problems.length ? (
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        Skipped lines
      </Text>
      <ul className="txt-compact-small flex flex-col gap-y-1" aria-label="Skipped lines">
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={`${p.line}-${i}`}>
            Line {p.line}
            {p.label ? ` (${p.label})` : ""}: {p.reason}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && (
        <Text size="small" className="text-ui-fg-muted">
          and {problems.length - SHOWN} more.
        </Text>
      )}
    </div>
  ) : null
