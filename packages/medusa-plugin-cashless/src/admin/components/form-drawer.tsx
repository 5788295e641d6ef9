import { Button, Drawer, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  submitLabel: string
  isPending: boolean
  onSubmit: () => void
  children: ReactNode
}

/** The side panel every ledger action uses: fields, Cancel, and a submit that Enter also triggers. */
export const FormDrawer = ({ open, onOpenChange, title, description, submitLabel, isPending, onSubmit, children }: Props) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <form
        className="flex flex-1 flex-col overflow-hidden"
        onSubmit={(e) => {
          e.preventDefault()
          // A second Enter while the first request runs must not become a second submission.
          if (!isPending) onSubmit()
        }}
      >
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
          <Drawer.Description>{description}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" isLoading={isPending}>
            {submitLabel}
          </Button>
        </Drawer.Footer>
      </form>
    </Drawer.Content>
  </Drawer>
)

/** A labelled control with its hint or its validation error underneath. */
export const Field = ({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string | null
  optional?: boolean
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error ? (
      <Text size="small" className="text-ui-fg-error" role="alert">
        {error}
      </Text>
    ) : (
      hint && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )
    )}
  </div>
)
