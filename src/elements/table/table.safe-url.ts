/**
 * The one check of a link the table renders from outside (`data-export-href`). A module that imports
 * nothing: the cap notice, loaded on first use, imports it from the page's own chunk, and beside
 * code that imports the strings it made the host's bundler split the strings' and formatters'
 * modules into a chunk of their own (0.6 kB more for a page of filters and a list).
 */

/**
 * `value` as an http(s) URL resolved against `base`: `undefined` when unset, `null` when it is
 * anything else (`javascript:`, `data:`…), so no script URL can ever reach an `href`.
 */
export function safeHttpUrl(value: string | undefined, base: string): string | undefined | null {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
