import type { Operation } from "./operation"

/** Pages a person opens in a browser (an e-mail's link, a phone scanning a QR code): no key, no login. */
export const PAGE_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/cashless/tickets/:secret",
    summary: "The printable, mobile e-ticket page with its QR code (the ticket's secret is the credential)",
    tag: "Pages",
    audience: "public",
    responses: {
      200: { description: "The e-ticket (English or French from Accept-Language)", media: { "text/html": "a self-contained page: inline style and SVG, no script" } },
      404: { description: "No ticket has this code", media: { "text/html": "a page saying so" } },
    },
  },
]
