import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react"
import { DEFAULT_READER_URL, type ReaderTap } from "./reader-protocol"
import { ReaderSocket, type ReaderState } from "./reader-socket"
import { RemoteReaders, type RemoteState } from "./remote-readers"

const URL_KEY = "cashless.till.reader-url"
const SOURCE_KEY = "cashless.till.reader-source"

type TapHandler = (tap: ReaderTap) => void

/** Where the till gets its taps: the agent on this computer, or the point of sale's paired readers through the server. */
export type ReaderSource = "local" | "remote"

type Reader = {
  source: ReaderSource
  setSource: (source: ReaderSource) => void
  /** The local agent's connection (local mode). */
  state: ReaderState
  url: string
  setUrl: (url: string) => void
  /** The server's stream of paired readers (remote mode); null until a point of sale is chosen. */
  remote: RemoteState | null
  /** The till screen says which point of sale it sells at: the remote stream is that one's. */
  setPointOfSale: (posId: string | null) => void
  /** The newest subscriber gets the taps: the screen on top is the one waiting for a card. */
  subscribe: (handler: TapHandler) => () => void
}

const ReaderContext = createContext<Reader | null>(null)

const stored = (key: string) => {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}
const store = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value)
  } catch {
    // kept for this page only
  }
}

const streamUrl = (posId: string) => `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")}/admin/cashless/tills/${encodeURIComponent(posId)}/taps/stream`

/** One source of taps for the whole till screen, kept while it is open. */
export const ReaderProvider = ({ children }: { children: ReactNode }) => {
  const [url, setUrlState] = useState(() => stored(URL_KEY) || DEFAULT_READER_URL)
  const [source, setSourceState] = useState<ReaderSource>(() => (stored(SOURCE_KEY) === "remote" ? "remote" : "local"))
  const [posId, setPointOfSale] = useState<string | null>(null)
  const [state, setState] = useState<ReaderState>({ kind: "connecting", url })
  const [remote, setRemote] = useState<RemoteState | null>(null)
  const handlers = useRef<TapHandler[]>([])
  const deliver = useCallback((tap: ReaderTap) => handlers.current[handlers.current.length - 1]?.(tap), [])

  useEffect(() => {
    if (source !== "local") return
    const socket = new ReaderSocket({ url, onState: setState, onTap: deliver })
    socket.start()
    return () => socket.stop()
  }, [source, url, deliver])

  useEffect(() => {
    if (source !== "remote" || !posId) {
      setRemote(null)
      return
    }
    const readers = new RemoteReaders({ url: streamUrl(posId), onState: setRemote, onTap: deliver })
    readers.start()
    return () => readers.stop()
  }, [source, posId, deliver])

  const setUrl = useCallback((next: string) => {
    store(URL_KEY, next)
    setUrlState(next)
  }, [])

  const setSource = useCallback((next: ReaderSource) => {
    store(SOURCE_KEY, next)
    setSourceState(next)
  }, [])

  const subscribe = useCallback((handler: TapHandler) => {
    handlers.current = [...handlers.current, handler]
    return () => {
      handlers.current = handlers.current.filter((h) => h !== handler)
    }
  }, [])

  const value = useMemo(
    () => ({ source, setSource, state, url, setUrl, remote, setPointOfSale, subscribe }),
    [source, setSource, state, url, setUrl, remote, subscribe]
  )
  return <ReaderContext.Provider value={value}>{children}</ReaderContext.Provider>
}

export function useReader(): Reader {
  const value = useContext(ReaderContext)
  if (!value) throw new Error("useReader outside ReaderProvider")
  return value
}

/** Calls `onTap` for each card tapped while `active`; the latest `onTap` is used without resubscribing. */
export function useTaps(onTap: TapHandler, active = true) {
  const { subscribe } = useReader()
  const latest = useRef(onTap)
  latest.current = onTap
  useEffect(() => {
    if (!active) return
    return subscribe((tap) => latest.current(tap))
  }, [active, subscribe])
}
