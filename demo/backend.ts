/**
 * Which endpoint the demo page talks to. Served by the reference server (`npm start`), the page
 * finds `/demo-config.json` and uses the real `/api` on the seeded database; anywhere else (Vite's
 * dev server, a static copy of dist-demo/) it starts the MSW mock in a service worker. `?api=mock`
 * forces the mock. The mock's code is only loaded when it is used.
 */
export interface DemoBackend {
  mode: 'server' | 'mock';
  /** The report's "now" when the seeded data ends in the past (so presets still show data). */
  now?: string;
  /** A bearer token from the page's `#token=…`, for a server started with AUTH_TOKEN. */
  token?: string;
}

export async function startDemoBackend(): Promise<DemoBackend> {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
  if (new URLSearchParams(location.search).get('api') !== 'mock') {
    try {
      const response = await fetch('/demo-config.json', { cache: 'no-store' });
      if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
        const config = (await response.json()) as { now?: string | null };
        return { mode: 'server', now: config.now ?? undefined, token };
      }
    } catch {
      // No server: fall through to the mock.
    }
  }
  const [{ setupWorker }, { createHandlers }] = await Promise.all([import('msw/browser'), import('../mock/handlers.js')]);
  await setupWorker(...createHandlers({ baseUrl: '/api' })).start({ onUnhandledRequest: 'bypass', quiet: true });
  return { mode: 'mock' };
}

/** Applies the backend's `now` and token to the report elements on the page (before they upgrade). */
export function applyDemoBackend(backend: DemoBackend): void {
  for (const element of document.querySelectorAll<HTMLElement & { getToken?: () => Promise<string> }>('msg-messages-report, msg-report')) {
    if (backend.now) element.setAttribute('now', backend.now);
    const { token } = backend;
    if (token) element.getToken = () => Promise.resolve(token);
  }
  document.documentElement.dataset.backend = backend.mode;
}
