/**
 * openapi.yaml's response schemas under Ajv (JSON Schema 2020-12), closed, plus the valibot schemas
 * the client uses: one check that any answer of any backend (mocks, the server on SQLite or
 * PostgreSQL) is what the document says for its operation and status. Shared by
 * mock-responses.test.ts and the server's contract suite.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parse } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import * as v from 'valibot';
import {
  ActivityResponseSchema,
  BreakdownResponseSchema,
  BreakdownTrendResponseSchema,
  BroadcastsResponseSchema,
  CapabilitiesSchema,
  DeliveryBreakdownResponseSchema,
  DeliveryResponseSchema,
  MessagesResponseSchema,
  OptionsResponseSchema,
  ProblemSchema,
} from '../../src/core/contract/schemas.js';
import type { Problem } from '../../src/core/contract/types.js';

const OPENAPI = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The dereferenced-on-demand OpenAPI document. */
export const doc: any = await parse(OPENAPI);

const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  // `if`/`then` branches constrain properties (and require them) without repeating their types.
  strictTypes: false,
  strictRequired: false,
  formats: {
    'date-time': (s: string) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)),
    'uri-reference': (s: string) => !/\s/.test(s),
  },
});
{
  // OpenAPI refs become $defs refs; every object schema that lists its properties is closed.
  const defs = structuredClone(doc.components.schemas);
  const close = (node: any): void => {
    if (Array.isArray(node)) {
      node.forEach(close);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') node.$ref = node.$ref.replace('#/components/schemas/', '#/$defs/');
    if (node.type === 'object' && node.properties && !('additionalProperties' in node)) node.additionalProperties = false;
    Object.values(node).forEach(close);
  };
  close(defs);
  ajv.addSchema({ $id: 'urn:msg-report:openapi', $defs: defs });
}
const deref = (node: any) =>
  node?.$ref
    ? node.$ref
        .split('/')
        .slice(1)
        .reduce((o: any, k: string) => o[k], doc)
    : node;

/** The path template of openapi.yaml a request path (relative to the base URL) falls under. */
export function templateOf(path: string): string | undefined {
  return path.startsWith('/options/') ? '/options/{field}' : doc.paths[path] ? path : undefined;
}

/**
 * The documented response of `template` for `status`: its media type and schema name. A 5xx
 * status other than 500 uses the `500` entry ("any 5xx status carries the same body").
 */
export function documented(template: string | undefined, status: number): { mediaType: string; schema: string } {
  const responses = template ? doc.paths[template].get.responses : undefined;
  const key = responses && !responses[String(status)] && status >= 500 ? '500' : String(status);
  const response = template
    ? deref(responses[key])
    : status === 404
      ? doc.components.responses.NotFound // an unknown path
      : undefined;
  assert.ok(response, `${template ?? 'unknown path'} does not document status ${status}`);
  const [mediaType, media] = Object.entries<any>(response.content)[0]!;
  return { mediaType, schema: media.schema.$ref.split('/').pop() };
}

const valibotFor: Record<string, v.GenericSchema> = {
  ActivityResponse: ActivityResponseSchema,
  BreakdownResponse: BreakdownResponseSchema,
  BreakdownTrendResponse: BreakdownTrendResponseSchema,
  BroadcastsResponse: BroadcastsResponseSchema,
  Capabilities: CapabilitiesSchema,
  DeliveryResponse: DeliveryResponseSchema,
  DeliveryBreakdownResponse: DeliveryBreakdownResponseSchema,
  MessagesResponse: MessagesResponseSchema,
  OptionsResponse: OptionsResponseSchema,
  Problem: ProblemSchema,
};

export interface Answer {
  /** Path relative to the base URL, e.g. `/breakdown` or `/options/channel`. */
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * Asserts that `answer` is documented for its path and status: content type, the closed Ajv
 * schema and the valibot schema; a problem's `status` equals the HTTP status. Returns the schema
 * name it was validated against.
 */
export function assertDocumented(answer: Answer, what: string): string {
  const { mediaType, schema } = documented(templateOf(answer.path), answer.status);
  assert.equal(answer.contentType.split(';')[0]!.trim(), mediaType, `${what}: content type ${answer.contentType}`);
  const validate = ajv.getSchema(`urn:msg-report:openapi#/$defs/${schema}`)!;
  if (!validate(answer.body)) {
    const errors = validate.errors!.slice(0, 8).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`${what} does not match ${schema}:\n  ${errors.join('\n  ')}`);
  }
  const parsed = v.safeParse(valibotFor[schema]!, answer.body);
  assert.ok(
    parsed.success,
    `${what}: valibot ${schema}: ${JSON.stringify(parsed.issues?.[0]?.path?.map((p) => p.key))} ${parsed.issues?.[0]?.message}`,
  );
  if (schema === 'Problem' && (answer.body as Problem).status !== undefined)
    assert.equal((answer.body as Problem).status, answer.status, what);
  return schema;
}
