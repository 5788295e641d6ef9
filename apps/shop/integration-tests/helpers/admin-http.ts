/**
 * The admin API of a running shop over plain fetch, logged in as the printed admin: what a
 * script or the bench does against `npm run serve`, where there is no Medusa test runner.
 */
export type AdminResponse = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

export type AdminHttp = {
  token: string
  get: (path: string) => Promise<AdminResponse>
  post: (path: string, body?: unknown) => Promise<AdminResponse>
}

async function call(base: string, path: string, init: RequestInit): Promise<AdminResponse> {
  const res = await fetch(`${base}${path}`, init)
  const text = await res.text()
  return { status: res.status, data: text ? JSON.parse(text) : {} }
}

export async function adminHttp(base: string, email: string, password: string): Promise<AdminHttp> {
  const login = await call(base, "/auth/user/emailpass", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (login.status !== 200 || typeof login.data.token !== "string") {
    throw new Error(`admin login as ${email}: ${login.status} ${JSON.stringify(login.data)}`)
  }
  const headers = { authorization: `Bearer ${login.data.token}`, "content-type": "application/json" }
  return {
    token: login.data.token,
    get: (path) => call(base, path, { headers }),
    post: (path, body = {}) => call(base, path, { method: "POST", headers, body: JSON.stringify(body) }),
  }
}
