/** Resolves `endpoint` to an http(s) URL ending in `/`, or `undefined` when it is not one. */
export function parseEndpoint(endpoint: unknown, baseUrl?: string): URL | undefined {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') return undefined;
  try {
    // Node and some workers have no `location`: there, a relative endpoint needs `baseUrl`.
    const page = (globalThis as { location?: { href: string } }).location;
    const url = new URL(endpoint.trim(), baseUrl ?? page?.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = '';
    url.hash = '';
    return url;
  } catch {
    return undefined;
  }
}
