/** Capped exponential backoff with jitter, and a sleep that an `AbortSignal` cuts short. */

/**
 * The wait before retry number `attempt + 1`: `base · 2^attempt`, capped at `cap`, then scaled
 * by a random factor in [0.5, 1] so that many clients do not retry in step.
 */
export function retryDelay(attempt: number, base: number, cap: number, random: () => number): number {
  const exponential = Math.min(cap, base * 2 ** attempt);
  return Math.round(exponential * (0.5 + random() / 2));
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
