/**
 * The part of a report's state that belongs in a shareable link — the range and the filters —
 * written to and read from one URL search parameter as JSON. Time zone and language stay the
 * page's business.
 */
import type { SerializableState } from '../../core/query/report-state.js';

/** The raw JSON text saved under `param`, or `undefined` when the URL has none. */
export function readUrlState(href: string, param: string): string | undefined {
  return new URL(href).searchParams.get(param) ?? undefined;
}

/** `href` with the range and filters of `state` under `param`, other parameters untouched. */
export function writeUrlState(href: string, param: string, state: SerializableState): string {
  const url = new URL(href);
  const range = state.preset !== undefined ? { preset: state.preset } : { from: state.from, to: state.to };
  url.searchParams.set(param, JSON.stringify({ ...range, filters: state.filters }));
  return url.href;
}
