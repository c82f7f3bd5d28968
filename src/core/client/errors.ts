import type { Problem } from '../contract/types.js';

/** Why a request failed, in terms a host can act on. */
export type ReportErrorKind = 'aborted' | 'network' | 'timeout' | 'http' | 'invalid-response';

/** The one error type the client rejects with. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly kind: ReportErrorKind;
  /** HTTP status, for `http` errors. */
  readonly status: number | undefined;
  /** The endpoint's problem details, when it sent any. */
  readonly problem: Problem | undefined;
  /** The request URL, for logs. */
  readonly url: string | undefined;

  constructor(kind: ReportErrorKind, message: string, details: { status?: number; problem?: Problem; url?: string; cause?: unknown } = {}) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.problem = details.problem;
    this.url = details.url;
  }

  /** Whether retrying the same request later could succeed. */
  get retryable(): boolean {
    return (
      this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500))
    );
  }
}

export function isAbortError(error: unknown): boolean {
  return (error instanceof ReportError && error.kind === 'aborted') || (error instanceof DOMException && error.name === 'AbortError');
}
