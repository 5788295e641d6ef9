/** "…7Q2KX9AB": enough of a Medusa id to tell two apart in a table; the whole id goes in a title. */
export const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id)
