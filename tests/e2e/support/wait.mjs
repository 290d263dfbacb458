// Bounded polling for things that change on their own (a counter flushed in the background, a smooth
// scroll): the only way these tests wait. Never a fixed sleep: a poll ends as soon as the condition holds.
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Calls probe() until it returns a truthy value, and returns that value; throws after timeoutMs with
 * the last value seen (or the last error thrown), so that a failure says what was there instead.
 * abandonIf(), when given, is asked before each try: a reason it returns ends the wait at once (e.g. the
 * server being waited for has exited).
 */
export async function waitUntil(probe, { what, timeoutMs = 10_000, intervalMs = 50, abandonIf } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    const reason = abandonIf?.();
    if (reason) throw new Error(`gave up waiting for ${what ?? 'a condition'}: ${reason}`);
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what ?? 'a condition'} (${seen})`);
    }
    await delay(intervalMs);
  }
}
