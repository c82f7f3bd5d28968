/**
 * Every answer the MSW mocks give, over a broad matrix of requests, against `openapi.yaml`: each
 * body is validated with Ajv (JSON Schema 2020-12) against a closed copy of the documented schema
 * for its operation and status (so a misspelt or undocumented field fails), and with the valibot
 * schema the client uses. A few of the contract's rules (docs/contract.md) that no schema can hold (funnel sums,
 * ordering, paging, `notApplicable`, `notReported`) are checked on the same answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createHandlers, emptyHandlers, errorHandlers } from '../../mock/handlers.js';
import { generateDataset } from '../../reference/dataset/index.js';
import {
  FILTER_FIELDS,
  GROUP_BYS,
  INTERVALS,
  MESSAGE_KINDS,
  ROW_CAP,
  STATUSES,
  type BreakdownResponse,
  type DeliveryResponse,
  type DeliveryTotals,
  type FilterField,
  type Filters,
  type Interval,
  type MessageKind,
  type MessagesResponse,
  type OptionsResponse,
  type Problem,
} from '../../src/core/contract/types.js';
import { addDays, isoWeekday, localDate, localParts, startOfDay } from '../../src/core/query/zoned-time.js';
import { assertDocumented } from './contract-ajv.js';

const BASE = 'http://mock.test/api';
const DAY = 86_400_000;

// ---- the mocks ---------------------------------------------------------------------------------
const dataset = generateDataset({ seed: 7, end: Date.UTC(2026, 10, 26, 12), hostile: true });
const TZ = dataset.workspace.timezone;
const server = setupServer(...createHandlers({ baseUrl: BASE, dataset }));

type Params = Record<string, string | number | readonly string[] | undefined>;
let validated = 0;

/**
 * GETs `path`, asserts the status and content type, validates the body against the documented
 * schema (closed) and the valibot schema, and returns it.
 */
async function call<T>(path: string, params: Params, expectedStatus: number | number[] = 200): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const url = `${BASE}${path}${search.size ? `?${search.toString()}` : ''}`;
  const response = await fetch(url);
  const what = `GET ${decodeURIComponent(url.slice(BASE.length))} → ${response.status}`;
  const body = await response.json();
  const statuses = [expectedStatus].flat();
  assert.ok(statuses.includes(response.status), `${what}, expected ${statuses.join(' or ')}: ${JSON.stringify(body).slice(0, 400)}`);

  assertDocumented({ path, status: response.status, contentType: response.headers.get('content-type') ?? '', body }, what);
  validated++;
  return body as T;
}

// ---- ranges, as the filter bar sends them: local midnights of the workspace zone ---------------
const today = localDate(dataset.end - 1, TZ);
/** The last `days` local days up to today: [start of the first, start of tomorrow). */
function lastDays(days: number): { from: string; to: string } {
  return {
    from: new Date(startOfDay(addDays(today, 1 - days), TZ)).toISOString(),
    to: new Date(startOfDay(addDays(today, 1), TZ)).toISOString(),
  };
}
/** `compareFrom`/`compareTo` for the `days` local days before a range of `days` days up to today. */
function previousDays(days: number): { compareFrom: string; compareTo: string } {
  return {
    compareFrom: new Date(startOfDay(addDays(today, 1 - 2 * days), TZ)).toISOString(),
    compareTo: new Date(startOfDay(addDays(today, 1 - days), TZ)).toISOString(),
  };
}
const month = { ...lastDays(30), tz: TZ };
const previousMonth = previousDays(30);

const filterParams = (filters: Filters): Params => ({ ...filters });
const sameSet = (a: readonly string[], b: readonly string[], what: string) => assert.deepEqual([...a].sort(), [...b].sort(), what);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// ---- the rules no schema holds -----------------------------------------------------------------
function checkBreakdown(body: BreakdownResponse, compare: boolean, what: string) {
  assert.equal(sum(body.groups.map((g) => g.count)), body.total, `${what}: total is the sum of the groups`);
  for (let i = 1; i < body.groups.length; i++) {
    assert.ok(body.groups[i - 1]!.count >= body.groups[i]!.count, `${what}: groups sorted by count, descending`);
  }
  assert.equal(new Set(body.groups.map((g) => g.key)).size, body.groups.length, `${what}: group keys unique`);
  if (compare) {
    assert.equal(typeof body.previousTotal, 'number', `${what}: previousTotal with compareFrom/compareTo`);
    assert.ok(sum(body.groups.map((g) => g.previousCount ?? 0)) <= body.previousTotal!, `${what}: previous counts within previousTotal`);
  } else {
    assert.ok(
      !('previousTotal' in body) && body.groups.every((g) => !('previousCount' in g)),
      `${what}: no previous figures without compareFrom/compareTo`,
    );
  }
}

function checkFunnel(totals: DeliveryTotals, what: string) {
  assert.equal(totals.total, totals.sent + totals.failed, `${what}: total = sent + failed`);
  assert.ok(totals.sent >= totals.delivered && totals.delivered >= totals.read, `${what}: sent ≥ delivered ≥ read`);
}

function checkDelivery(body: DeliveryResponse, query: { from: string; to: string }, interval: Interval, compare: boolean, what: string) {
  assert.equal(body.interval, interval, what);
  checkFunnel(body.totals, what);
  for (const status of STATUSES) {
    assert.equal(sum(body.series.map((b) => b[status])), body.totals[status], `${what}: series sums to totals.${status}`);
  }
  if (compare) checkFunnel(body.previousTotals!, `${what} previousTotals`);
  else assert.ok(!('previousTotals' in body), `${what}: no previousTotals without compareFrom/compareTo`);

  const starts = body.series.map((b) => Date.parse(b.start));
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  assert.ok(starts.length > 0 && starts[0]! <= from && starts.at(-1)! < to, `${what}: the buckets cover the range`);
  for (let i = 0; i < starts.length; i++) {
    const p = localParts(starts[i]!, TZ);
    assert.ok(i === 0 || starts[i]! > starts[i - 1]!, `${what}: buckets in order`);
    assert.ok(p.minute === 0 && p.second === 0, `${what}: ${body.series[i]!.start} starts on the hour`);
    if (interval !== 'hour') assert.equal(p.hour, 0, `${what}: ${body.series[i]!.start} starts at local midnight`);
    if (interval === 'week') assert.equal(isoWeekday(p), 1, `${what}: ${body.series[i]!.start} is a Monday`);
    if (interval === 'month') assert.equal(p.day, 1, `${what}: ${body.series[i]!.start} is a month's first`);
  }
  if (interval === 'day') assert.equal(starts.length, Math.round((to - from) / DAY), `${what}: one bucket per day, zeros included`);
  if (interval === 'hour') assert.equal(starts.length, Math.round((to - from) / (DAY / 24)), `${what}: one bucket per hour`);
}

/** Rows in `order` by (timestamp, id): strictly, since ids are unique. */
function inOrder(a: { timestamp: string; id: string }, b: { timestamp: string; id: string }, order: 'asc' | 'desc'): boolean {
  const ta = Date.parse(a.timestamp);
  const tb = Date.parse(b.timestamp);
  const ascending = ta < tb || (ta === tb && a.id < b.id);
  const descending = ta > tb || (ta === tb && a.id > b.id);
  return order === 'asc' ? ascending : descending;
}

/** Pages through a list (at most `maxPages`), checking keyset paging; returns the rows seen. */
async function pageThrough(kind: MessageKind, params: Params, limit: number, order: 'asc' | 'desc' | undefined, maxPages: number) {
  const what = `${kind} ${order ?? '(default order)'} limit ${limit}`;
  const rows: MessagesResponse['rows'] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  let pages = 0;
  do {
    const page = await call<MessagesResponse>('/messages', { ...params, kind, limit, order, cursor });
    pages++;
    assert.equal(page.kind, kind, what);
    assert.equal(page.cap, ROW_CAP, `${what}: cap`);
    assert.ok(page.rows.length <= limit, `${what}: at most limit rows`);
    if (total !== undefined) assert.equal(page.total, total, `${what}: total stable across pages`);
    total = page.total;
    if (page.nextCursor !== null) assert.equal(page.rows.length, limit, `${what}: a page before the last is full`);
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages < maxPages);
  for (let i = 1; i < rows.length; i++) {
    assert.ok(inOrder(rows[i - 1]!, rows[i]!, order ?? 'desc'), `${what}: rows ${i - 1}, ${i} ordered by timestamp, then id`);
  }
  if (!cursor) assert.equal(rows.length, Math.min(total, ROW_CAP), `${what}: paging ends after min(total, cap) rows`);
  return { rows, total, done: !cursor, pages };
}

// ---- the matrix --------------------------------------------------------------------------------
describe('MSW mock responses match openapi.yaml', () => {
  const optionsByField = new Map<FilterField, OptionsResponse['options']>();

  before(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    for (const field of FILTER_FIELDS) {
      const body = await call<OptionsResponse>(`/options/${field}`, { limit: 200 });
      assert.equal(body.field, field);
      optionsByField.set(field, body.options);
    }
  });
  after(() => server.close());

  const first = (field: FilterField, n = 1) => {
    const values = optionsByField
      .get(field)!
      .slice(0, n)
      .map((o) => o.value);
    assert.ok(values.length > 0, `the mock offers a ${field} option`);
    return values;
  };
  /** The filter sets of the matrix: each field alone, then combinations. */
  const filterSets = (): [string, Filters][] => [
    ...FILTER_FIELDS.map((field): [string, Filters] => [field, { [field]: first(field) }]),
    ['two channels', { channel: first('channel', 2) }],
    ['channel + user', { channel: first('channel'), user: first('user') }],
    ['source + type', { source: first('source', 2), type: first('type') }],
    ['channel + source + broadcast', { channel: first('channel', 3), source: ['broadcast'], broadcast: first('broadcast', 5) }],
    ['team + contact', { team: first('team'), contact: first('contact', 20) }],
    ['all seven', Object.fromEntries(FILTER_FIELDS.map((f) => [f, first(f, 2)]))],
  ];

  test('/breakdown: every grouping, with and without compareFrom/compareTo', async () => {
    for (const compare of [{}, previousMonth]) {
      const comparing = 'compareFrom' in compare;
      for (const groupBy of GROUP_BYS) {
        const body = await call<BreakdownResponse>('/breakdown', { ...month, direction: 'outgoing', groupBy, ...compare });
        assert.equal(body.groupBy, groupBy);
        assert.equal(body.direction, 'outgoing');
        assert.deepEqual(body.notApplicable, []);
        checkBreakdown(body, comparing, `outgoing by ${groupBy} ${comparing ? 'compared' : ''}`);
      }
      const incoming = await call<BreakdownResponse>('/breakdown', { ...month, direction: 'incoming', groupBy: 'channel', ...compare });
      assert.ok(incoming.total > 0, 'the mock has incoming messages');
      checkBreakdown(incoming, comparing, `incoming by channel ${comparing ? 'compared' : ''}`);
    }
  });

  test('/delivery: every interval, with and without compareFrom/compareTo', async () => {
    const ranges: Record<Interval, number> = { hour: 2, day: 30, week: 91, month: 366 };
    for (const interval of INTERVALS) {
      for (const comparing of [false, true]) {
        const range = lastDays(ranges[interval]);
        const compare = comparing ? previousDays(ranges[interval]) : {};
        const body = await call<DeliveryResponse>('/delivery', { ...range, tz: TZ, interval, ...compare });
        checkDelivery(body, range, interval, comparing, `${interval} ${comparing ? 'compared' : ''}`);
        assert.deepEqual(body.notApplicable, []);
      }
    }
  });

  test('filters alone and combined, on every resource', async () => {
    const channels = optionsByField.get('channel')!;
    for (const [name, filters] of filterSets()) {
      const query = { ...month, ...filterParams(filters) };
      const active = FILTER_FIELDS.filter((f) => filters[f]?.length);
      const notForIncoming = active.filter((f) => f === 'source' || f === 'type' || f === 'broadcast');

      const out = await call<BreakdownResponse>('/breakdown', { ...query, direction: 'outgoing', groupBy: 'source' });
      checkBreakdown(out, false, `${name}: outgoing`);
      assert.deepEqual(out.notApplicable, [], `${name}: every filter applies to outgoing`);
      const inc = await call<BreakdownResponse>('/breakdown', { ...query, direction: 'incoming', groupBy: 'channel' });
      checkBreakdown(inc, false, `${name}: incoming`);
      sameSet(inc.notApplicable, notForIncoming, `${name}: incoming notApplicable`);

      const delivery = await call<DeliveryResponse>('/delivery', { ...query, interval: 'day', ...previousMonth });
      checkDelivery(delivery, month, 'day', true, `${name}: delivery`);
      assert.deepEqual(delivery.notApplicable, [], `${name}: every filter applies to delivery`);
      const inScope = filters.channel ? channels.filter((c) => filters.channel!.includes(c.value)) : channels;
      const reported = new Set(inScope.flatMap((c) => c.reports ?? []));
      sameSet(
        delivery.notReported,
        STATUSES.filter((s) => !reported.has(s)),
        `${name}: notReported`,
      );

      for (const kind of MESSAGE_KINDS) {
        const page = await call<MessagesResponse>('/messages', { ...query, kind, limit: 25 });
        if (kind === 'incoming') {
          assert.ok(
            page.rows.every((r) => !filters.channel || filters.channel.includes(r.channel.id)),
            `${name}: channel filter`,
          );
        } else {
          assert.ok(
            page.rows.every((r) => !filters.source || filters.source.includes(r.source!)),
            `${name}: source filter`,
          );
          assert.ok(
            page.rows.every((r) => !filters.type || filters.type.includes(r.type!)),
            `${name}: type filter`,
          );
        }
      }
    }
  });

  test('/messages: all three kinds, both orders, paging through a few pages', async () => {
    for (const kind of MESSAGE_KINDS) {
      for (const order of [undefined, 'asc', 'desc'] as const) {
        const { rows, total } = await pageThrough(kind, month, 40, order, 4);
        assert.ok(total > 0, `${kind}: the mock has ${kind} messages`);
        assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, `${kind}: no row twice across pages`);
      }
    }
    // A small list pages to its end.
    const failedWeek = await pageThrough('failed', { ...lastDays(7), tz: TZ }, 10, 'asc', 100);
    assert.ok(failedWeek.done, 'a short list pages to its end');
    // The default page size, and the largest.
    const page = await call<MessagesResponse>('/messages', { ...month, kind: 'outgoing' });
    assert.equal(page.rows.length, Math.min(100, page.total), 'limit defaults to 100');
    await pageThrough('incoming', month, 1000, undefined, 1);
  });

  test('/messages: paging stops after cap rows', async () => {
    const year = { ...lastDays(366), tz: TZ };
    const { rows, total, done } = await pageThrough('outgoing', year, 1000, 'desc', 20);
    assert.ok(total > ROW_CAP, `the mock has more than ${ROW_CAP} outgoing messages in a year (has ${total})`);
    assert.ok(done, 'nextCursor is null once cap rows were paged');
    assert.equal(rows.length, ROW_CAP);
  });

  test('/options/{field}: every field, with and without q', async () => {
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const field of FILTER_FIELDS) {
      const all = optionsByField.get(field)!;
      const plain = await call<OptionsResponse>(`/options/${field}`, {});
      assert.equal(plain.field, field);
      assert.equal(plain.options.length, Math.min(50, all.length), `${field}: 50 options by default`);
      assert.ok(
        plain.options.every((o) => (field === 'channel') === (o.kind !== undefined)),
        `${field}: kind on channels only`,
      );
      const few = await call<OptionsResponse>(`/options/${field}`, { limit: 1 });
      assert.equal(few.options.length, 1, `${field}: limit`);

      // q from a word of some label, upper-cased and stripped of accents: it must still find it.
      const target =
        all.find((o) => /\p{L}{4,}/u.test(o.label) && /[\u0080-\u{10FFFF}]/u.test(o.label)) ?? all.find((o) => /\p{L}{3,}/u.test(o.label))!;
      const word = target.label.match(/\p{L}{3,}/gu)!.sort((a, b) => b.length - a.length)[0];
      const q = fold(word).toUpperCase();
      const found = await call<OptionsResponse>(`/options/${field}`, { q, limit: 200 });
      assert.ok(
        found.options.some((o) => o.value === target.value),
        `${field}: q=${q} finds ${JSON.stringify(target.label)}`,
      );
      const none = await call<OptionsResponse>(`/options/${field}`, { q: 'zzqxj-no-such-thing' });
      assert.deepEqual(none.options, [], `${field}: q that matches nothing`);
    }
  });

  test('bad requests answer documented problems', async () => {
    const outgoing = { ...month, direction: 'outgoing', groupBy: 'source' };
    const delivery = { ...month, interval: 'day' };
    const list = { ...month, kind: 'outgoing' };
    const bad: [string, Params, number | number[], string?][] = [
      ['/breakdown', { ...outgoing, from: undefined }, 400, 'from'],
      ['/breakdown', { ...outgoing, to: undefined }, 400, 'to'],
      ['/breakdown', { ...outgoing, tz: undefined }, 400, 'tz'],
      ['/breakdown', { ...outgoing, from: 'yesterday' }, 400, 'from'],
      ['/breakdown', { ...outgoing, tz: 'Mars/Olympus_Mons' }, 400, 'tz'],
      ['/breakdown', { ...outgoing, from: month.to, to: month.from }, 400],
      ['/breakdown', { ...outgoing, from: month.from, to: month.from }, 400],
      ['/breakdown', { ...outgoing, ...lastDays(400) }, 400],
      ['/breakdown', { ...outgoing, direction: undefined }, 400, 'direction'],
      ['/breakdown', { ...outgoing, direction: 'sideways' }, 400, 'direction'],
      ['/breakdown', { ...outgoing, groupBy: undefined }, 400, 'groupBy'],
      ['/breakdown', { ...outgoing, groupBy: 'team' }, 400, 'groupBy'],
      ['/breakdown', { ...outgoing, direction: 'incoming' }, 400, 'groupBy'],
      ['/breakdown', { ...outgoing, compareFrom: previousMonth.compareFrom }, 400, 'compareTo'],
      ['/breakdown', { ...outgoing, compareTo: previousMonth.compareTo }, 400, 'compareFrom'],
      ['/breakdown', { ...outgoing, compareFrom: previousMonth.compareTo, compareTo: previousMonth.compareFrom }, 400, 'compareFrom'],
      ['/delivery', { ...delivery, compareFrom: 'last week', compareTo: previousMonth.compareTo }, 400, 'compareFrom'],
      ['/delivery', { ...delivery, compareFrom: lastDays(400).from, compareTo: month.from }, 400, 'compareTo'],
      ['/delivery', { ...delivery, interval: undefined }, 400, 'interval'],
      ['/delivery', { ...delivery, interval: 'fortnight' }, 400, 'interval'],
      ['/delivery', { ...delivery, ...lastDays(40), interval: 'hour' }, 400], // 960 buckets
      ['/delivery', { ...delivery, to: undefined }, 400, 'to'],
      ['/messages', { ...list, kind: undefined }, 400, 'kind'],
      ['/messages', { ...list, kind: 'spam' }, 400, 'kind'],
      ['/messages', { ...list, limit: 0 }, 400, 'limit'],
      ['/messages', { ...list, limit: 1001 }, 400, 'limit'],
      ['/messages', { ...list, limit: 'ten' }, 400, 'limit'],
      ['/messages', { ...list, order: 'sideways' }, 400, 'order'],
      ['/messages', { ...list, cursor: 'not-a-cursor' }, 400, 'cursor'],
      ['/options/channel', { limit: 0 }, 400, 'limit'],
      ['/options/channel', { limit: 201 }, 400, 'limit'],
      ['/options/colour', {}, [400, 404]],
    ];
    for (const [path, params, status, param] of bad) {
      const problem = await call<Problem>(path, params, status);
      if (param) {
        const names = problem.invalidParams?.map((p) => p.name) ?? [];
        assert.ok(names.includes(param), `${path} ${JSON.stringify(params)}: invalidParams names ${param} (has ${names.join(', ')})`);
      }
    }
  });

  test('unknown paths under the base URL answer 404 problems', async () => {
    await call<Problem>('/nope', {}, 404);
    await call<Problem>('/breakdown/extra', month, 404);
    await call<Problem>('/options', {}, 404);
  });

  test('the empty scenario answers valid, empty bodies', async () => {
    server.use(...emptyHandlers(BASE));
    try {
      for (const groupBy of GROUP_BYS) {
        const body = await call<BreakdownResponse>('/breakdown', { ...month, direction: 'outgoing', groupBy, ...previousMonth });
        assert.deepEqual([body.total, body.groups, body.previousTotal], [0, [], 0]);
      }
      const delivery = await call<DeliveryResponse>('/delivery', { ...month, interval: 'day', ...previousMonth });
      checkDelivery(delivery, month, 'day', true, 'empty delivery');
      assert.equal(delivery.totals.total, 0);
      for (const kind of MESSAGE_KINDS) {
        const page = await call<MessagesResponse>('/messages', { ...month, kind });
        assert.deepEqual([page.total, page.rows, page.nextCursor], [0, [], null]);
      }
      for (const field of FILTER_FIELDS) await call<OptionsResponse>(`/options/${field}`, {});
    } finally {
      server.resetHandlers();
    }
  });

  test('the error scenarios answer documented problems', async () => {
    const requests: [string, Params][] = [
      ['/breakdown', { ...month, direction: 'outgoing', groupBy: 'source' }],
      ['/delivery', { ...month, interval: 'day' }],
      ['/messages', { ...month, kind: 'failed' }],
      ['/options/channel', {}],
    ];
    for (const status of [401, 403, 429, 500]) {
      server.use(...errorHandlers(BASE, status));
      try {
        for (const [path, params] of requests) await call<Problem>(path, params, status);
        if (status === 429) {
          const response = await fetch(`${BASE}/options/user`);
          await response.text();
          assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, '429 carries Retry-After');
        }
      } finally {
        server.resetHandlers();
      }
    }
  });

  test('the checks themselves catch a misspelt field, a wrong content type and an undocumented status', async () => {
    const valid = await call<BreakdownResponse>('/breakdown', { ...month, direction: 'outgoing', groupBy: 'type' });
    const answers = [
      HttpResponse.json({ ...valid, notAplicable: valid.notApplicable }),
      new HttpResponse(JSON.stringify(valid), { headers: { 'Content-Type': 'text/plain' } }),
      HttpResponse.json({ title: 'Not Found', status: 404 }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
    ];
    for (const answer of answers) {
      server.use(http.get(`${BASE}/breakdown`, () => answer, { once: true }));
      await assert.rejects(call('/breakdown', { ...month, direction: 'outgoing', groupBy: 'type' }, [200, 404]), assert.AssertionError);
    }
    server.resetHandlers();
  });

  test('validated every answer', (t) => {
    t.diagnostic(`${validated} responses validated`);
    assert.ok(validated > 150, `only ${validated} responses validated`);
  });
});
