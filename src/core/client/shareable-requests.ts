/**
 * One in-flight request per key, shared by every caller that asks for the same key meanwhile.
 * Each caller keeps its own `AbortSignal`: aborting it rejects only that caller, and the shared
 * request is aborted once no caller is left waiting for it.
 */
import { ReportError } from './errors.js';

interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export class ShareableRequests {
  readonly #byKey = new Map<string, Shared>();

  join<T>(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let shared = this.#byKey.get(key);
    if (!shared) {
      const controller = new AbortController();
      const entry: Shared = { controller, waiters: 0, promise: Promise.resolve() };
      entry.promise = start(controller.signal).finally(() => {
        if (this.#byKey.get(key) === entry) this.#byKey.delete(key);
      });
      // The shared promise may reject after every waiter left; that rejection is handled here.
      entry.promise.catch(() => {});
      this.#byKey.set(key, entry);
      shared = entry;
    }
    return this.#wait(key, shared, signal) as Promise<T>;
  }

  #wait(key: string, shared: Shared, signal: AbortSignal | undefined): Promise<unknown> {
    shared.waiters += 1;
    if (!signal) return shared.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        shared.waiters -= 1;
        if (shared.waiters === 0) {
          shared.controller.abort(signal.reason);
          if (this.#byKey.get(key) === shared) this.#byKey.delete(key);
        }
        reject(new ReportError('aborted', 'msg-report: request aborted', { url: key, cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
