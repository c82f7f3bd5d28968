/**
 * Property-based tests (fast-check; issue 9, point 11): random requests over every parameter of
 * every resource — valid values, values of the wrong kind, hostile strings (control characters,
 * quotes, LIKE wildcards, long and non-ASCII text), repeated parameters, real, foreign and edited
 * cursors — sent to the reference engine, the server on SQLite and the server on PostgreSQL, as
 * the first of two tenants sharing the tables. For every request, on every engine:
 *
 * - the answer is a 200 or a 400 problem+json (a 404 only for an unknown options field), never
 *   a 5xx, and it is documented by openapi.yaml;
 * - every engine answers the same (status and body) as the reference, which only has this
 *   tenant's data;
 * - no row, group or option of the other tenant appears.
 *
 * Bounded: a fixed seed and a fixed number of runs per resource, so the run is the same every
 * time and takes about half a minute here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { generateDataset } from '../../reference/dataset/index.js';
import {
  DIRECTIONS,
  FILTER_FIELDS,
  GROUP_BYS,
  INTERVALS,
  MESSAGE_KINDS,
  MESSAGE_TYPES,
  ORDERS,
  SOURCES,
  type BreakdownResponse,
  type MessagesResponse,
  type OptionsResponse,
  type Problem,
} from '../../src/core/contract/types.js';
import { assertDocumented, type Answer } from './contract-ajv.js';
import { httpTarget, referenceTarget, type Target } from './contract-suite.js';
import { SKIP_POSTGRES, startPostgresServer, startSqliteServer, type RunningServer, type Tenant } from './contract-suite-servers.js';

const SEED = 20261130;
const RUNS = Number(process.env.MSG_REPORT_PROPERTY_RUNS ?? 300);

const END = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;
const dataset = generateDataset({ seed: 21, end: END, months: 13, messagesPerDay: 30, hostile: true });
// The other tenant: its own ids (prefixed), so that a leak is recognisable in any answer.
const neighbour = generateDataset({ seed: 22, end: END, months: 13, messagesPerDay: 30 });
for (const m of neighbour.messages) {
  m.id = `other_${m.id}`;
  m.channelId = `other_${m.channelId}`;
  m.contactId = `other_${m.contactId}`;
}
for (const c of neighbour.channels) c.id = `other_${c.id}`;
for (const c of neighbour.contacts) c.id = `other_${c.id}`;
const tenants: Tenant[] = [
  { workspace: 'ws_1', token: 'token-1', dataset },
  { workspace: 'ws_2', token: 'token-2', dataset: neighbour },
];

const ids = {
  channel: dataset.channels.map((c) => c.id),
  contact: dataset.contacts.map((c) => c.id),
  team: dataset.teams.map((t) => t.id),
  user: dataset.users.map((u) => u.id),
  broadcast: dataset.broadcasts.map((b) => b.id),
  source: [...SOURCES],
  type: [...MESSAGE_TYPES],
};
const own = {
  messages: new Set(dataset.messages.map((m) => m.id)),
  channels: new Set(ids.channel),
  options: new Set(Object.values(ids).flat()),
};

// ---- arbitraries ----------------------------------------------------------------------------------

/** Strings a hostile client sends. */
const hostile = fc.oneof(
  fc.constantFrom('', ' ', '%', '_', '\\', "'", '"', "'; DROP TABLE messages; --", 'null', 'undefined', '[]', '{}', '0', '-1', 'NaN'),
  fc.constantFrom('\u0000', 'a\u0000b', 'c_1\u0000', '\u0000%', 'tab\there', 'line\nbreak'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u200b', '\ufeff', 'é', '😀', 'a', '%'),
    maxLength: 6,
  }),
  fc.constant('x'.repeat(3_000)),
);

const instant = fc.oneof(
  // Whole local-ish days inside and around the data, as the elements send.
  fc.integer({ min: -430, max: 10 }).map((d) => new Date(Math.floor((END + d * DAY) / DAY) * DAY + 6 * 3_600_000).toISOString()),
  // Any millisecond, with offsets.
  fc.integer({ min: END - 500 * DAY, max: END + 30 * DAY }).map((ms) => new Date(ms).toISOString().replace('Z', '+00:00')),
  fc.constantFrom(
    '1969-12-31T00:00:00Z',
    '2101-01-01T00:00:01Z',
    '2026-02-30T00:00:00Z',
    '2026-11-01',
    '2026-11-01T25:00:00Z',
    'yesterday',
  ),
  hostile,
);

const zone = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'America/Mexico_City',
      'UTC',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/Santiago',
      'Europe/Madrid',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'aMeRiCa/mExIcO_cItY',
      'US/Eastern',
      'utc',
      'Etc/GMT+12',
      '+05:00',
      'Mars/Olympus_Mons',
      'America/Mexico_City\u0000',
    ),
  },
  { weight: 1, arbitrary: hostile },
);

/** A filter field's values: real ids, the other tenant's ids, unknown ones, hostile ones, repeated. */
const filterValues = (field: (typeof FILTER_FIELDS)[number]) =>
  fc.array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...ids[field]) },
      { weight: 2, arbitrary: fc.constantFrom('other_ch_1', 'other_c_1', 'ch_nope', 'c_nope') },
      { weight: 1, arbitrary: hostile },
    ),
    { maxLength: 3 },
  );

const pickOr = (values: readonly string[]) =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: hostile });
const integerText = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 1_205 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('1e3', ' 5', '5 ', '0x10', '00010', '2.5', '999999999999999999999') },
  { weight: 1, arbitrary: hostile },
);

/** A query: each parameter absent (undefined), once, or repeated. */
type Query = Record<string, string | string[] | undefined>;

/** `from` and `to`: mostly a range as the elements send it (up to a little over a year), else anything. */
const range = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: -420, max: 5 }), fc.integer({ min: 1, max: 380 }), fc.integer({ min: 0, max: 23 }))
      .map(([start, days, hour]) => {
        const from = Math.floor((END + start * DAY) / DAY) * DAY + hour * 3_600_000;
        return { from: new Date(from).toISOString(), to: new Date(from + days * DAY).toISOString() };
      }),
  },
  { weight: 1, arbitrary: fc.record({ from: instant, to: instant }, { requiredKeys: [] }) },
);

/**
 * `compareFrom`/`compareTo`: mostly a period before the range as the elements send it (edges on
 * any minute, up to a little over a year), sometimes only one of the two, reversed, or anything.
 */
const comparePeriod: fc.Arbitrary<Query> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.integer({ min: -800, max: 5 }), fc.integer({ min: 1, max: 370 * 24 * 60 })).map(([start, minutes]) => {
      const from = Math.floor((END + start * DAY) / DAY) * DAY;
      return { compareFrom: new Date(from).toISOString(), compareTo: new Date(from + minutes * 60_000).toISOString() };
    }),
  },
  { weight: 1, arbitrary: fc.record({ compareFrom: instant, compareTo: instant }, { requiredKeys: [] }) },
);

/** A required parameter: nearly always there. */
const required = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 20, arbitrary }, { weight: 1, arbitrary: fc.constant(undefined) });
/** An optional parameter: there one time in `1 / presence`. */
const optional = <T>(arbitrary: fc.Arbitrary<T>, presence = 0.5) =>
  fc.oneof(
    { weight: Math.round(presence * 10), arbitrary },
    { weight: Math.round((1 - presence) * 10), arbitrary: fc.constant(undefined) },
  );

const reportQuery: fc.Arbitrary<Query> = fc
  .tuple(
    range,
    fc.record({ tz: required(zone) }),
    fc.record(Object.fromEntries(FILTER_FIELDS.map((field) => [field, optional(filterValues(field), 0.3)]))),
  )
  .map(([r, z, filters]) => ({ ...r, ...z, ...filters }));

/** The report query and a resource's own parameters. */
const withReport = (own: Record<string, fc.Arbitrary<string | string[] | undefined>>, extra: fc.Arbitrary<Query> = fc.constant({})) =>
  fc.tuple(reportQuery, fc.record(own), extra).map(([a, b, c]): Query => ({ ...a, ...b, ...c }));

const breakdownQuery = withReport(
  {
    direction: required(pickOr(DIRECTIONS)),
    // Mostly by channel: the one grouping incoming messages allow.
    groupBy: required(fc.oneof({ weight: 2, arbitrary: fc.constant('channel') }, { weight: 3, arbitrary: pickOr(GROUP_BYS) })),
  },
  comparePeriod,
);
const deliveryQuery = withReport({ interval: required(pickOr(INTERVALS)) }, comparePeriod);
const optionsQuery = fc.tuple(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...FILTER_FIELDS) },
    { weight: 1, arbitrary: fc.constantFrom('colour', 'workspace', '..') },
  ),
  fc.record({
    q: optional(
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'ana', 'JOSÉ', 'ñ', 'whatsapp', '%', '_') }, { weight: 1, arbitrary: hostile }),
    ),
    limit: optional(integerText),
  }),
);

function search(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  return params.toString();
}

// ---- checks -----------------------------------------------------------------------------------------

/** Sends `path` to every target: 200/400 (404 for options fields), documented, the same everywhere, no foreign data. */
/** Statuses the reference answered, per resource: the runs must reach the engines, not only the validation. */
const statuses = new Map<string, Map<number, number>>();

async function check(targets: Target[], path: string): Promise<Answer> {
  const answers = await Promise.all(targets.map((target) => target.get(path)));
  const truth = answers[0]!;
  const resource = path.split(/[/?]/)[1] ?? '';
  const counts = statuses.get(resource) ?? new Map<number, number>();
  counts.set(truth.status, (counts.get(truth.status) ?? 0) + 1);
  statuses.set(resource, counts);
  answers.forEach((answer, i) => {
    const what = `${targets[i]!.name}: GET ${path.slice(0, 300)} → ${answer.status}`;
    assert.ok(answer.status < 500, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    const allowed = path.startsWith('/options/') ? [200, 400, 404] : [200, 400];
    assert.ok(allowed.includes(answer.status), `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    if (answer.status !== 200) assert.equal(answer.contentType, 'application/problem+json', what);
    assertDocumented(answer, what);
    noForeignData(answer, what);
    if (i > 0) {
      assert.equal(
        answer.status,
        truth.status,
        `${what}, the reference answered ${truth.status}: ${JSON.stringify(truth.body).slice(0, 300)}`,
      );
      if (answer.status !== 404) assert.deepEqual(answer.body, truth.body, `${what}: the same answer as the reference`);
    }
  });
  return truth;
}

function noForeignData(answer: Answer, what: string): void {
  if (answer.status !== 200) {
    assert.ok(typeof (answer.body as Problem).status === 'number', what);
    return;
  }
  const body = answer.body as Partial<MessagesResponse & BreakdownResponse & OptionsResponse>;
  for (const row of body.rows ?? []) {
    assert.ok(own.messages.has(row.id), `${what}: row ${row.id} is not this tenant's`);
    assert.ok(
      !row.channel.id.startsWith('other_') && !row.contact.id.startsWith('other_'),
      `${what}: row ${row.id} shows another tenant's data`,
    );
  }
  if (body.groupBy === 'channel')
    for (const group of body.groups ?? []) assert.ok(own.channels.has(group.key), `${what}: group ${group.key}`);
  for (const option of body.options ?? []) assert.ok(own.options.has(option.value), `${what}: option ${option.value}`);
}

/** Runs `run` on {@link RUNS} values of `arbitrary` (seeded); then at least a quarter of the answers must be 200s. */
async function property<T>(t: TestContext, resource: string, arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<void>) {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await run(value);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  const counts = statuses.get(resource) ?? new Map<number, number>();
  t.diagnostic(`${resource}: ${[...counts].map(([status, n]) => `${n} × ${status}`).join(', ')}`);
  assert.ok((counts.get(200) ?? 0) >= RUNS / 4, `at least a quarter of the ${resource} requests are answered 200`);
}

describe(`#11 property-based: every parameter of every resource, ${RUNS} random requests each, on every engine`, () => {
  let sqlite: RunningServer;
  let postgres: RunningServer | undefined;
  const targets: Target[] = [];
  /** Cursors of real listings, for the cursor parameter. */
  const cursors: string[] = [];

  before(async () => {
    sqlite = await startSqliteServer({ tenants });
    if (!SKIP_POSTGRES) postgres = await startPostgresServer({ tenants });
    targets.push(
      referenceTarget(dataset, { workspace: 'ws_1' }),
      httpTarget('SQLite server', sqlite.baseUrl, { Authorization: 'Bearer token-1' }),
    );
    if (postgres) targets.push(httpTarget('PostgreSQL server', postgres.baseUrl, { Authorization: 'Bearer token-1' }));
    for (const kind of MESSAGE_KINDS) {
      for (const order of ORDERS) {
        const from = new Date(END - 90 * DAY).toISOString();
        const page = (
          await check(targets, `/messages?${search({ from, to: new Date(END).toISOString(), tz: 'UTC', kind, order, limit: '3' })}`)
        ).body as MessagesResponse;
        if (page.nextCursor) cursors.push(page.nextCursor);
      }
    }
    assert.ok(cursors.length >= 4, 'real cursors to reuse');
  });
  after(async () => {
    await sqlite.close();
    await postgres?.close();
  });

  test('/breakdown', async (t) => {
    await property(t, 'breakdown', breakdownQuery, async (query) => {
      await check(targets, `/breakdown?${search(query)}`);
    });
  });

  test('/delivery', async (t) => {
    await property(t, 'delivery', deliveryQuery, async (query) => {
      await check(targets, `/delivery?${search(query)}`);
    });
  });

  test('/messages', async (t) => {
    const cursor = fc.oneof(
      fc.constantFrom(...cursors),
      fc
        .constantFrom(...cursors)
        .chain((c) => fc.nat({ max: c.length - 1 }).map((i) => `${c.slice(0, i)}${c[i] === 'A' ? 'B' : 'A'}${c.slice(i + 1)}`)),
      hostile,
    );
    const messagesQuery = withReport({
      kind: required(pickOr(MESSAGE_KINDS)),
      order: optional(pickOr(ORDERS)),
      limit: optional(integerText),
      cursor: optional(cursor, 0.2),
    });
    await property(t, 'messages', messagesQuery, async (query) => {
      await check(targets, `/messages?${search(query)}`);
    });
  });

  test('/options/{field}', async (t) => {
    await property(t, 'options', optionsQuery, async ([field, query]) => {
      await check(targets, `/options/${encodeURIComponent(field)}?${search(query)}`);
    });
  });
});
