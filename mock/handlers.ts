/**
 * MSW 2 handlers for the reporting contract: each request goes to the server's own router
 * (server/api/), here over the in-memory reference engine and the seeded data set, so the mocks
 * validate and answer exactly as the server does. One set shared by tests, stories and the demo,
 * plus scenario factories (empty, error, loading) for element states.
 *
 * A path base URL is matched on any origin (a wildcard pattern before the path), so relative and
 * absolute endpoints both work.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { generateDataset } from '../reference/dataset/generate.js';
import type { Dataset, DatasetOptions } from '../reference/dataset/types.js';
import { createEngine, type Engine } from '../reference/engine.js';
import { createHandler, type FetchHandler } from '../server/api/app.js';
import { problemResponse } from '../server/api/problem.js';
import { engineStore } from './engine-store.js';

export const DEFAULT_BASE_URL = '/api';

/** The resources under the base URL, as MSW path patterns. */
const RESOURCES = [
  'breakdown',
  'delivery',
  'broadcasts',
  'delivery-breakdown',
  'messages',
  'options/:field',
  'capabilities',
  'export/messages',
  'breakdown-trend',
  'activity',
] as const;

export interface HandlerOptions {
  /** Endpoint the elements use: a path (`/api`, matched on any origin) or an absolute URL. Default `/api`. */
  baseUrl?: string;
  /** The data to answer from; default {@link getDefaultDataset}() created on the first request. */
  dataset?: Dataset;
  /** Simulated server latency per response, in ms; default 0. */
  latencyMs?: number;
}

const datasets = new Map<string, Dataset>();
const engines = new WeakMap<Dataset, Engine>();

/**
 * The data set for `options`, generated once per distinct options and then reused (a default
 * `end` is fixed at the first call, so every later call sees the same data).
 */
export function getDefaultDataset(options: DatasetOptions = {}): Dataset {
  const key = JSON.stringify([options.seed, options.end, options.months, options.messagesPerDay, options.hostile, options.timezone]);
  let dataset = datasets.get(key);
  if (!dataset) {
    dataset = generateDataset(options);
    datasets.set(key, dataset);
  }
  return dataset;
}

/** The engine over `dataset`, created once per data set. */
export function getEngine(dataset: Dataset): Engine {
  let engine = engines.get(dataset);
  if (!engine) {
    engine = createEngine(dataset);
    engines.set(dataset, engine);
  }
  return engine;
}

/**
 * The MSW pattern for `resource` under `baseUrl`. A path base (`/api`) matches on any origin, but
 * only at the start of the path: a leading `*` wildcard would match `/api/` anywhere in a path,
 * and answer files such as `/node_modules/echarts/lib/export/api/helper.js`, which a page loading
 * ECharts on first use fetches through the worker.
 */
export function resourcePattern(baseUrl: string, resource: string): string | RegExp {
  const base = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(base)) return `${base}/${resource}`;
  const path = base.startsWith('/') || base === '' ? base : `/${base}`;
  const rest = resource === '*' ? '.*' : resource.replace(/:\w+/g, '[^/?#]+');
  return new RegExp(`^[a-z][a-z\\d+.-]*://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${rest}(?:[?#].*)?$`, 'i');
}

/** The path part of a base URL: what the router's resources live under. */
function basePath(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(base)) return new URL(base).pathname.replace(/\/+$/, '');
  return base === '' || base.startsWith('/') ? base : `/${base}`;
}

/** The router over `dataset`'s reference engine: one workspace, no credentials, no logs. */
function mockApi(baseUrl: string, dataset: Dataset): FetchHandler {
  return createHandler({
    store: engineStore(getEngine(dataset)),
    basePath: basePath(baseUrl),
    verifyRequest: () => ({ workspace: dataset.workspace.id }),
    logger: false,
  });
}

/** Handlers for every resource of the contract, answered by the reference engine. */
export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const latencyMs = options.latencyMs ?? 0;
  let api: FetchHandler | undefined;
  // The resources, then everything else under the base URL (a 404 problem, as openapi.yaml says).
  return [...RESOURCES, '*'].map((resource) =>
    http.get(resourcePattern(baseUrl, resource), async ({ request }) => {
      if (latencyMs > 0) await delay(latencyMs);
      api ??= mockApi(baseUrl, options.dataset ?? getDefaultDataset());
      return api(request);
    }),
  );
}

/** Valid answers with no messages at all (the workspace's channels, teams… stay as options). */
export function emptyHandlers(baseUrl: string = DEFAULT_BASE_URL): HttpHandler[] {
  return createHandlers({ baseUrl, dataset: getDefaultDataset({ messagesPerDay: 0 }) });
}

/** Every resource answers `status` with a problem+json body (429 adds `Retry-After: 1`). */
export function errorHandlers(baseUrl: string = DEFAULT_BASE_URL, status = 500): HttpHandler[] {
  return RESOURCES.map((resource) =>
    http.get(resourcePattern(baseUrl, resource), () =>
      problemResponse(status, { detail: `Simulated ${status} from the mock endpoint` }, status === 429 ? { 'Retry-After': '1' } : {}),
    ),
  );
}

/** Every resource stays pending until the request is aborted (loading states). */
export function loadingHandlers(baseUrl: string = DEFAULT_BASE_URL): HttpHandler[] {
  return RESOURCES.map((resource) =>
    http.get(resourcePattern(baseUrl, resource), async ({ request }) => {
      await new Promise<void>((resolve) => {
        if (request.signal.aborted) resolve();
        else request.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      return HttpResponse.error();
    }),
  );
}
