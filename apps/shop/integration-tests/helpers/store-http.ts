/**
 * The store and auth API of a running shop over plain fetch, shaped like the Medusa test
 * runner's `api` (axios: `(url, body?, { headers })`, `{ status, data }`, never throwing on 4xx),
 * so `storeCustomer`, `newCart` and `checkout` work against `npm run serve` too.
 */
type Config = { headers?: Record<string, string> }
export type StoreHttpResponse = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

export function storeHttp(base: string) {
  const call = async (method: string, url: string, body: unknown, config?: Config): Promise<StoreHttpResponse> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...config?.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, data: text ? JSON.parse(text) : {} }
  }
  return {
    get: (url: string, config?: unknown) => call("GET", url, undefined, config as Config),
    post: (url: string, body: unknown = {}, config?: unknown) => call("POST", url, body, config as Config),
    delete: (url: string, config?: unknown) => call("DELETE", url, undefined, config as Config),
  }
}
