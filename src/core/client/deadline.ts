import { ReportError } from './errors.js';

/**
 * Runs `task` under a deadline: the signal it gets aborts when `signal` does or once `ms` have
 * passed. At the deadline the promise rejects at once with a `timeout` error, whether or not the
 * task heeds its signal. The client runs each attempt under one (`timeoutMs`), and the whole load,
 * retries and waits included, under another (`deadlineMs`), so nothing a load waits on outlasts it.
 */
export function withDeadline<T>(ms: number, signal: AbortSignal, url: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // The caller's signal belongs to this one load, so the listener goes with it.
  signal.addEventListener('abort', () => controller.abort(signal.reason));
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      reject(new ReportError('timeout', `msg-report: ${url} did not answer within ${ms} ms`, { url }));
      controller.abort();
    }, ms);
    task(controller.signal).then(resolve, reject);
  }).finally(() => clearTimeout(timer));
}
