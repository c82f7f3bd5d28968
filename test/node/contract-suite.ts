/**
 * The contract suite: one list of queries — every resource, every grouping and interval, filters
 * alone and combined, the seven presets in three zones on DST days, the 10,000-row cap, paging to
 * the end, option searches, bad requests — sent to several implementations of the endpoint on the
 * same data. Every answer is validated against openapi.yaml (./contract-ajv.ts) and must equal the
 * first target's answer (the in-memory reference engine that the MSW mocks run on), byte for byte
 * once parsed: same counts, same order, same cursors.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Dataset } from '../../reference/dataset/types.js';
import { createEngine } from '../../reference/engine.js';
import { engineStore } from '../../mock/engine-store.js';
import { createHandler } from '../../server/api/app.js';
import { foldForSearch } from '../../server/api/labels.js';
import {
  DELIVERY_GROUP_BYS,
  FILTER_FIELDS,
  GROUP_BYS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  ROW_CAP,
  type BreakdownResponse,
  type BreakdownTrendResponse,
  type DeliveryBreakdownResponse,
  type DeliveryResponse,
  type DeliveryTotals,
  type FilterField,
  type Filters,
} from '../../src/core/contract/types.js';
import { statusTotal } from '../../src/core/query/status-filter.js';
import { compareParams, comparisonPeriod } from '../../src/core/query/comparison.js';
import { PRESETS, resolveRange } from '../../src/core/query/presets.js';
import { addDays, localDate, startOfDay } from '../../src/core/query/zoned-time.js';
import { assertDocumented, type Answer } from './contract-ajv.js';

/** One implementation of the endpoint. `get` takes a path relative to the base URL, with query. */
export interface Target {
  name: string;
  get(pathAndQuery: string): Promise<Answer>;
}

/**
 * The cursor secret every target of the suite signs with, so that their cursors are byte for byte
 * the same (a cursor is bound to its workspace too: the reference answers as the servers' tenant).
 */
export const TEST_CURSOR_SECRET = 'contract-suite-cursor-secret-0123456789abcdef';

/** The reference engine over `dataset`, answered in process through the router, as the MSW handlers do. */
export function referenceTarget(dataset: Dataset, options: { name?: string; workspace?: string; cursorSecret?: string } = {}): Target {
  const workspace = options.workspace ?? dataset.workspace.id;
  const handler = createHandler({
    store: engineStore(createEngine(dataset)),
    basePath: '/api',
    verifyRequest: () => ({ workspace }),
    logger: false,
    cursorSecret: options.cursorSecret ?? TEST_CURSOR_SECRET,
  });
  const name = options.name ?? 'reference (MSW mocks)';
  return {
    name,
    async get(pathAndQuery) {
      const url = new URL(`http://reference.test/api${pathAndQuery}`);
      const response = await handler(new Request(url));
      return {
        path: url.pathname.slice('/api'.length),
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: await response.json(),
      };
    },
  };
}

/** An endpoint over HTTP at `baseUrl` (e.g. `http://127.0.0.1:1234/api`). */
export function httpTarget(name: string, baseUrl: string, headers: Record<string, string> = {}): Target {
  return {
    name,
    async get(pathAndQuery) {
      const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return {
        path: new URL(`${baseUrl}${pathAndQuery}`).pathname.slice(new URL(baseUrl).pathname.length),
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
      };
    },
  };
}

type Params = Record<string, string | number | readonly string[] | undefined>;

export function query(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return `${path}${search.size ? `?${search.toString()}` : ''}`;
}

/** A JSON value, shortened; `undefined` (a missing member) as such. */
const show = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value).slice(0, 200));

/** Where two JSON values first differ, for a short failure message. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${at || '(root)'}: ${show(a)} ≠ ${show(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return `${at}.length: ${a.length} ≠ ${bb.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], bb[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) {
    if (!(key in ao) || !(key in bo)) return `${at}.${key}: ${key in ao ? 'only in the reference' : 'only in the target'}`;
    const d = firstDifference(ao[key], bo[key], `${at}.${key}`);
    if (d) return d;
  }
  return undefined;
}

export interface SuiteStats {
  requests: number;
  validated: number;
  pages: number;
}

/**
 * Runs the suite as subtests of `t`. The first target is the truth; every other must answer every
 * request identically (404 bodies excepted: their `detail` names the implementation's own paths).
 */
export async function runContractSuite(t: TestContext, targets: Target[], dataset: Dataset): Promise<SuiteStats> {
  assert.ok(targets.length >= 2, 'the suite compares at least two targets');
  const stats: SuiteStats = { requests: 0, validated: 0, pages: 0 };
  const TZ = dataset.workspace.timezone;

  /** Sends `pathAndQuery` to every target; validates every answer; compares with the first. */
  async function same(pathAndQuery: string, expectedStatus?: number): Promise<Answer> {
    stats.requests++;
    const answers = await Promise.all(targets.map((target) => target.get(pathAndQuery)));
    const truth = answers[0]!;
    const what = (i: number) => `${targets[i]!.name}: GET ${decodeURIComponent(pathAndQuery)} → ${answers[i]!.status}`;
    answers.forEach((answer, i) => {
      assertDocumented(answer, what(i));
      stats.validated++;
    });
    if (expectedStatus !== undefined) assert.equal(truth.status, expectedStatus, `${what(0)}: ${JSON.stringify(truth.body).slice(0, 300)}`);
    for (let i = 1; i < answers.length; i++) {
      const answer = answers[i]!;
      assert.equal(
        answer.status,
        truth.status,
        `${what(i)}, but ${targets[0]!.name} answered ${truth.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
      if (truth.status === 404) continue;
      const difference = firstDifference(truth.body, answer.body);
      if (difference) assert.fail(`${what(i)} differs from ${targets[0]!.name} at ${difference}`);
    }
    return truth;
  }

  /** Pages through a listing with the reference's cursors, comparing every page; returns rows seen. */
  async function pages(params: Params, maxPages: number): Promise<{ rows: number; total: number; done: boolean }> {
    let cursor: string | undefined;
    let rows = 0;
    let total: number;
    let n = 0;
    do {
      const page = (await same(query('/messages', { ...params, cursor }), 200)).body as {
        rows: unknown[];
        total: number;
        nextCursor: string | null;
      };
      stats.pages++;
      rows += page.rows.length;
      total = page.total;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ++n < maxPages);
    return { rows, total, done: !cursor };
  }

  // ---- ranges --------------------------------------------------------------------------------------
  const iso = (ms: number) => new Date(ms).toISOString();
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  const lastDays = (days: number, tz = TZ) => {
    const day = localDate(dataset.end - 1, tz);
    return { from: iso(startOfDay(addDays(day, 1 - days), tz)), to: iso(startOfDay(addDays(day, 1), tz)), tz };
  };
  const month = lastDays(30);
  const year = lastDays(366);
  /** The period the elements compare a range of the last `days` days with (src/core/query/comparison.ts). */
  const comparedWith = (days: number, tz = TZ) => {
    const today = localDate(dataset.end - 1, tz);
    return compareParams(comparisonPeriod({ from: addDays(today, 1 - days), to: today }, tz, dataset.end - 1));
  };
  /** Periods no element sends, with edges inside hours and minutes: the server counts any period. */
  const oddPeriods = (range: { from: string }) => {
    const from = Date.parse(range.from);
    return [
      { compareFrom: iso(from - 17 * DAY - 5 * HOUR - 13 * MINUTE), compareTo: iso(from - 2 * DAY + 7 * MINUTE) },
      { compareFrom: iso(from - 3 * HOUR - 30 * MINUTE), compareTo: iso(from + 40 * HOUR + 59 * MINUTE) },
      { compareFrom: iso(from - 365 * DAY), compareTo: iso(from) },
    ];
  };

  // Values that exist, from the reference's own options.
  const optionValues = new Map<FilterField, string[]>();
  /** Each channel's kind, as /options/channel gives it. */
  const channelKinds = new Map<string, string>();
  for (const field of FILTER_FIELDS) {
    const body = (await same(query(`/options/${field}`, { limit: 200 }), 200)).body as {
      options: { value: string; label: string; kind?: string }[];
    };
    optionValues.set(
      field,
      body.options.map((o) => o.value),
    );
    if (field === 'channel') for (const o of body.options) channelKinds.set(o.value, o.kind!);
  }
  const first = (field: FilterField, n = 1) => optionValues.get(field)!.slice(0, n);
  const pick = (field: FilterField, indexes: number[]) =>
    indexes.map((i) => optionValues.get(field)![i % optionValues.get(field)!.length]!);

  await t.test('every grouping, both directions, with and without compareFrom/compareTo, 30 and 366 days', async () => {
    for (const [range, days] of [
      [month, 30],
      [year, 366],
    ] as const) {
      for (const compare of [{}, comparedWith(days)]) {
        for (const groupBy of GROUP_BYS) await same(query('/breakdown', { ...range, direction: 'outgoing', groupBy, ...compare }), 200);
        await same(query('/breakdown', { ...range, direction: 'incoming', groupBy: 'channel', ...compare }), 200);
      }
    }
  });

  await t.test("channel groups carry the channel's kind, as /options gives it; other groupings none", async () => {
    for (const direction of ['incoming', 'outgoing']) {
      const { groups } = (await same(query('/breakdown', { ...month, direction, groupBy: 'channel' }), 200)).body as BreakdownResponse;
      assert.ok(groups.length > 1, `${direction}: some channels`);
      for (const group of groups) assert.equal(group.kind, channelKinds.get(group.key), `${direction} ${group.key}: its kind`);
    }
    const trend = (await same(query('/breakdown-trend', { ...month, direction: 'outgoing', groupBy: 'channel', interval: 'week' }), 200))
      .body as BreakdownTrendResponse;
    for (const group of trend.groups) assert.equal(group.kind, channelKinds.get(group.key), `trend ${group.key}: its kind`);
    const { groups } = (await same(query('/breakdown', { ...month, direction: 'outgoing', groupBy: 'source' }), 200))
      .body as BreakdownResponse;
    assert.ok(
      groups.every((group) => group.kind === undefined),
      'source groups have no kind',
    );
  });

  await t.test('compareFrom/compareTo: any period is counted, edges inside hours and minutes included', async () => {
    for (const compare of oddPeriods(month)) {
      for (const groupBy of GROUP_BYS) await same(query('/breakdown', { ...month, direction: 'outgoing', groupBy, ...compare }), 200);
      await same(query('/breakdown', { ...month, direction: 'incoming', groupBy: 'channel', ...compare }), 200);
      await same(query('/breakdown', { ...month, direction: 'outgoing', groupBy: 'source', source: ['bot', 'user'], ...compare }), 200);
      await same(query('/delivery', { ...month, interval: 'day', ...compare }), 200);
      await same(query('/delivery', { ...month, interval: 'week', channel: first('channel', 2), ...compare }), 200);
    }
  });

  await t.test('delivery: every interval in three zones, with and without compareFrom/compareTo', async () => {
    const spans = { hour: 2, day: 30, week: 91, month: 366 } as const;
    for (const tz of [TZ, 'America/New_York', 'Europe/Madrid', 'Asia/Kolkata']) {
      for (const [interval, days] of Object.entries(spans)) {
        for (const compare of [{}, comparedWith(days, tz)])
          await same(query('/delivery', { ...lastDays(days, tz), interval, ...compare }), 200);
      }
    }
  });

  await t.test('the seven presets in three zones, on DST days and today', async () => {
    const nows: Record<string, number[]> = {
      [TZ]: [dataset.end - 1, Date.UTC(2026, 3, 5, 18), Date.UTC(2025, 9, 26, 18)],
      'America/New_York': [dataset.end - 1, Date.UTC(2026, 2, 8, 18), Date.UTC(2025, 10, 2, 18), Date.UTC(2026, 10, 1, 18)],
      'Europe/Madrid': [dataset.end - 1, Date.UTC(2026, 2, 29, 12), Date.UTC(2026, 9, 25, 12)],
    };
    for (const [tz, instants] of Object.entries(nows)) {
      for (const now of instants) {
        if (now >= dataset.end) continue;
        for (const preset of PRESETS) {
          const r = resolveRange({ preset }, tz, now);
          const range = { from: iso(r.from), to: iso(r.to), tz };
          const hours = (r.to - r.from) / 3_600_000;
          // What the elements send: the period just before, cut where `now` is.
          const compare = compareParams(comparisonPeriod({ preset }, tz, now));
          await same(query('/breakdown', { ...range, direction: 'outgoing', groupBy: 'source', ...compare }), 200);
          await same(query('/breakdown', { ...range, direction: 'incoming', groupBy: 'channel', ...compare }), 200);
          const delivery = await same(query('/delivery', { ...range, interval: hours <= 48 ? 'hour' : 'day', ...compare }), 200);
          if (preset === 'today' && hours !== 24) {
            // A DST day: 23 or 25 hourly buckets.
            assert.equal((delivery.body as { series: unknown[] }).series.length, hours, `${tz} ${iso(now)}: one bucket per local hour`);
          }
          for (const kind of MESSAGE_KINDS)
            await same(query('/messages', { ...range, kind, limit: 20, order: kind === 'incoming' ? 'asc' : undefined }), 200);
        }
      }
    }
  });

  await t.test('filters alone and combined, on every resource', async () => {
    const sets: [string, Filters][] = [
      ...FILTER_FIELDS.map((field): [string, Filters] => [field, { [field]: first(field) }]),
      ['two channels', { channel: pick('channel', [0, 3]) }],
      ['channel + user', { channel: first('channel'), user: pick('user', [0, 2, 4]) }],
      ['source + type', { source: ['user', 'broadcast'], type: ['whatsapp_template'] }],
      ['channel + source + broadcast', { channel: first('channel', 3), source: ['broadcast'], broadcast: first('broadcast', 5) }],
      ['team + contact', { team: first('team'), contact: first('contact', 20) }],
      ['team + user', { team: pick('team', [1]), user: pick('user', [5, 6, 7]) }],
      ['all seven', Object.fromEntries(FILTER_FIELDS.map((f) => [f, first(f, 2)]))],
      ['unknown values', { channel: ['ch_nope'], contact: ['c_nope'] }],
      ['LIKE wildcards as values', { contact: ['%', '_', 'c\\_1'] }],
      ['a subtype-heavy mix', { type: ['whatsapp_template', 'facebook_message_tag'], channel: pick('channel', [0, 1, 2, 3]) }],
    ];
    // The names say what each set is for; a failure shows the query itself.
    for (const [, filters] of sets) {
      for (const range of [month, year]) {
        const params = { ...range, ...filters };
        await same(query('/breakdown', { ...params, direction: 'outgoing', groupBy: 'source' }), 200);
        const compare = comparedWith(range === month ? 30 : 366);
        await same(query('/breakdown', { ...params, direction: 'outgoing', groupBy: 'subtype', ...compare }), 200);
        await same(query('/breakdown', { ...params, direction: 'incoming', groupBy: 'channel' }), 200);
        await same(query('/delivery', { ...params, interval: range === month ? 'day' : 'week', ...compare }), 200);
        for (const kind of MESSAGE_KINDS) await same(query('/messages', { ...params, kind, limit: 25 }), 200);
      }
    }
  });

  await t.test(
    'breakdown-trend and activity (issue 12): every grouping and interval, zones with DST, filters; figures agree with /breakdown and /delivery',
    async () => {
      type Trend = {
        total: number;
        others: number;
        otherGroups: number;
        groups: { key: string; count: number }[];
        series: { start: string; counts: number[]; others: number }[];
      };
      type Groups = { total: number; groups: { key: string; label: string; count: number; subtypeKind?: string }[] };
      type Delivery = { series: { start: string; sent: number; failed: number }[] };
      type Activity = { total: number; counts: number[][] };
      const spans = { hour: 2, day: 30, week: 91, month: 366 } as const;
      const filterSets: Filters[] = [
        {},
        { channel: first('channel', 2) },
        { source: ['user', 'broadcast'] },
        { user: pick('user', [0, 2]) },
        { contact: first('contact', 30) },
      ];
      for (const tz of [TZ, 'Europe/Madrid', 'Asia/Kolkata']) {
        for (const [interval, days] of Object.entries(spans)) {
          // Kept small (each request goes to three targets): filters on one interval, the other zones on two.
          if (tz !== TZ && (interval === 'week' || interval === 'month')) continue;
          for (const filters of tz === TZ && interval === 'day' ? filterSets : [{}]) {
            const range = { ...lastDays(days, tz), ...filters };
            const delivery = (await same(query('/delivery', { ...range, interval }), 200)).body as Delivery;
            for (const [direction, groupBy] of [...GROUP_BYS.map((g) => ['outgoing', g] as const), ['incoming', 'channel'] as const]) {
              const top = groupBy === 'subtype' ? 3 : undefined;
              const trend = (await same(query('/breakdown-trend', { ...range, direction, groupBy, interval, top }), 200)).body as Trend;
              const breakdown = (await same(query('/breakdown', { ...range, direction, groupBy }), 200)).body as Groups;
              const what = `${tz} ${interval} ${direction} ${groupBy} ${JSON.stringify(filters)}`;
              // The same groups, counts and order as /breakdown, and everything adds up.
              assert.equal(trend.total, breakdown.total, `${what}: total`);
              assert.deepEqual(trend.groups, breakdown.groups.slice(0, top ?? 5), `${what}: the top groups`);
              assert.equal(trend.otherGroups, Math.max(0, breakdown.groups.length - (top ?? 5)), `${what}: otherGroups`);
              trend.groups.forEach((group, i) =>
                assert.equal(
                  trend.series.reduce((sum, b) => sum + b.counts[i]!, 0),
                  group.count,
                  `${what}: ${group.key} over the buckets`,
                ),
              );
              assert.equal(
                trend.series.reduce((sum, b) => sum + b.others, 0),
                trend.others,
                `${what}: others over the buckets`,
              );
              // The delivery line's buckets, and for a grouping every message has, its counts.
              assert.deepEqual(
                trend.series.map((b) => b.start),
                delivery.series.map((b) => b.start),
                `${what}: the delivery line's buckets`,
              );
              if (direction === 'outgoing' && groupBy !== 'subtype')
                trend.series.forEach((b, i) =>
                  assert.equal(
                    b.counts.reduce((x, y) => x + y, b.others),
                    delivery.series[i]!.sent + delivery.series[i]!.failed,
                    `${what}: bucket ${b.start}`,
                  ),
                );
            }
          }
        }
        for (const direction of ['incoming', 'outgoing'] as const) {
          for (const filters of tz === TZ ? filterSets : [{}]) {
            for (const days of Object.keys(filters).length === 0 ? [1, 30, 366] : [30]) {
              const range = { ...lastDays(days, tz), ...filters };
              const activity = (await same(query('/activity', { ...range, direction }), 200)).body as Activity;
              const breakdown = (await same(query('/breakdown', { ...range, direction, groupBy: 'channel' }), 200)).body as Groups;
              assert.equal(activity.total, breakdown.total, `${tz} ${days} days ${direction}: activity total = breakdown total`);
              assert.equal(
                activity.counts.flat().reduce((a, b) => a + b, 0),
                activity.total,
                `${tz} ${days} days ${direction}: the cells add up`,
              );
            }
          }
        }
      }
      // DST days: a day of 23 local hours and one of 25, as hours; and odd edges inside hours.
      for (const [tz, day] of [
        ['Europe/Madrid', Date.UTC(2026, 2, 29, 12)],
        ['Europe/Madrid', Date.UTC(2025, 9, 26, 12)],
        ['America/New_York', Date.UTC(2026, 2, 8, 18)],
      ] as const) {
        if (day >= dataset.end) continue;
        const r = resolveRange({ preset: 'today' }, tz, day);
        const range = { from: iso(r.from), to: iso(r.to), tz };
        await same(query('/activity', { ...range, direction: 'outgoing' }), 200);
        const trend = (
          await same(query('/breakdown-trend', { ...range, direction: 'outgoing', groupBy: 'channel', interval: 'hour' }), 200)
        ).body as Trend;
        assert.equal(trend.series.length, (r.to - r.from) / HOUR, `${tz} ${iso(day)}: one bucket per local hour`);
      }
      const from = Date.parse(month.from) + 17 * MINUTE + 5_000;
      await same(
        query('/activity', { from: iso(from), to: iso(from + 9 * DAY + 7 * MINUTE), tz: 'Asia/Kathmandu', direction: 'incoming' }),
        200,
      );
      await same(
        query('/breakdown-trend', {
          from: iso(from),
          to: iso(from + 3 * DAY),
          tz: 'Asia/Kathmandu',
          direction: 'incoming',
          groupBy: 'channel',
          interval: 'hour',
          top: 10,
        }),
        200,
      );
      for (const [path, params] of [
        ['/breakdown-trend', { ...month, direction: 'outgoing', groupBy: 'source', interval: 'day', top: 0 }],
        ['/breakdown-trend', { ...month, direction: 'outgoing', groupBy: 'source', interval: 'day', top: 11 }],
        ['/breakdown-trend', { ...month, direction: 'incoming', groupBy: 'source', interval: 'day' }],
        ['/breakdown-trend', { ...lastDays(40), direction: 'outgoing', groupBy: 'source', interval: 'hour' }],
        ['/breakdown-trend', { ...month, direction: 'outgoing', groupBy: 'source' }],
        ['/activity', { ...month }],
        ['/activity', { ...month, direction: 'sideways' }],
        ['/activity', { ...month, direction: 'incoming', tz: 'Mars/Olympus_Mons' }],
      ] as const)
        await same(query(path, params), 400);
    },
  );
  await t.test('status: each list total equals the delivery totals for the same status and filters', async () => {
    const sets: Filters[] = [
      {},
      { channel: first('channel', 2) },
      { source: ['broadcast', 'user'], type: ['whatsapp_template', 'session'] },
      { user: pick('user', [0, 2]) },
      { contact: first('contact', 30) },
      { broadcast: first('broadcast', 3) },
    ];
    for (const filters of sets) {
      // 366 days for the paths a year takes (rollup, counts, a raw count); the rest on 30.
      for (const range of Object.keys(filters).length === 0 || filters.contact ? [month, year] : [month]) {
        const params = { ...range, ...filters };
        const { totals } = (await same(query('/delivery', { ...params, interval: range === month ? 'day' : 'week' }), 200)).body as {
          totals: DeliveryTotals;
        };
        for (const status of MESSAGE_STATUSES) {
          const outgoing = (await same(query('/messages', { ...params, kind: 'outgoing', status, limit: 5 }), 200)).body as {
            total: number;
          };
          const failed = (await same(query('/messages', { ...params, kind: 'failed', status, limit: 5 }), 200)).body as { total: number };
          const where = `${status} ${JSON.stringify(filters)} ${range === month ? '30' : '366'} days`;
          assert.equal(outgoing.total, statusTotal(totals, status), `outgoing list, ${where}`);
          assert.equal(failed.total, status === 'failed' ? totals.failed : 0, `failed list, ${where}`);
        }
      }
    }
    // Paged to the end under a status, in both orders; a cursor is bound to its status.
    for (const order of ['asc', 'desc']) {
      const notRead = await pages({ ...lastDays(7), kind: 'outgoing', status: 'not-read', limit: 200, order }, 1000);
      assert.ok(notRead.done && notRead.rows === notRead.total, `not-read ${order}: paged to the end (${notRead.rows}/${notRead.total})`);
    }
    const params = { ...month, kind: 'outgoing', status: 'read', limit: 10 };
    const cursor = ((await same(query('/messages', params), 200)).body as { nextCursor: string }).nextCursor;
    for (const other of [
      { ...params, status: 'delivered' },
      { ...params, status: undefined },
    ]) {
      const answer = await same(query('/messages', { ...other, cursor }), 400);
      assert.deepEqual(
        (answer.body as { invalidParams?: { name: string }[] }).invalidParams?.map((p) => p.name),
        ['cursor'],
      );
    }
    for (const bad of [
      { kind: 'incoming', status: 'read' },
      { kind: 'outgoing', status: 'seen' },
    ]) {
      const answer = await same(query('/messages', { ...month, ...bad }), 400);
      assert.deepEqual(
        (answer.body as { invalidParams?: { name: string }[] }).invalidParams?.map((p) => p.name),
        ['status'],
      );
    }
  });

  await t.test('broadcasts: ranges, zones, filters that keep or remove them, the limit', async () => {
    const sets: Params[] = [
      {},
      { source: ['broadcast'] },
      { source: ['user', 'bot'] },
      { channel: first('channel', 2) },
      { broadcast: first('broadcast', 3) },
      { type: ['whatsapp_template'], contact: first('contact', 40) },
      { user: first('user') },
    ];
    for (const range of [month, year, lastDays(2), lastDays(91, 'Asia/Kolkata')]) {
      for (const filters of sets) await same(query('/broadcasts', { ...range, ...filters }), 200);
    }
    const all = (await same(query('/broadcasts', { ...year, limit: 500 }), 200)).body as { total: number; broadcasts: unknown[] };
    assert.ok(all.total > 10 && all.broadcasts.length === all.total, `a year's broadcasts, all of them (${all.total})`);
    const none = (await same(query('/broadcasts', { ...year, source: ['user', 'bot'] }), 200)).body as { total: number };
    assert.equal(none.total, 0, 'a source filter without broadcast leaves no broadcast');
    for (const limit of [1, 3]) {
      const capped = (await same(query('/broadcasts', { ...year, limit }), 200)).body as { total: number; broadcasts: unknown[] };
      assert.equal(capped.broadcasts.length, limit, `limit ${limit}: the largest ${limit}`);
      assert.equal(capped.total, all.total, 'total counts past the limit');
    }
  });

  await t.test('paging: to the end in both orders, ties included, and the 10,000-row cap', async () => {
    for (const order of ['asc', 'desc']) {
      const failed = await pages({ ...month, kind: 'failed', limit: 50, order }, 1000);
      assert.ok(failed.done && failed.rows === failed.total, `failed ${order}: paged to the end (${failed.rows}/${failed.total})`);
      // Broadcasts send ~25 messages a second: many rows share a timestamp.
      const ties = await pages({ ...lastDays(92), kind: 'outgoing', source: ['broadcast'], limit: 7, order }, 1000);
      assert.ok(ties.done && ties.rows === ties.total, `broadcast ties ${order}: paged to the end (${ties.rows}/${ties.total})`);
      const contact = await pages({ ...year, kind: 'incoming', contact: first('contact', 3), limit: 13, order }, 1000);
      assert.ok(contact.done && contact.rows === contact.total, `contact ${order}: paged to the end`);
    }
    for (const [limit, order] of [
      [1000, 'desc'],
      [999, 'asc'],
    ] as const) {
      const capped = await pages({ ...year, kind: 'outgoing', limit, order }, 20);
      assert.ok(capped.total > ROW_CAP, `more than ${ROW_CAP} outgoing messages in a year (has ${capped.total})`);
      assert.ok(capped.done, 'nextCursor is null at the cap');
      assert.equal(capped.rows, ROW_CAP, `${order}: exactly ${ROW_CAP} rows paged`);
    }
    // A cursor replayed with the same query gives the same page (stable keyset paging).
    const firstPage = (await same(query('/messages', { ...month, kind: 'outgoing', limit: 10 }), 200)).body as { nextCursor: string };
    await same(query('/messages', { ...month, kind: 'outgoing', limit: 10, cursor: firstPage.nextCursor }), 200);
    await same(query('/messages', { ...month, kind: 'outgoing', limit: 10, cursor: firstPage.nextCursor }), 200);
    // The limit may change between pages (it does not decide which rows come next); a zone spelled
    // otherwise is the same zone.
    await same(query('/messages', { ...month, kind: 'outgoing', limit: 3, cursor: firstPage.nextCursor }), 200);
    await same(query('/messages', { ...month, tz: month.tz.toUpperCase(), kind: 'outgoing', cursor: firstPage.nextCursor }), 200);
  });

  await t.test('cursors: tampered, or from another query, are 400 everywhere', async () => {
    const params = { ...month, kind: 'outgoing', limit: 10 };
    const cursor = ((await same(query('/messages', params), 200)).body as { nextCursor: string }).nextCursor;
    const [position, mac] = cursor.split('.') as [string, string];
    const wire = JSON.parse(Buffer.from(position, 'base64url').toString()) as Record<string, unknown>;
    const reencode = (changes: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...wire, ...changes })).toString('base64url');
    const forged: [string, string][] = [
      ['the row counter set back (the cap bypass)', `${reencode({ n: 1 })}.${mac}`],
      ['another row key', `${reencode({ t: Number(wire.t) - 1 })}.${mac}`],
      ['the position alone (the old unsigned cursor)', position],
      ['another signature', `${position}.${'A'.repeat(43)}`],
      ['a signature cut short', cursor.slice(0, -2)],
    ];
    const foreign: [string, Params][] = [
      ['another kind', { ...params, kind: 'failed' }],
      ['another order', { ...params, order: 'asc' }],
      ['another range', { ...params, from: year.from }],
      ['another end', { ...params, to: new Date(Date.parse(month.to) - 86_400_000).toISOString() }],
      ['a filter added', { ...params, channel: first('channel') }],
      ['a source filter', { ...params, source: 'bot' }],
    ];
    for (const [what, bad] of forged) {
      const answer = await same(query('/messages', { ...params, cursor: bad }), 400);
      assert.deepEqual(
        (answer.body as { invalidParams?: { name: string }[] }).invalidParams?.map((p) => p.name),
        ['cursor'],
        what,
      );
    }
    for (const [what, other] of foreign) {
      const answer = await same(query('/messages', { ...other, cursor }), 400);
      assert.deepEqual(
        (answer.body as { invalidParams?: { name: string }[] }).invalidParams?.map((p) => p.name),
        ['cursor'],
        what,
      );
    }
  });

  await t.test('options: every field, search, limits', async () => {
    for (const field of FILTER_FIELDS) {
      await same(query(`/options/${field}`), 200);
      await same(query(`/options/${field}`, { limit: 1 }), 200);
      const labels = ((await same(query(`/options/${field}`, { limit: 200 }), 200)).body as { options: { label: string }[] }).options.map(
        (o) => o.label,
      );
      const words = [...new Set(labels.flatMap((l) => l.match(/\p{L}{3,}/gu) ?? []))].slice(0, 4);
      for (const word of words) {
        await same(query(`/options/${field}`, { q: foldForSearch(word).toUpperCase(), limit: 200 }), 200);
        await same(query(`/options/${field}`, { q: word.toLowerCase() }), 200);
      }
      for (const q of ['%', '_', '\\', ' a ', 'JOSÉ', 'zzqxj-no-such-thing', 'ñ', "'; DROP TABLE messages; --"])
        await same(query(`/options/${field}`, { q }), 200);
    }
  });

  await t.test('delivery breakdown: every grouping, alone and filtered, and each group is /delivery filtered by it', async () => {
    const sets: Filters[] = [
      {},
      { channel: pick('channel', [0, 3]) },
      { source: ['broadcast', 'user'], type: ['whatsapp_template'] },
      { contact: first('contact', 20) },
      { team: pick('team', [1]), user: pick('user', [5, 6, 7]) },
      { broadcast: first('broadcast', 4) },
    ];
    const breakdown = async (params: Params) => (await same(query('/delivery-breakdown', params), 200)).body as DeliveryBreakdownResponse;
    const delivery = async (params: Params) =>
      (await same(query('/delivery', { ...params, interval: 'week' }), 200)).body as DeliveryResponse;
    for (const filters of sets) {
      for (const groupBy of DELIVERY_GROUP_BYS) await breakdown({ ...month, ...filters, groupBy });
    }
    for (const groupBy of DELIVERY_GROUP_BYS) await breakdown({ ...year, groupBy });
    // The same funnel and 30-day rule as /delivery: the groups that cover every message add up to
    // its totals, and a group equals /delivery with the group's key as its filter.
    for (const filters of [{}, { source: ['broadcast', 'user'] }] as Filters[]) {
      const { totals, notReported } = await delivery({ ...month, ...filters });
      for (const groupBy of ['channel', 'source', 'type'] as const) {
        const { groups } = await breakdown({ ...month, ...filters, groupBy });
        const sum = (status: keyof typeof totals) => groups.reduce((n, group) => n + group[status], 0);
        for (const status of ['total', 'sent', 'delivered', 'read', 'failed'] as const)
          assert.equal(sum(status), totals[status], `${groupBy} ${JSON.stringify(filters)}: groups' ${status} add up to /delivery's`);
        if (groupBy === 'channel') {
          const reported = (status: string) => groups.some((group) => !group.notReported.includes(status as never));
          assert.deepEqual(notReported.filter(reported), [], 'a status no channel reports is not reported in any group');
        }
      }
      for (const groupBy of ['channel', 'source', 'type', 'broadcast'] as const) {
        const { groups } = await breakdown({ ...month, ...filters, groupBy });
        assert.ok(groups.length > 0, `${groupBy}: some groups`);
        for (const group of groups.slice(0, 3)) {
          const narrowed = await delivery({ ...month, ...filters, [groupBy]: group.key });
          const { key, label, notReported: groupNotReported, subtypeKind, ...figures } = group;
          assert.deepEqual(figures, narrowed.totals, `${groupBy} ${key} (${label}) equals /delivery with ${groupBy}=${key}`);
          if (groupBy === 'channel') assert.deepEqual(groupNotReported, narrowed.notReported, `${key}: the channel's statuses`);
          assert.equal(subtypeKind, undefined);
        }
      }
    }
  });

  await t.test('bad requests answer the same problems', async () => {
    const outgoing = { ...month, direction: 'outgoing', groupBy: 'source' };
    const list = { ...month, kind: 'outgoing' };
    const bad: [string, Params][] = [
      ['/breakdown', { ...outgoing, from: undefined }],
      ['/breakdown', { ...outgoing, tz: 'Mars/Olympus_Mons' }],
      ['/breakdown', { ...outgoing, from: month.to, to: month.from }],
      ['/breakdown', { ...outgoing, ...lastDays(400) }],
      ['/breakdown', { ...outgoing, direction: 'incoming' }],
      ['/breakdown', { ...outgoing, source: 'carrier-pigeon' }],
      ['/breakdown', { ...outgoing, compareFrom: month.from }],
      ['/delivery', { ...month, interval: 'day', compareTo: month.from }],
      ['/breakdown', { ...outgoing, compareFrom: month.to, compareTo: month.from }],
      ['/delivery', { ...month, interval: 'day', compareFrom: 'yesterday', compareTo: month.from }],
      ['/breakdown', { ...outgoing, compareFrom: lastDays(400).from, compareTo: month.from }],
      ['/delivery', { ...month, interval: 'day', compareFrom: '1969-12-01T00:00:00Z', compareTo: month.from }],
      ['/delivery', { ...month, interval: 'fortnight' }],
      ['/delivery', { ...lastDays(40), interval: 'hour' }],
      ['/messages', { ...list, limit: 0 }],
      ['/messages', { ...list, limit: 1001 }],
      ['/messages', { ...list, cursor: 'not-a-cursor' }],
      ['/messages', { ...list, kind: 'failed', cursor: 'eyJ2IjoxLCJ0IjoxLCJpIjoibV8xIiwibiI6MSwiayI6Im91dGdvaW5nIiwibyI6ImRlc2MifQ' }],
      ['/options/channel', { limit: 201 }],
      ['/broadcasts', { ...month, limit: 0 }],
      ['/broadcasts', { ...month, limit: 501 }],
      ['/broadcasts', { ...month, tz: undefined }],
      ['/options/colour', {}],
      ['/delivery-breakdown', { ...month }],
      ['/delivery-breakdown', { ...month, groupBy: 'contact' }],
      ['/delivery-breakdown', { ...month, groupBy: 'broadcast', source: 'carrier-pigeon' }],
      ['/nope', {}],
      // Control characters, in every kind of parameter (a NUL is an error to PostgreSQL).
      ['/breakdown', { ...outgoing, contact: 'a\u0000b' }],
      ['/breakdown', { ...outgoing, channel: ['ch_1', 'x\u001fy'] }],
      ['/breakdown', { ...outgoing, tz: 'America/Mexico_City\u0000' }],
      ['/delivery', { ...month, interval: 'day\u007f' }],
      ['/messages', { ...list, user: '\u0085' }],
      ['/messages', { ...list, cursor: 'abc\u0000.def' }],
      ['/options/contact', { q: 'ana\u0000' }],
      ['/options/contact', { q: 'tab\there' }],
      // Years outside 1970–2100.
      ['/delivery', { from: '1969-12-25T00:00:00.000Z', to: '1970-01-05T00:00:00.000Z', tz: 'UTC', interval: 'day' }],
      ['/delivery', { from: '0000-12-25T00:00:00.000Z', to: '0001-01-05T00:00:00.000Z', tz: 'UTC', interval: 'week' }],
      ['/breakdown', { ...outgoing, from: '2100-12-25T00:00:00.000Z', to: '2101-01-05T00:00:00.000Z' }],
    ];
    for (const [path, params] of bad) {
      const answer = await same(query(path, params));
      assert.ok(answer.status === 400 || answer.status === 404, `${path}: a 400 or 404 problem`);
    }
  });

  return stats;
}
