/** Capped exponential backoff with full jitter, and a sleep that an `AbortSignal` cuts short. */

/**
 * The wait before retry number `attempt + 1`: a uniformly random time between 0 and
 * `base · 2^attempt` capped at `cap` ("full jitter"). Every report on a page that failed at the
 * same moment then retries at a different moment, spread over the whole window, not in step.
 */
export function retryDelay(attempt: number, base: number, cap: number, random: () => number): number {
  return Math.round(random() * Math.min(cap, base * 2 ** attempt));
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
