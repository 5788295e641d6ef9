import { Button, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useI18n } from "../../lib/till/i18n-context"

type Detector = { detect: (source: HTMLVideoElement) => Promise<Array<{ rawValue: string }>> }
type DetectorConstructor = new (options: { formats: string[] }) => Detector

const detectorClass = (): DetectorConstructor | null =>
  typeof window !== "undefined" && "BarcodeDetector" in window ? ((window as unknown as { BarcodeDetector: DetectorConstructor }).BarcodeDetector) : null

/** The camera, read by the browser's BarcodeDetector; not offered where the browser has none. */
export const QrCamera = ({ onText }: { onText: (text: string) => void }) => {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const video = useRef<HTMLVideoElement>(null)
  const latest = useRef(onText)
  latest.current = onText
  const Detector = detectorClass()

  useEffect(() => {
    if (!open || !Detector) return
    let stream: MediaStream | null = null
    let stopped = false
    const detector = new Detector({ formats: ["qr_code"] })
    const scan = async () => {
      if (stopped || !video.current) return
      try {
        const [found] = await detector.detect(video.current)
        if (found?.rawValue) {
          setOpen(false)
          latest.current(found.rawValue)
          return
        }
      } catch {
        // the frame was not ready: try the next one
      }
      setTimeout(scan, 250)
    }
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: "environment" } })
      .then(async (s) => {
        stream = s
        if (stopped || !video.current) return
        video.current.srcObject = s
        await video.current.play()
        void scan()
      })
      .catch(() => setError(t("camera_unavailable")))
    return () => {
      stopped = true
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [open, Detector, t])

  if (!Detector) return null
  return (
    <>
      <Button type="button" variant="secondary" size="large" onClick={() => setOpen((o) => !o)} aria-pressed={open}>
        {open ? t("camera_stop") : t("camera_start")}
      </Button>
      {open && <video ref={video} className="w-full rounded-lg" muted playsInline aria-label={t("camera_label")} />}
      {error && <Text className="text-ui-fg-error" role="alert">{error}</Text>}
    </>
  )
}
