// A read that is retried until what it returns satisfies `check`: for assertions a locator
// cannot express (a count, the clipboard, a variable of the page). Reads again every 50 ms.
export async function until(read, check, { timeout = 15_000, what = 'the condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last read: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
