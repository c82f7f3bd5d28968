/**
 * MSW 2 handlers for the reporting contract, answered by the in-memory reference engine over the
 * seeded data set. One set shared by tests, stories and the demo, plus scenario factories (empty,
 * error, loading) for element states.
 *
 * A path base URL is matched on any origin (a wildcard pattern before the path), so relative and
 * absolute endpoints both work.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { generateDataset } from '../reference/dataset/generate.js';
import type { Dataset, DatasetOptions } from '../reference/dataset/types.js';
import { createEngine, type Engine } from '../reference/engine.js';
import { handleRequest, problemResponse, type EndpointResponse } from '../reference/router.js';

export const DEFAULT_BASE_URL = '/api';

/** The resources under the base URL, as MSW path patterns. */
const RESOURCES = ['breakdown', 'delivery', 'messages', 'options/:field'] as const;

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

/** The MSW pattern for `resource` under `baseUrl`. */
export function resourcePattern(baseUrl: string, resource: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(base)) return `${base}/${resource}`;
  return `*${base.startsWith('/') || base === '' ? base : `/${base}`}/${resource}`;
}

function toHttpResponse(response: EndpointResponse): Response {
  return new HttpResponse(JSON.stringify(response.body), { status: response.status, headers: response.headers });
}

/** Handlers for every resource of the contract, answered by the reference engine. */
export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const latencyMs = options.latencyMs ?? 0;
  let engine: Engine | undefined;
  // The resources, then everything else under the base URL (a 404 problem, as openapi.yaml says).
  return [...RESOURCES, '*'].map((resource) =>
    http.get(resourcePattern(baseUrl, resource), async ({ request }) => {
      if (latencyMs > 0) await delay(latencyMs);
      engine ??= getEngine(options.dataset ?? getDefaultDataset());
      return toHttpResponse(handleRequest(engine, new URL(request.url), request.method));
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
      toHttpResponse(
        problemResponse(status, { detail: `Simulated ${status} from the mock endpoint` }, status === 429 ? { 'Retry-After': '1' } : {}),
      ),
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
