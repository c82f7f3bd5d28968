/**
 * Shared set-up for element tests: one MSW worker over a seeded data set ending at a fixed
 * instant, and small readers of what an element shows.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers } from '../../mock/handlers.js';
import { generateDataset } from '../../reference/dataset/index.js';
import { ReportClient } from '../../src/core/client/client.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';

/** The instant the test data set ends and presets count from. */
export const NOW = '2026-11-26T18:00:00.000Z';
export const ZONE = 'America/Mexico_City';
export const dataset = generateDataset({ seed: 7, end: Date.parse(NOW) });

let worker: SetupWorker | undefined;
/** Every request to an endpoint the mocks saw since the last `resetRequests`. */
export const requests: URL[] = [];

export async function startMocks(): Promise<SetupWorker> {
  if (!worker) {
    // The charts load ECharts on first use. Unbundled, as the test server serves it, that is
    // hundreds of module files, and through the worker each one waits on this page: loaded here,
    // before the worker starts, as a built page loads it in a few files.
    await Promise.all([
      import('../../src/elements/breakdown-chart/breakdown-chart.echarts.js'),
      import('../../src/elements/delivery-line/delivery-line.echarts.js'),
      import('../../src/elements/activity-heatmap/activity-heatmap.echarts.js'),
      import('../../src/elements/delivery-breakdown/delivery-breakdown.echarts.js'),
    ]);
    worker = setupWorker(...createHandlers({ baseUrl: '/api', dataset }));
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      // Module files go through the worker too (the charts load ECharts on first use): not requests to the endpoint.
      if (!/\.(js|ts|mjs|css)$/.test(url.pathname)) requests.push(url);
    });
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  }
  return worker;
}

export function resetRequests(): void {
  requests.length = 0;
}

/** The mock's own answer for a resource, fetched directly. */
export async function mockAnswer<T>(path: string, params: Record<string, string | string[]>): Promise<T> {
  const url = new URL(`/api/${path}`, location.href);
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value].flat()) url.searchParams.append(name, item);
  }
  const response = await fetch(url);
  return (await response.json()) as T;
}

/** Waits until the element's query settled and it rendered the result. */
export async function settled(element: { updateComplete: Promise<unknown>; loadComplete: Promise<void> }): Promise<void> {
  await element.updateComplete;
  await element.loadComplete;
  await element.updateComplete;
}

/** Resolves once every chart box of `element` has drawn a frame. */
export function chartsRendered(element: Element, count: number): Promise<void> {
  return new Promise((resolve) => {
    const seen = new Set<string>();
    const onFrame = (event: Event) => {
      seen.add((event as CustomEvent<{ chart: string }>).detail.chart);
      if (seen.size >= count) {
        element.removeEventListener('msg-chart-rendered', onFrame);
        resolve();
      }
    };
    element.addEventListener('msg-chart-rendered', onFrame);
  });
}

export function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

/** The metrics strip as `[key, label, count text]`. */
export function metrics(element: Element): [string, string, string][] {
  return [...shadow(element).querySelectorAll('[part~="metric"]')].map((item) => [
    item.getAttribute('data-key') ?? '',
    item.querySelector('.metric-label')?.textContent.trim() ?? '',
    item.querySelector('.metric-value')?.textContent.trim() ?? '',
  ]);
}

/** The visible state, by its part name. */
export function statePart(element: Element): string | undefined {
  const state = shadow(element).querySelector('.state');
  return state?.getAttribute('part') ?? undefined;
}

export const esCount = (n: number) => new Intl.NumberFormat('es').format(n);
export const esChange = (share: number) =>
  new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(share);

export function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as T), { once: true }));
}

/**
 * Replaces `target[name]` for a test (a page global, a prototype's method); the function returned
 * puts back exactly what was there, an own property or an inherited one.
 */
export function stub<T extends object, K extends keyof T>(target: T, name: K, replacement: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value: replacement, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(target, name, own);
    else Reflect.deleteProperty(target, name);
  };
}

/** Calls per resource of a {@link countingSource} (the four every source has, the delivery breakdown, the trends and the broadcasts of issue 12). */
export type Calls = Record<Exclude<keyof ReportDataSource, 'capabilities' | 'messagesExportUrl'>, number>;

/**
 * A data source over the mocked endpoint that counts every call as it is made, and keeps each
 * call's parameters. Elements call their data source synchronously on the way to `fetch`, so
 * once they have settled the counts are final: no waiting is needed to show that a request was
 * not made.
 */
export function countingSource(endpoint = '/api'): {
  source: ReportDataSource;
  calls: Calls;
  log: { resource: keyof Calls; params: object }[];
  reset: () => void;
  idle: () => Promise<void>;
} {
  const client = new ReportClient({ endpoint, baseUrl: location.href, cacheTtlMs: 0 });
  const calls: Calls = {
    breakdown: 0,
    delivery: 0,
    deliveryBreakdown: 0,
    broadcasts: 0,
    messages: 0,
    options: 0,
    breakdownTrend: 0,
    activity: 0,
  };
  const log: { resource: keyof Calls; params: object }[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const count = <T>(resource: keyof Calls, params: object, answer: Promise<T>): Promise<T> => {
    calls[resource]++;
    log.push({ resource, params });
    const settled: Promise<unknown> = answer.then(
      () => inFlight.delete(settled),
      () => inFlight.delete(settled),
    );
    inFlight.add(settled);
    return answer;
  };
  const source: ReportDataSource = {
    breakdown: (params, options) => count('breakdown', params, client.breakdown(params, options)),
    delivery: (params, options) => count('delivery', params, client.delivery(params, options)),
    deliveryBreakdown: (params, options) => count('deliveryBreakdown', params, client.deliveryBreakdown(params, options)),
    broadcasts: (params, options) => count('broadcasts', params, client.broadcasts(params, options)),
    messages: (params, options) => count('messages', params, client.messages(params, options)),
    options: (params, options) => count('options', params, client.options(params, options)),
    breakdownTrend: (params, options) => count('breakdownTrend', params, client.breakdownTrend(params, options)),
    activity: (params, options) => count('activity', params, client.activity(params, options)),
  };
  const reset = () => {
    for (const key of Object.keys(calls) as (keyof Calls)[]) calls[key] = 0;
    log.length = 0;
  };
  /** Resolves once no call is in flight, including calls made while the earlier ones settled. */
  const idle = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  return { source, calls, log, reset, idle };
}
