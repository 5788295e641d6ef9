/**
 * Reads until `done` says yes, for what a subscriber does after the request that caused it has
 * answered (an order's capture, a group sync). Gives up after ~10 s and returns the last value,
 * so the test's own assertion says what was wrong.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read()
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100))
    value = await read()
  }
  return value
}
