/**
 * A pure request router over an {@link Engine}: URL in, status + JSON body + headers out. The MSW
 * handlers and the Node server both call it, so validation and answers cannot drift apart.
 */
import { FILTER_FIELDS, type Problem } from '../src/core/contract/types.js';
import type { Engine } from './engine.js';
import { parseBreakdownParams, parseDeliveryParams, parseMessagesParams, parseOptionsParams, type ParseResult } from './params.js';

export interface EndpointResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Invalid query',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A problem-details response; `problem` fields override the defaults for `status`. */
export function problemResponse(status: number, problem: Problem = {}, headers: Record<string, string> = {}): EndpointResponse {
  return {
    status,
    body: { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...problem },
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
  };
}

function answer<T>(parsed: ParseResult<T>, run: (params: T) => unknown): EndpointResponse {
  if (!parsed.ok) return problemResponse(parsed.problem.status ?? 400, parsed.problem);
  return { status: 200, body: run(parsed.params), headers: { 'Content-Type': JSON_CONTENT_TYPE } };
}

/**
 * Answers one request. Resources are matched by path suffix (`…/breakdown`, `…/delivery`,
 * `…/messages`, `…/options/{field}`) so any base URL works; anything else, and an options
 * field that is not a filter field, is a 404 problem.
 */
export function handleRequest(engine: Engine, url: URL, method = 'GET'): EndpointResponse {
  const path = url.pathname.replace(/\/+$/, '');
  const params = url.searchParams;
  const resource = /\/(breakdown|delivery|messages)$/.exec(path)?.[1];
  const optionsField = /\/options\/([^/]+)$/.exec(path)?.[1];
  if (resource === undefined && optionsField === undefined) {
    return problemResponse(404, { detail: `No resource at ${url.pathname}` });
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return problemResponse(405, { detail: `${method} is not supported; use GET` }, { Allow: 'GET, HEAD' });
  }
  try {
    switch (resource) {
      case 'breakdown':
        return answer(parseBreakdownParams(params), (p) => engine.breakdown(p));
      case 'delivery':
        return answer(parseDeliveryParams(params), (p) => engine.delivery(p));
      case 'messages':
        return answer(parseMessagesParams(params), (p) => engine.messages(p));
      default: {
        let field: string;
        try {
          field = decodeURIComponent(optionsField!);
        } catch {
          field = optionsField!;
        }
        // openapi.yaml: a `field` that is not a filter field is no resource at all.
        if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
          return problemResponse(404, { detail: `No filter field ${JSON.stringify(field)}; expected one of ${FILTER_FIELDS.join(', ')}` });
        }
        return answer(parseOptionsParams(field, params), (p) => engine.options(p));
      }
    }
  } catch (error) {
    return problemResponse(500, { detail: error instanceof Error ? error.message : String(error) });
  }
}
