import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react"
import { DEFAULT_READER_URL, type ReaderTap } from "./reader-protocol"
import { ReaderSocket, type ReaderState } from "./reader-socket"

const URL_KEY = "cashless.till.reader-url"

type TapHandler = (tap: ReaderTap) => void

type Reader = {
  state: ReaderState
  url: string
  setUrl: (url: string) => void
  /** The newest subscriber gets the taps: the screen on top is the one waiting for a card. */
  subscribe: (handler: TapHandler) => () => void
}

const ReaderContext = createContext<Reader | null>(null)

const storedUrl = () => {
  try {
    return localStorage.getItem(URL_KEY) || DEFAULT_READER_URL
  } catch {
    return DEFAULT_READER_URL
  }
}

/** One connection to the reader agent for the whole till screen, kept while it is open. */
export const ReaderProvider = ({ children }: { children: ReactNode }) => {
  const [url, setUrlState] = useState(storedUrl)
  const [state, setState] = useState<ReaderState>({ kind: "connecting", url })
  const handlers = useRef<TapHandler[]>([])

  useEffect(() => {
    const socket = new ReaderSocket({
      url,
      onState: setState,
      onTap: (tap) => handlers.current[handlers.current.length - 1]?.(tap),
    })
    socket.start()
    return () => socket.stop()
  }, [url])

  const setUrl = useCallback((next: string) => {
    try {
      localStorage.setItem(URL_KEY, next)
    } catch {
      // kept for this page only
    }
    setUrlState(next)
  }, [])

  const subscribe = useCallback((handler: TapHandler) => {
    handlers.current = [...handlers.current, handler]
    return () => {
      handlers.current = handlers.current.filter((h) => h !== handler)
    }
  }, [])

  const value = useMemo(() => ({ state, url, setUrl, subscribe }), [state, url, setUrl, subscribe])
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
