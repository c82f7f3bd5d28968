/**
 * RFC 9457 problem details, the one error shape of the contract (openapi.yaml's `Problem`): the
 * default title per status, the 400 body for invalid parameters, and the JSON content types.
 */
import type { Problem } from '../../src/core/contract/types.js';

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

export type InvalidParam = { name: string; reason: string };

/** The problem body for `status`; `fields` override the defaults. */
function problemBody(status: number, fields: Problem = {}): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...fields };
}

/** A problem+json response; `headers` are added to the content type. */
export function problemResponse(status: number, fields: Problem = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(status, fields)), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** The 400 problem for a list of invalid parameters. */
export function invalidQuery(invalidParams: InvalidParam[]): Problem {
  return problemBody(400, { detail: invalidParams.map((p) => `${p.name} ${p.reason}`).join('; '), invalidParams });
}
