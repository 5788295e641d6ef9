import { Button, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useId, useRef, useState } from "react"
import { useDoorWords } from "../../lib/door/use-door-words"
import { QrCamera } from "../till/qr-camera"

/** Fields a person types in on purpose: the scan field leaves them their focus. */
const TYPING = "input, textarea, select, [contenteditable='true']"

/**
 * The scanner's field. A USB or Bluetooth scanner is a keyboard: it types the QR code's text and
 * Enter into whatever has the focus, so this field takes the focus back whenever it lands on
 * nothing to type in (a click on the page, a button pressed, a result shown).
 */
export const ScanField = ({ onScan, busy }: { onScan: (text: string) => void; busy: boolean }) => {
  const { d } = useDoorWords()
  const id = useId()
  const hintId = useId()
  const field = useRef<HTMLInputElement>(null)
  const [text, setText] = useState("")

  useEffect(() => {
    field.current?.focus()
    let timer: ReturnType<typeof setTimeout> | undefined
    const reclaim = () => {
      clearTimeout(timer)
      // After the focus has moved: a button still gets its click, the field gets the keys.
      timer = setTimeout(() => {
        const active = document.activeElement
        if (!active || active === document.body || !active.matches(TYPING)) field.current?.focus()
      }, 0)
    }
    document.addEventListener("focusout", reclaim)
    document.addEventListener("pointerup", reclaim)
    return () => {
      clearTimeout(timer)
      document.removeEventListener("focusout", reclaim)
      document.removeEventListener("pointerup", reclaim)
    }
  }, [])

  const submit = (value: string) => {
    setText("")
    onScan(value)
  }

  return (
    <form
      className="flex flex-col gap-y-2"
      data-testid="scan-form"
      onSubmit={(e) => {
        e.preventDefault()
        submit(text)
      }}
    >
      <Label htmlFor={id} className="text-lg font-semibold">
        {d("scan_label")}
      </Label>
      <div className="flex flex-wrap gap-2">
        <Input
          id={id}
          ref={field}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          className="h-14 min-w-0 flex-1 font-mono text-lg"
          data-testid="scan-input"
        />
        <Button type="submit" size="xlarge" isLoading={busy}>
          {d("scan_submit")}
        </Button>
      </div>
      <Text id={hintId} className="text-ui-fg-subtle">
        {d("scan_hint")}
      </Text>
      <QrCamera onText={(scanned) => onScan(scanned)} />
    </form>
  )
}
