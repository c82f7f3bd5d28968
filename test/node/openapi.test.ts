/**
 * The contract document itself: `openapi.yaml` is valid OpenAPI 3.1 and encodes the contract (docs/contract.md), the
 * committed `openapi.gen.ts` is what the document generates today, its JSON Schemas hold the
 * cross-field rules, and the valibot validators accept the contract's examples and reject broken
 * bodies.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dereference, parse, validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import * as v from 'valibot';
import {
  BreakdownResponseSchema,
  DeliveryResponseSchema,
  MessagesResponseSchema,
  OptionsResponseSchema,
  ProblemSchema,
} from '../../src/core/contract/schemas.js';
import { FILTER_FIELDS, MAX_BUCKETS, MAX_RANGE_DAYS, MAX_TREND_GROUPS, ROW_CAP } from '../../src/core/contract/types.js';

const OPENAPI = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const OPENAPI_URL = new URL('../../openapi.yaml', import.meta.url);
const GENERATED = new URL('../../src/core/contract/openapi.gen.ts', import.meta.url);

// ---- the contract's example bodies (the `…` timestamp made a real instant) ----------------------
const breakdown = {
  direction: 'outgoing',
  groupBy: 'source',
  total: 1520,
  groups: [{ key: 'user', label: 'User', count: 900, previousCount: 850 }],
  previousTotal: 1400,
  notApplicable: [],
};
const delivery = {
  interval: 'day',
  totals: { total: 1520, sent: 1480, delivered: 1400, read: 990, failed: 40 },
  series: [{ start: '2026-11-01T06:00:00.000Z', sent: 50, delivered: 47, read: 30, failed: 1 }],
  notReported: ['read'],
  notApplicable: [],
};
const messages = {
  kind: 'failed',
  total: 23817,
  cap: 10000,
  nextCursor: '…',
  rows: [
    {
      id: 'm_1',
      timestamp: '2026-11-01T14:00:00.000Z',
      contact: { id: 'c_9', name: 'Ana Pérez' },
      channel: { id: 'ch_2', name: 'WhatsApp Ventas', kind: 'whatsapp' },
      content: '…',
      source: 'broadcast',
      user: null,
      type: 'whatsapp_template',
      subtype: 'recordatorio_pago',
      broadcast: { id: 'b_3', name: 'Cobranza nov' },
      deliveredAt: null,
      readAt: null,
      error: { code: '131026', message: 'Message undeliverable' },
    },
  ],
};
const options = {
  field: 'channel',
  options: [{ value: 'ch_2', label: 'WhatsApp Ventas', kind: 'whatsapp', reports: ['sent', 'delivered', 'read', 'failed'] }],
};
const problem = {
  type: 'about:blank',
  title: 'Invalid query',
  status: 400,
  detail: 'from must be before to',
  invalidParams: [{ name: 'from', reason: 'must be before to' }],
};
const incomingRow = {
  id: 'm_2',
  timestamp: '2026-11-01T15:30:00-06:00',
  contact: { id: 'c_1', name: 'Luis' },
  channel: { id: 'ch_1', name: 'Chat del sitio web', kind: 'webchat' },
  content: 'Hola',
};
const outgoingRow = {
  ...incomingRow,
  id: 'm_3',
  source: 'user',
  user: { id: 'u_1', name: 'Marta' },
  type: 'session',
  subtype: null,
  broadcast: null,
  deliveredAt: '2026-11-01T21:31:00.000Z',
  readAt: null,
};

/** A deep copy of `value` with `edit` applied, for broken variants of an example. */
function edited<T>(value: T, edit: (draft: any) => void): T {
  const draft = structuredClone(value);
  edit(draft);
  return draft;
}

// ---- the document's schemas under Ajv (JSON Schema 2020-12) ------------------------------------
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A validator per component schema. `closed` adds `additionalProperties: false` to every object
 * schema that lists its properties, so a misspelt field fails (the document itself stays open).
 */
async function contractValidators(closed: boolean) {
  const doc: any = await parse(OPENAPI);
  const id = 'urn:msg-report:openapi';
  const rewrite = (node: any): void => {
    if (Array.isArray(node)) {
      node.forEach(rewrite);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') node.$ref = node.$ref.replace('#/components/schemas/', '#/$defs/');
    if (closed && node.type === 'object' && node.properties && !('additionalProperties' in node)) node.additionalProperties = false;
    Object.values(node).forEach(rewrite);
  };
  const defs = structuredClone(doc.components.schemas);
  rewrite(defs);
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
  ajv.addSchema({ $id: id, $defs: defs });
  return (name: string, body: unknown): string[] => {
    const validate = ajv.getSchema(`${id}#/$defs/${name}`);
    assert.ok(validate, `no schema ${name}`);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe('openapi.yaml', () => {
  test('is a valid OpenAPI 3.1 document, without warnings', async () => {
    const result = await validate(OPENAPI);
    assert.deepEqual(result, { valid: true, warnings: [], specification: 'OpenAPI' });
    const doc: any = await parse(OPENAPI);
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.version, '1.0.0');
  });

  test('encodes the contract (docs/contract.md): resources, parameters, errors, auth', async () => {
    const doc: any = await dereference(OPENAPI);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/activity',
      '/breakdown',
      '/breakdown-trend',
      '/broadcasts',
      '/capabilities',
      '/delivery',
      '/delivery-breakdown',
      '/export/messages',
      '/messages',
      '/options/{field}',
    ]);
    for (const item of Object.values<any>(doc.paths)) assert.deepEqual(Object.keys(item), ['get']);

    const names = (path: string) => doc.paths[path].get.parameters.map((p: any) => `${p.in}:${p.name}${p.required ? '!' : ''}`);
    const query = ['query:from!', 'query:to!', 'query:tz!', ...FILTER_FIELDS.map((f) => `query:${f}`)];
    assert.deepEqual(names('/breakdown'), [...query, 'query:direction!', 'query:groupBy!', 'query:compareFrom', 'query:compareTo']);
    assert.deepEqual(names('/delivery'), [...query, 'query:interval!', 'query:compareFrom', 'query:compareTo']);
    assert.deepEqual(names('/delivery-breakdown'), [...query, 'query:groupBy!']);
    assert.deepEqual(doc.paths['/delivery-breakdown'].get.parameters.find((p: any) => p.name === 'groupBy').schema.enum, [
      'channel',
      'source',
      'type',
      'subtype',
      'broadcast',
    ]);
    assert.deepEqual(names('/messages'), [...query, 'query:kind!', 'query:status', 'query:limit', 'query:cursor', 'query:order']);
    assert.deepEqual(names('/options/{field}'), ['path:field!', 'query:q', 'query:limit']);
    // Issue 12: a breakdown per bucket of the delivery line, and the week's hours.
    assert.deepEqual(names('/breakdown-trend'), [...query, 'query:direction!', 'query:groupBy!', 'query:interval!', 'query:top']);
    assert.deepEqual(names('/activity'), [...query, 'query:direction!']);
    assert.deepEqual(names('/broadcasts'), [...query, 'query:limit']);

    const param = (path: string, name: string) => doc.paths[path].get.parameters.find((p: any) => p.name === name);
    for (const field of FILTER_FIELDS) {
      const p = param('/messages', field);
      assert.equal(p.style, 'form', field);
      assert.equal(p.explode, true, field);
      assert.equal(p.schema.type, 'array', field);
    }
    assert.deepEqual(param('/messages', 'limit').schema, { type: 'integer', minimum: 1, maximum: 1000, default: 100 });
    assert.deepEqual(param('/options/{field}', 'limit').schema, { type: 'integer', minimum: 1, maximum: 200, default: 50 });
    assert.deepEqual(param('/broadcasts', 'limit').schema, { type: 'integer', minimum: 1, maximum: 500, default: 100 });
    assert.equal(param('/messages', 'order').schema.default, 'desc');
    for (const path of ['/breakdown', '/delivery']) {
      for (const name of ['compareFrom', 'compareTo'])
        assert.deepEqual(param(path, name).schema, param(path, 'from').schema, `${path} ${name}`);
    }
    assert.deepEqual(param('/options/{field}', 'field').schema.enum, [...FILTER_FIELDS]);

    // Data Export: the list's query without its paging, plus the language; a CSV file.
    assert.deepEqual(names('/export/messages'), [...query, 'query:kind!', 'query:status', 'query:order', 'query:lang']);
    assert.deepEqual(param('/export/messages', 'lang').schema, {
      type: 'string',
      enum: ['es', 'en', 'pt'],
      default: 'es',
      description: "A language of the report's strings.",
    });
    assert.deepEqual(Object.keys(doc.paths['/export/messages'].get.responses['200'].content), ['text/csv']);
    assert.ok(doc.paths['/export/messages'].get.responses['200'].headers['Content-Disposition'].required);
    assert.deepEqual(Object.keys(doc.paths['/capabilities'].get.responses), ['200', '401', '403', '404', '429', '500']);

    for (const [path, item] of Object.entries<any>(doc.paths)) {
      if (path === '/capabilities' || path === '/export/messages') continue;
      const responses = item.get.responses;
      const expected = ['200', '400', '401', '403', ...(path === '/options/{field}' ? ['404'] : []), '429', '500'];
      assert.deepEqual(Object.keys(responses), expected, path);
      assert.deepEqual(Object.keys(responses['200'].content), ['application/json'], path);
      for (const status of expected.slice(1)) {
        assert.deepEqual(Object.keys(responses[status].content), ['application/problem+json'], `${path} ${status}`);
        assert.ok(responses[status].content['application/problem+json'].schema.properties.invalidParams, `${path} ${status}`);
      }
      assert.ok(responses['429'].headers['Retry-After'], `${path} 429 Retry-After`);
    }

    // The limits, as types.ts exports them.
    assert.equal(doc.components.schemas.DeliveryResponse.properties.series.maxItems, MAX_BUCKETS);
    assert.equal(doc.components.schemas.BreakdownTrendResponse.properties.series.maxItems, MAX_BUCKETS);
    assert.equal(doc.paths['/breakdown-trend'].get.parameters.find((p: any) => p.name === 'top').schema.maximum, MAX_TREND_GROUPS);
    assert.deepEqual(doc.components.schemas.MessagesResponse.properties.cap.examples, [ROW_CAP]);

    // No auth of its own: anonymous or an optional bearer token.
    assert.deepEqual(doc.security, [{}, { bearerAuth: [] }]);
    assert.deepEqual(doc.components.securitySchemes.bearerAuth.type, 'http');
  });

  test("carries the contract's rules in its descriptions", async () => {
    const text = (await readFile(OPENAPI, 'utf8')).replace(/\s+/g, ' ');
    for (const phrase of [
      'OR within a field, AND across fields',
      "listed in the response's `notApplicable`",
      `at most ${MAX_RANGE_DAYS} days`,
      `more than ${MAX_BUCKETS} buckets`,
      'Sent ⊇ Delivered ⊇ Read; Failed is disjoint',
      'within 30 days of sending',
      '`notReported` lists the statuses',
      'Keyset paging',
      `paging stops after \`cap\` rows (${ROW_CAP})`,
      'bucket starts are local midnights',
      'never from a query parameter',
      'case- and accent-insensitively',
    ]) {
      assert.ok(text.includes(phrase), phrase);
    }
  });

  test('generates exactly the committed openapi.gen.ts (run `npm run contract:types` after editing the yaml)', async () => {
    const ast = await openapiTS(OPENAPI_URL, { silent: true });
    const generated = COMMENT_HEADER + astToString(ast);
    const committed = await readFile(GENERATED, 'utf8');
    assert.ok(generated === committed, 'src/core/contract/openapi.gen.ts is stale: run `npm run contract:types`');
  });

  test("its examples and the contract's validate against its schemas, open and closed", async () => {
    const open = await contractValidators(false);
    const closed = await contractValidators(true);
    const doc: any = await dereference(OPENAPI);
    const bodies: [string, unknown][] = [
      ['BreakdownResponse', breakdown],
      ['DeliveryResponse', delivery],
      ['MessagesResponse', messages],
      ['OptionsResponse', options],
      ['Problem', problem],
      ['BreakdownResponse', doc.paths['/breakdown'].get.responses['200'].content['application/json'].example],
      ['DeliveryResponse', doc.paths['/delivery'].get.responses['200'].content['application/json'].example],
      ['DeliveryBreakdownResponse', doc.paths['/delivery-breakdown'].get.responses['200'].content['application/json'].example],
      ['MessagesResponse', doc.paths['/messages'].get.responses['200'].content['application/json'].example],
      ['OptionsResponse', doc.paths['/options/{field}'].get.responses['200'].content['application/json'].example],
      ['BreakdownTrendResponse', doc.paths['/breakdown-trend'].get.responses['200'].content['application/json'].example],
      ['ActivityResponse', doc.paths['/activity'].get.responses['200'].content['application/json'].example],
      ['BroadcastsResponse', doc.paths['/broadcasts'].get.responses['200'].content['application/json'].example],
      ['Problem', doc.components.responses.BadRequest.content['application/problem+json'].example],
      ['MessagesResponse', { kind: 'incoming', total: 1, cap: 10000, nextCursor: null, rows: [incomingRow] }],
      ['MessagesResponse', { kind: 'outgoing', total: 1, cap: 10000, nextCursor: null, rows: [outgoingRow] }],
    ];
    for (const [name, body] of bodies) {
      assert.deepEqual(open(name, body), [], `${name} ${JSON.stringify(body)}`);
      assert.deepEqual(closed(name, body), [], `${name} ${JSON.stringify(body)}`);
    }
  });

  test('tolerates unknown response fields, while the closed copy catches misspellings', async () => {
    const open = await contractValidators(false);
    const closed = await contractValidators(true);
    const misspelt = edited(breakdown, (d) => {
      d.groups[0].previousCont = d.groups[0].previousCount;
      delete d.groups[0].previousCount;
    });
    assert.deepEqual(
      open(
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.newField = 1;
        }),
      ),
      [],
    );
    assert.notDeepEqual(
      closed(
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.newField = 1;
        }),
      ),
      [],
    );
    // A misspelt optional field is only an unknown field to the open schema...
    assert.notDeepEqual(closed('BreakdownResponse', misspelt), []);
    assert.notDeepEqual(
      closed(
        'MessagesResponse',
        edited(messages, (d) => {
          d.rows[0].readat = null;
        }),
      ),
      [],
    );
  });

  test('rejects what the contract (docs/contract.md) forbids', async () => {
    const open = await contractValidators(false);
    const rejected: [string, unknown, string][] = [
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          delete d.total;
        }),
        'missing total',
      ],
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.groups[0].count = -1;
        }),
        'negative count',
      ],
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.groups[0].count = 0;
        }),
        'zero-count group',
      ],
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.total = 1.5;
        }),
        'fractional count',
      ],
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.direction = 'incoming';
        }),
        'incoming grouped by source',
      ],
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          delete d.groups[0].previousCount;
        }),
        'previousTotal without previousCount',
      ],
      [
        'BreakdownResponse',
        edited(breakdown, (d) => {
          d.notApplicable = ['colour'];
        }),
        'bad filter field',
      ],
      [
        'DeliveryResponse',
        edited(delivery, (d) => {
          d.interval = 'year';
        }),
        'bad interval',
      ],
      [
        'DeliveryResponse',
        edited(delivery, (d) => {
          d.series[0].start = '2026-11-01';
        }),
        'date, not instant',
      ],
      [
        'DeliveryResponse',
        edited(delivery, (d) => {
          d.notReported = ['opened'];
        }),
        'bad status',
      ],
      [
        'DeliveryResponse',
        edited(delivery, (d) => {
          d.series = Array(801).fill(d.series[0]);
        }),
        'over 800 buckets',
      ],
      [
        'MessagesResponse',
        edited(messages, (d) => {
          delete d.nextCursor;
        }),
        'missing nextCursor',
      ],
      [
        'MessagesResponse',
        edited(messages, (d) => {
          delete d.rows[0].error;
        }),
        'failed row without error',
      ],
      [
        'MessagesResponse',
        edited(messages, (d) => {
          d.rows[0].deliveredAt = d.rows[0].timestamp;
        }),
        'delivered failed row',
      ],
      [
        'MessagesResponse',
        edited(messages, (d) => {
          d.rows[0].source = 'fax';
        }),
        'bad source',
      ],
      [
        'MessagesResponse',
        edited(messages, (d) => {
          d.rows[0].channel.kind = '';
        }),
        'empty channel kind',
      ],
      [
        'MessagesResponse',
        { kind: 'incoming', total: 1, cap: 10000, nextCursor: null, rows: [outgoingRow] },
        'outgoing row in the incoming list',
      ],
      [
        'MessagesResponse',
        { kind: 'outgoing', total: 1, cap: 10000, nextCursor: null, rows: [incomingRow] },
        'incoming row in the outgoing list',
      ],
      [
        'MessagesResponse',
        edited(messages, (d) => {
          d.kind = 'outgoing';
        }),
        'failed row in the outgoing list',
      ],
      [
        'OptionsResponse',
        edited(options, (d) => {
          delete d.options[0].reports;
        }),
        'channel option without reports',
      ],
      ['OptionsResponse', { field: 'contact', options: [{ value: 'c_1', label: 'Luis', kind: 'whatsapp' }] }, 'contact option with a kind'],
      [
        'Problem',
        edited(problem, (d) => {
          d.invalidParams[0] = { name: 'from' };
        }),
        'invalid param without reason',
      ],
      [
        'Problem',
        edited(problem, (d) => {
          d.status = '400';
        }),
        'status as a string',
      ],
    ];
    for (const [name, body, why] of rejected) assert.notDeepEqual(open(name, body), [], why);
    // An unknown channel kind is not an error: the list is open.
    assert.deepEqual(
      open(
        'MessagesResponse',
        edited(messages, (d) => {
          d.rows[0].channel.kind = 'carrier_pigeon';
        }),
      ),
      [],
    );
  });
});

describe('valibot response schemas', () => {
  const cases = [
    ['BreakdownResponseSchema', BreakdownResponseSchema, breakdown],
    ['DeliveryResponseSchema', DeliveryResponseSchema, delivery],
    ['MessagesResponseSchema', MessagesResponseSchema, messages],
    ['OptionsResponseSchema', OptionsResponseSchema, options],
    ['ProblemSchema', ProblemSchema, problem],
  ] as const;

  test("accept the contract's examples and return them unchanged", () => {
    for (const [name, schema, body] of cases) {
      const result = v.safeParse(schema, body);
      assert.ok(result.success, `${name}: ${JSON.stringify(result.issues)}`);
      assert.deepEqual(result.output, body, name); // no field of the example is dropped
    }
    for (const rows of [[incomingRow], [outgoingRow]]) {
      const body = { kind: 'outgoing', total: 1, cap: 10000, nextCursor: null, rows };
      assert.deepEqual(v.parse(MessagesResponseSchema, body), body);
    }
  });

  test('ignore unknown fields and accept unknown channel kinds', () => {
    const newer = edited(messages, (d) => {
      d.apiVersion = 2;
      d.rows[0].channel.kind = 'carrier_pigeon';
      d.rows[0].channel.avatar = 'x.png';
    });
    const output = v.parse(MessagesResponseSchema, newer);
    assert.equal(output.rows[0]!.channel.kind, 'carrier_pigeon');
    assert.ok(!('apiVersion' in output) && !('avatar' in output.rows[0]!.channel));
    assert.ok(
      v.is(OptionsResponseSchema, { field: 'channel', options: [{ value: 'x', label: 'X', kind: 'carrier_pigeon', reports: [] }] }),
    );
  });

  test('reject broken bodies', () => {
    const rejected: [string, v.GenericSchema, unknown][] = [
      [
        'missing total',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          delete d.total;
        }),
      ],
      [
        'negative count',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          d.groups[0].count = -3;
        }),
      ],
      [
        'fractional count',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          d.previousTotal = 1.5;
        }),
      ],
      [
        'count as string',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          d.total = '1520';
        }),
      ],
      [
        'bad direction',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          d.direction = 'sideways';
        }),
      ],
      [
        'bad groupBy',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          d.groupBy = 'team';
        }),
      ],
      [
        'bad filter field',
        BreakdownResponseSchema,
        edited(breakdown, (d) => {
          d.notApplicable = ['colour'];
        }),
      ],
      [
        'missing totals.read',
        DeliveryResponseSchema,
        edited(delivery, (d) => {
          delete d.totals.read;
        }),
      ],
      [
        'negative bucket count',
        DeliveryResponseSchema,
        edited(delivery, (d) => {
          d.series[0].failed = -1;
        }),
      ],
      [
        'bad interval',
        DeliveryResponseSchema,
        edited(delivery, (d) => {
          d.interval = 'fortnight';
        }),
      ],
      [
        'bad status',
        DeliveryResponseSchema,
        edited(delivery, (d) => {
          d.notReported = ['opened'];
        }),
      ],
      [
        'start not an instant',
        DeliveryResponseSchema,
        edited(delivery, (d) => {
          d.series[0].start = 'yesterday';
        }),
      ],
      [
        'start an impossible date',
        DeliveryResponseSchema,
        edited(delivery, (d) => {
          d.series[0].start = '2026-13-45T00:00:00.000Z';
        }),
      ],
      [
        'missing nextCursor',
        MessagesResponseSchema,
        edited(messages, (d) => {
          delete d.nextCursor;
        }),
      ],
      [
        'bad kind',
        MessagesResponseSchema,
        edited(messages, (d) => {
          d.kind = 'spam';
        }),
      ],
      [
        'bad source',
        MessagesResponseSchema,
        edited(messages, (d) => {
          d.rows[0].source = 'fax';
        }),
      ],
      [
        'bad type',
        MessagesResponseSchema,
        edited(messages, (d) => {
          d.rows[0].type = 'sms';
        }),
      ],
      [
        'row without channel kind',
        MessagesResponseSchema,
        edited(messages, (d) => {
          delete d.rows[0].channel.kind;
        }),
      ],
      [
        'user neither ref nor null',
        MessagesResponseSchema,
        edited(messages, (d) => {
          d.rows[0].user = 'u_1';
        }),
      ],
      [
        'readAt not an instant',
        MessagesResponseSchema,
        edited(messages, (d) => {
          d.rows[0].readAt = 1730000000000;
        }),
      ],
      [
        'error without code',
        MessagesResponseSchema,
        edited(messages, (d) => {
          delete d.rows[0].error.code;
        }),
      ],
      [
        'bad field',
        OptionsResponseSchema,
        edited(options, (d) => {
          d.field = 'colour';
        }),
      ],
      [
        'bad reports',
        OptionsResponseSchema,
        edited(options, (d) => {
          d.options[0].reports = ['seen'];
        }),
      ],
      [
        'option without label',
        OptionsResponseSchema,
        edited(options, (d) => {
          delete d.options[0].label;
        }),
      ],
      [
        'invalid param without reason',
        ProblemSchema,
        edited(problem, (d) => {
          d.invalidParams = [{ name: 'from' }];
        }),
      ],
      [
        'status as string',
        ProblemSchema,
        edited(problem, (d) => {
          d.status = '400';
        }),
      ],
      ['not an object', ProblemSchema, 'Bad Request'],
    ];
    for (const [why, schema, body] of rejected) assert.equal(v.safeParse(schema, body).success, false, why);
  });
});
