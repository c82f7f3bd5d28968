import { expect } from '@open-wc/testing';
import { generateDataset } from '../../reference/dataset/index.js';
import type { Dataset, DatasetMessage } from '../../reference/dataset/types.js';
import { createEngine, type Engine } from '../../reference/engine.js';
import { engineStore } from '../../mock/engine-store.js';
import { createHandler } from '../../server/api/app.js';
import type { FilterField, GroupBy, MessageKind, MessageRow, Order } from '../../src/core/contract/types.js';
import { bruteGroups, bruteStatus, bruteTotals, DAY_MS, fold, iso, select, type BruteFilters } from './brute-force.js';

const END = Date.UTC(2026, 11, 1);
const TZ = 'America/Mexico_City'; // UTC−6 all year since 2022: local days are plain 24-hour steps

describe('reference engine', () => {
  let dataset: Dataset;
  let engine: Engine;
  before(() => {
    dataset = generateDataset({ seed: 3, end: END });
    engine = createEngine(dataset);
  });

  /** [from, to) of local days in Mexico City. */
  const days = (first: string, count: number) => {
    const from = Date.parse(`${first}T06:00:00.000Z`);
    return { from, to: from + count * DAY_MS };
  };
  const query = (range: { from: number; to: number }, filters: BruteFilters = {}, tz = TZ) => ({
    from: iso(range.from),
    to: iso(range.to),
    tz,
    filters,
  });

  /** Filter values that exist in the data, so filtered queries are not trivially empty. */
  const someIds = () => ({
    channels: [dataset.channels[0]!.id, dataset.channels[3]!.id],
    whatsapp: dataset.channels.filter((c) => c.kind === 'whatsapp').map((c) => c.id),
    contacts: busiestContacts(dataset, 5),
    team: dataset.teams[1]!.id,
    users: [dataset.users[0]!.id, dataset.users[4]!.id],
    broadcasts: dataset.broadcasts.slice(2, 6).map((b) => b.id),
  });

  describe('breakdown', () => {
    it('matches brute-force recounts for every grouping and several filters, with the period compareFrom/compareTo names', () => {
      const ids = someIds();
      const filterSets: BruteFilters[] = [
        {},
        { channel: ids.channels },
        { contact: ids.contacts },
        { team: [ids.team] },
        { user: ids.users, channel: ids.whatsapp },
        { source: ['workflow', 'api'] },
        { type: ['whatsapp_template', 'facebook_message_tag'] },
        { broadcast: ids.broadcasts },
        { source: ['user', 'bot'], team: [ids.team] },
      ];
      const ranges = [days('2026-06-01', 30), days('2025-12-01', 366), days('2026-11-15', 1)];
      let checked = 0;
      for (const range of ranges) {
        for (const filters of filterSets) {
          for (const groupBy of ['channel', 'source', 'type', 'subtype'] as GroupBy[]) {
            // Any period the client names, here not the one just before: the engine only counts it.
            const compareFrom = range.from - 40 * DAY_MS - 7 * 3_600_000;
            const compareTo = range.from - 3 * DAY_MS;
            const got = engine.breakdown({
              ...query(range, filters),
              direction: 'outgoing',
              groupBy,
              compareFrom: iso(compareFrom),
              compareTo: iso(compareTo),
            });
            const current = select(dataset, 'outgoing', range.from, range.to, filters);
            const previous = select(dataset, 'outgoing', compareFrom, compareTo, filters);
            const expected = bruteGroups(current, groupBy);
            const expectedPrevious = bruteGroups(previous, groupBy);
            const label = `${groupBy} ${JSON.stringify(filters)} ${iso(range.from)}`;
            expect(
              got.groups.map(({ key, count, subtypeKind }) => ({ key, count, ...(subtypeKind ? { subtypeKind } : {}) })),
              label,
            ).to.deep.equal(expected);
            expect(got.total, label).to.equal(expected.reduce((sum, g) => sum + g.count, 0));
            expect(got.previousTotal, label).to.equal(expectedPrevious.reduce((sum, g) => sum + g.count, 0));
            for (const group of got.groups) {
              const before = expectedPrevious.find((g) => g.key === group.key && g.subtypeKind === group.subtypeKind);
              expect(group.previousCount, label).to.equal(before?.count ?? 0);
            }
            expect(got.notApplicable).to.deep.equal([]);
            checked += got.total;
          }
        }
      }
      expect(checked).to.be.greaterThan(10_000);
    });

    it('labels channels by name, subtypes by their name and enum keys in English', () => {
      const range = days('2026-01-01', 120);
      const byChannel = engine.breakdown({ ...query(range), direction: 'outgoing', groupBy: 'channel' });
      for (const g of byChannel.groups) expect(g.label).to.equal(dataset.channels.find((c) => c.id === g.key)!.name);
      const bySource = engine.breakdown({ ...query(range), direction: 'outgoing', groupBy: 'source' });
      expect(bySource.groups.find((g) => g.key === 'user')!.label).to.equal('User');
      expect(bySource.groups.find((g) => g.key === 'api')!.label).to.equal('API');
      const byType = engine.breakdown({ ...query(range), direction: 'outgoing', groupBy: 'type' });
      expect(byType.groups.find((g) => g.key === 'whatsapp_template')!.label).to.equal('WhatsApp Message Template');
      const bySubtype = engine.breakdown({ ...query(range), direction: 'outgoing', groupBy: 'subtype' });
      for (const g of bySubtype.groups) expect(g.label).to.equal(g.key);
      // Each subtype says what it names: the type of the messages sent with it.
      expect(new Set(bySubtype.groups.map((g) => g.subtypeKind))).to.deep.equal(new Set(['facebook_message_tag', 'whatsapp_template']));
      for (const g of bySubtype.groups) {
        const types = new Set(dataset.messages.filter((m) => m.subtype === g.key).map((m) => m.type));
        expect([...types], g.key).to.include(g.subtypeKind);
      }
      expect(bySubtype.total).to.be.below(engine.breakdown({ ...query(range), direction: 'outgoing', groupBy: 'type' }).total);
      expect(byChannel.previousTotal).to.equal(undefined);
      expect(byChannel.groups[0]!.previousCount).to.equal(undefined);
    });

    it('counts incoming by channel with team/user as the assignee, and lists source/type/broadcast as not applicable', () => {
      const ids = someIds();
      const range = days('2026-03-01', 90);
      for (const filters of [
        { team: [ids.team] },
        { user: ids.users },
        { contact: ids.contacts },
        { channel: ids.channels },
      ] as BruteFilters[]) {
        const got = engine.breakdown({ ...query(range, filters), direction: 'incoming', groupBy: 'channel' });
        const expected = bruteGroups(select(dataset, 'incoming', range.from, range.to, filters), 'channel');
        expect(got.groups.map(({ key, count }) => ({ key, count }))).to.deep.equal(expected);
        expect(got.total).to.be.greaterThan(0);
      }
      const filters = { source: ['bot'], broadcast: ids.broadcasts, channel: ids.channels };
      const got = engine.breakdown({ ...query(range, filters), direction: 'incoming', groupBy: 'channel' });
      expect(got.notApplicable).to.deep.equal(['source', 'broadcast'] as FilterField[]);
      // The inapplicable filters are ignored, the applicable one still holds.
      const expected = bruteGroups(select(dataset, 'incoming', range.from, range.to, { channel: ids.channels }), 'channel');
      expect(got.groups.map(({ key, count }) => ({ key, count }))).to.deep.equal(expected);
    });

    it('matches a team or user filter on outgoing only for messages a user sent', () => {
      const range = days('2026-02-01', 60);
      const team = dataset.teams[0]!.id;
      const got = engine.breakdown({ ...query(range, { team: [team] }), direction: 'outgoing', groupBy: 'source' });
      expect(got.groups.map((g) => g.key)).to.deep.equal(['user']);
      const bySender = dataset.messages.filter(
        (m) => m.direction === 'outgoing' && m.source === 'user' && m.teamId === team && m.ts >= range.from && m.ts < range.to,
      );
      expect(got.total).to.equal(bySender.length);
    });
  });

  describe('delivery', () => {
    it('matches brute-force funnels per bucket and in total, with funnel invariants', () => {
      const ids = someIds();
      for (const filters of [{}, { channel: ids.whatsapp }, { source: ['broadcast'] }, { user: ids.users }] as BruteFilters[]) {
        const range = days('2026-04-01', 45);
        const compareFrom = range.from - 31 * DAY_MS;
        const compareTo = range.from - 10 * DAY_MS + 5 * 3_600_000;
        const got = engine.delivery({
          ...query(range, filters),
          interval: 'day',
          compareFrom: iso(compareFrom),
          compareTo: iso(compareTo),
        });
        const messages = select(dataset, 'outgoing', range.from, range.to, filters);
        expect(got.totals).to.deep.equal(bruteTotals(messages));
        expect(got.previousTotals).to.deep.equal(bruteTotals(select(dataset, 'outgoing', compareFrom, compareTo, filters)));
        expect(got.series.length).to.equal(45);
        got.series.forEach((bucket, i) => {
          const start = range.from + i * DAY_MS;
          expect(bucket.start).to.equal(iso(start));
          const inBucket = bruteTotals(messages.filter((m) => m.ts >= start && m.ts < start + DAY_MS));
          expect({ sent: bucket.sent, delivered: bucket.delivered, read: bucket.read, failed: bucket.failed }).to.deep.equal({
            sent: inBucket.sent,
            delivered: inBucket.delivered,
            read: inBucket.read,
            failed: inBucket.failed,
          });
          expect(bucket.sent).to.be.at.least(bucket.delivered);
          expect(bucket.delivered).to.be.at.least(bucket.read);
        });
        const t = got.totals;
        expect(t.sent + t.failed).to.equal(t.total);
        expect(t.sent).to.be.at.least(t.delivered);
        expect(t.delivered).to.be.at.least(t.read);
        const sum = (key: 'sent' | 'delivered' | 'read' | 'failed') => got.series.reduce((s, b) => s + b[key], 0);
        expect([sum('sent'), sum('delivered'), sum('read'), sum('failed')]).to.deep.equal([t.sent, t.delivered, t.read, t.failed]);
      }
    });

    it('keeps a message read after day 30 as delivered, and one delivered after day 30 as sent', () => {
      const lateRead = dataset.messages.find(
        (m) => m.readAt !== null && m.readAt - m.ts > 30 * DAY_MS && m.deliveredAt! - m.ts < 30 * DAY_MS,
      )!;
      const lateDelivery = dataset.messages.find((m) => m.deliveredAt !== null && m.deliveredAt - m.ts > 30 * DAY_MS)!;
      expect(lateRead, 'a late read in the data').to.not.equal(undefined);
      expect(lateDelivery, 'a late delivery in the data').to.not.equal(undefined);
      for (const [m, expected] of [
        [lateRead, { total: 1, sent: 1, delivered: 1, read: 0, failed: 0 }],
        [lateDelivery, { total: 1, sent: 1, delivered: 0, read: 0, failed: 0 }],
      ] as const) {
        const range = { from: m.ts, to: m.ts + 1 };
        const only = { contact: [m.contactId], channel: [m.channelId] };
        const others = select(dataset, 'outgoing', range.from, range.to, only);
        expect(others.map((x) => x.id)).to.deep.equal([m.id]);
        expect(engine.delivery({ ...query(range, only), interval: 'hour' }).totals).to.deep.equal(expected);
        const page = engine.messages({ ...query(range, only), kind: 'outgoing' });
        expect(page.rows).to.have.length(1);
        expect(page.rows[0]!.readAt).to.equal(null);
        expect(page.rows[0]!.deliveredAt).to.equal(m === lateRead ? iso(m.deliveredAt!) : null);
      }
    });

    it('has every hour of a DST day in America/New_York (23) and Europe/Madrid (25) as buckets', () => {
      // 2026-03-08: New York springs forward at 02:00 local → 23 hours.
      const ny = engine.delivery({
        from: '2026-03-08T05:00:00.000Z',
        to: '2026-03-09T04:00:00.000Z',
        tz: 'America/New_York',
        filters: {},
        interval: 'hour',
      });
      expect(ny.series.map((b) => b.start)).to.deep.equal(
        Array.from({ length: 23 }, (_, i) => iso(Date.parse('2026-03-08T05:00:00.000Z') + i * 3_600_000)),
      );
      // 2026-10-25: Madrid falls back at 03:00 local → 25 hours.
      const madrid = engine.delivery({
        from: '2026-10-24T22:00:00.000Z',
        to: '2026-10-25T23:00:00.000Z',
        tz: 'Europe/Madrid',
        filters: {},
        interval: 'hour',
      });
      expect(madrid.series).to.have.length(25);
      expect(madrid.series[0]!.start).to.equal('2026-10-24T22:00:00.000Z');
      expect(madrid.series[24]!.start).to.equal('2026-10-25T22:00:00.000Z');
      for (const [response, from] of [
        [ny, Date.parse('2026-03-08T05:00:00.000Z')],
        [madrid, Date.parse('2026-10-24T22:00:00.000Z')],
      ] as const) {
        response.series.forEach((bucket, i) => {
          const start = from + i * 3_600_000;
          const expected = bruteTotals(select(dataset, 'outgoing', start, start + 3_600_000, {}));
          expect([bucket.sent, bucket.failed]).to.deep.equal([expected.sent, expected.failed]);
        });
      }
    });

    it('starts day buckets at local midnights across the Madrid spring change and New York fall change', () => {
      const madrid = engine.delivery({
        from: '2026-03-27T23:00:00.000Z', // Sat 28 March, 00:00 CET
        to: '2026-03-30T22:00:00.000Z', // Tue 31 March, 00:00 CEST
        tz: 'Europe/Madrid',
        filters: {},
        interval: 'day',
      });
      expect(madrid.series.map((b) => b.start)).to.deep.equal([
        '2026-03-27T23:00:00.000Z',
        '2026-03-28T23:00:00.000Z', // 29 March starts in CET, lasts 23 hours
        '2026-03-29T22:00:00.000Z', // 30 March, CEST
      ]);
      const starts = madrid.series.map((b) => Date.parse(b.start));
      const ends = [...starts.slice(1), Date.parse('2026-03-30T22:00:00.000Z')];
      madrid.series.forEach((bucket, i) => {
        const expected = bruteTotals(select(dataset, 'outgoing', starts[i]!, ends[i]!, {}));
        expect(bucket.sent + bucket.failed).to.equal(expected.total);
      });
      const ny = engine.delivery({
        from: '2026-10-31T04:00:00.000Z',
        to: '2026-11-03T05:00:00.000Z',
        tz: 'America/New_York',
        filters: {},
        interval: 'day',
      });
      expect(ny.series.map((b) => b.start)).to.deep.equal([
        '2026-10-31T04:00:00.000Z',
        '2026-11-01T04:00:00.000Z', // 1 November lasts 25 hours
        '2026-11-02T05:00:00.000Z',
      ]);
    });

    it('lists statuses none of the channels in scope report as not reported', () => {
      const range = days('2026-05-01', 7);
      const byKind = (kind: string) => dataset.channels.filter((c) => c.kind === kind).map((c) => c.id);
      const ask = (channel?: string[]) => engine.delivery({ ...query(range, channel ? { channel } : {}), interval: 'day' }).notReported;
      expect(ask()).to.deep.equal([]);
      expect(ask([...byKind('email'), ...byKind('sms')])).to.deep.equal(['read']);
      expect(ask(byKind('telegram'))).to.deep.equal(['delivered', 'read']);
      expect(ask(byKind('webchat'))).to.deep.equal(['failed']);
      expect(ask([...byKind('telegram'), ...byKind('webchat')])).to.deep.equal([]);
    });
  });

  describe('messages', () => {
    /** Every page of a listing, following nextCursor. */
    function pageAll(params: Parameters<Engine['messages']>[0]) {
      const rows: MessageRow[] = [];
      const totals = new Set<number>();
      let cursor: string | undefined;
      let pages = 0;
      for (;;) {
        const page = engine.messages(cursor === undefined ? params : { ...params, cursor });
        expect(page.cap).to.equal(10_000);
        totals.add(page.total);
        rows.push(...page.rows);
        pages++;
        if (page.nextCursor === null) break;
        expect(page.rows.length).to.equal(params.limit ?? 100);
        cursor = page.nextCursor;
        if (pages > 500) throw new Error('paging does not end');
      }
      return { rows, totals, pages };
    }

    const expectedIds = (kind: MessageKind, order: Order, range: { from: number; to: number }, filters: BruteFilters) => {
      let list = select(dataset, kind === 'incoming' ? 'incoming' : 'outgoing', range.from, range.to, filters);
      if (kind === 'failed') list = list.filter((m) => m.error);
      const ids = list.map((m) => m.id);
      return order === 'asc' ? ids : ids.reverse();
    };

    it('pages to the end in both orders with no duplicates or gaps, ties included', () => {
      const ids = someIds();
      const cases: [MessageKind, { from: number; to: number }, BruteFilters, number][] = [
        ['outgoing', days('2026-07-01', 40), { channel: ids.whatsapp }, 37],
        ['incoming', days('2026-07-01', 20), { team: [ids.team] }, 23],
        ['failed', days('2026-01-01', 200), {}, 9],
        // Broadcast messages share timestamps: page edges fall inside ties.
        ['outgoing', days('2025-11-01', 390), { broadcast: ids.broadcasts }, 7],
      ];
      for (const [kind, range, filters, limit] of cases) {
        for (const order of ['asc', 'desc'] as Order[]) {
          const expected = expectedIds(kind, order, range, filters);
          expect(expected.length, `${kind} has data`).to.be.greaterThan(limit * 3);
          const { rows, totals } = pageAll({ ...query(range, filters), kind, order, limit });
          expect(
            rows.map((r) => r.id),
            `${kind} ${order}`,
          ).to.deep.equal(expected);
          expect([...totals]).to.deep.equal([expected.length]);
        }
      }
    });

    it('stops at the 10,000-row cap with total still counting every match', () => {
      const range = days('2025-12-01', 366);
      for (const order of ['desc', 'asc'] as Order[]) {
        const expected = expectedIds('outgoing', order, range, {});
        expect(expected.length).to.be.greaterThan(10_000);
        const { rows, totals, pages } = pageAll({ ...query(range), kind: 'outgoing', order, limit: 1000 });
        expect(pages).to.equal(10);
        expect([...totals]).to.deep.equal([expected.length]);
        expect(rows.map((r) => r.id)).to.deep.equal(expected.slice(0, 10_000));
      }
      // An odd page size ends exactly at the cap, with a short last page.
      const { rows } = pageAll({ ...query(range), kind: 'outgoing', limit: 999 });
      expect(rows).to.have.length(10_000);
    });

    it('shapes rows per kind', () => {
      const range = days('2026-08-01', 30);
      const byId = new Map(dataset.messages.map((m) => [m.id, m]));
      const incoming = engine.messages({ ...query(range), kind: 'incoming', limit: 50 });
      for (const row of incoming.rows) {
        expect(Object.keys(row).sort()).to.deep.equal(['channel', 'contact', 'content', 'id', 'timestamp']);
        const m = byId.get(row.id)!;
        expect(row.timestamp).to.equal(iso(m.ts));
        expect(row.contact).to.deep.equal({ id: m.contactId, name: dataset.contacts.find((c) => c.id === m.contactId)!.name });
        const channel = dataset.channels.find((c) => c.id === m.channelId)!;
        expect(row.channel).to.deep.equal({ id: channel.id, name: channel.name, kind: channel.kind });
      }
      const outgoing = engine.messages({ ...query(range), kind: 'outgoing', limit: 1000 });
      const outgoingKeys = [
        'broadcast',
        'channel',
        'contact',
        'content',
        'deliveredAt',
        'id',
        'readAt',
        'source',
        'subtype',
        'timestamp',
        'type',
        'user',
      ];
      for (const row of outgoing.rows) {
        expect(Object.keys(row).sort()).to.deep.equal(outgoingKeys);
        const m = byId.get(row.id)!;
        expect(row.user === null).to.equal(m.source !== 'user');
        if (row.user) expect(row.user).to.deep.equal({ id: m.userId, name: dataset.users.find((u) => u.id === m.userId)!.name });
        if (m.broadcastId) expect(row.broadcast!.name).to.equal(dataset.broadcasts.find((b) => b.id === m.broadcastId)!.name);
        else expect(row.broadcast).to.equal(null);
        const status = bruteStatus(m);
        expect(row.readAt !== null).to.equal(status === 'read');
      }
      const failed = engine.messages({ ...query(range), kind: 'failed', limit: 1000 });
      expect(failed.rows.length).to.be.greaterThan(0);
      for (const row of failed.rows) {
        expect(Object.keys(row).sort()).to.deep.equal([...outgoingKeys, 'error'].sort());
        expect(row.error).to.deep.equal(byId.get(row.id)!.error);
        expect([row.deliveredAt, row.readAt]).to.deep.equal([null, null]);
      }
    });
  });

  describe('options', () => {
    it('searches labels case- and accent-insensitively, sorted by label', () => {
      for (const q of ['jose', 'JOSÉ', 'gonçalves', 'GONCALVES', 'nunez', 'ÁLVAREZ']) {
        const got = engine.options({ field: 'contact', q, limit: 200 });
        const expected = dataset.contacts.filter((c) => fold(c.name).includes(fold(q)));
        expect(got.options.length, q).to.equal(Math.min(200, expected.length));
        expect(got.options.length, q).to.be.greaterThan(0);
        expect(new Set(got.options.map((o) => o.value))).to.deep.equal(new Set(expected.map((c) => c.id).slice(0, 200)));
        const labels = got.options.map((o) => fold(o.label));
        expect(labels).to.deep.equal([...labels].sort());
      }
      expect(engine.options({ field: 'contact' }).options).to.have.length(50);
      expect(engine.options({ field: 'contact', limit: 7 }).options).to.have.length(7);
      expect(engine.options({ field: 'user', q: 'angel' }).options.map((o) => o.label)).to.include('Luis Ángel Ochoa');
    });

    it('gives channels with kind and reports, and the enum fields from their lists', () => {
      const channels = engine.options({ field: 'channel', limit: 200 }).options;
      expect(channels).to.have.length(dataset.channels.length);
      for (const option of channels) {
        const channel = dataset.channels.find((c) => c.id === option.value)!;
        expect(option).to.deep.equal({ value: channel.id, label: channel.name, kind: channel.kind, reports: channel.reports });
      }
      expect(engine.options({ field: 'source' }).options.map((o) => o.value)).to.deep.equal([
        'user',
        'bot',
        'broadcast',
        'workflow',
        'api',
        'zapier',
        'echo',
      ]);
      expect(engine.options({ field: 'type', q: 'whats' }).options).to.deep.equal([
        { value: 'whatsapp_template', label: 'WhatsApp Message Template' },
      ]);
      expect(engine.options({ field: 'team' }).options).to.have.length(dataset.teams.length);
      expect(engine.options({ field: 'broadcast', q: 'satisfaccion' }).options.every((o) => o.label.includes('satisfacción'))).to.equal(
        true,
      );
    });
  });

  describe('through the router (server/api/), as the mocks serve it', () => {
    const answer = async (url: string): Promise<{ status: number; contentType: string | null; body: unknown }> => {
      const handler = createHandler({
        store: engineStore(engine),
        basePath: new URL(url).pathname.startsWith('/tenant/') ? '/tenant/api' : '/api',
        verifyRequest: () => ({ workspace: dataset.workspace.id }),
        logger: false,
      });
      const response = await handler(new Request(url));
      return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
    };

    it('routes under its base path and answers problems for bad queries and unknown paths', async () => {
      const range = days('2026-09-01', 7);
      const ok = await answer(
        `https://reports.example/tenant/api/breakdown?from=${iso(range.from)}&to=${iso(range.to)}&tz=${TZ}&direction=outgoing&groupBy=type&channel=ch_1&channel=ch_2&unknown=1`,
      );
      expect(ok.status).to.equal(200);
      expect(ok.contentType).to.match(/^application\/json/);
      expect(ok.body).to.deep.equal(
        engine.breakdown({ ...query(range, { channel: ['ch_1', 'ch_2'] }), direction: 'outgoing', groupBy: 'type' }),
      );
      const bad = await answer('http://x/api/messages?kind=all');
      expect(bad.status).to.equal(400);
      expect(bad.contentType).to.equal('application/problem+json');
      expect((bad.body as { invalidParams: { name: string }[] }).invalidParams.map((p) => p.name)).to.deep.equal([
        'from',
        'to',
        'tz',
        'kind',
      ]);
      const missing = await answer('http://x/api/nothing');
      expect([missing.status, (missing.body as { status: number }).status]).to.deep.equal([404, 404]);
      const options = await answer('http://x/api/options/channel?q=whatsapp');
      expect(options.status).to.equal(200);
      expect((options.body as { options: unknown[] }).options).to.have.length(3);
      expect((await answer('http://x/api/options/colour')).status).to.equal(404);
      expect((await answer('http://x/api/options')).status).to.equal(404);
      expect((await answer('http://x/api/breakdown/extra')).status).to.equal(404);
    });
  });
});

describe('reference engine on a hand-made data set', () => {
  const H = 3_600_000;
  const day0 = Date.parse('2026-05-04T06:00:00.000Z'); // Monday 4 May 2026, 00:00 in Mexico City
  const base: DatasetMessage = {
    id: '',
    ts: 0,
    direction: 'outgoing',
    channelId: 'ch_wa',
    contactId: 'c_1',
    content: 'hola',
    source: 'user',
    type: 'session',
    subtype: null,
    userId: 'u_1',
    teamId: 't_1',
    broadcastId: null,
    deliveredAt: null,
    readAt: null,
    error: null,
  };
  const m = (id: string, patch: Partial<DatasetMessage>): DatasetMessage => ({ ...base, id, ...patch });
  const messages = [
    m('m_01', { ts: day0 - 1 }), // just before the range
    m('m_02', { ts: day0, deliveredAt: day0 + 1000, readAt: day0 + 30 * DAY_MS - 1 }), // read just inside 30 days
    m('m_03', { ts: day0 + DAY_MS, deliveredAt: day0 + DAY_MS + 30 * DAY_MS + 1 }), // delivered just after 30 days
    // Another backend may record a team on automated messages: team/user filters must still skip them.
    m('m_04', { ts: day0 + DAY_MS + H, source: 'workflow', userId: 'u_1', teamId: 't_1' }),
    m('m_05', { ts: day0 + 2 * DAY_MS - 1, error: { code: '131026', message: 'Message undeliverable' } }),
    m('m_06', { ts: day0 + 2 * DAY_MS, direction: 'incoming', source: null, type: null, userId: 'u_1', teamId: 't_1' }),
    m('m_07', { ts: day0 + 3 * DAY_MS }), // exactly at `to`: excluded
  ];
  const dataset: Dataset = {
    options: { seed: 0, end: day0 + 4 * DAY_MS, months: 0, messagesPerDay: 0, hostile: false, timezone: TZ },
    workspace: { id: 'ws', name: 'Hand-made', timezone: TZ },
    start: day0 - DAY_MS,
    end: day0 + 4 * DAY_MS,
    channels: [{ id: 'ch_wa', name: 'WhatsApp', kind: 'whatsapp', reports: ['sent', 'delivered', 'read', 'failed'] }],
    teams: [{ id: 't_1', name: 'Ventas' }],
    users: [{ id: 'u_1', name: 'Daniela' }].map((u) => ({ ...u, teamId: 't_1' })),
    contacts: [{ id: 'c_1', name: 'Ana', locale: 'es', channelId: 'ch_wa' }],
    broadcasts: [],
    messages,
  };
  const engine = createEngine(dataset);
  const range = { from: iso(day0), to: iso(day0 + 3 * DAY_MS), tz: TZ };

  it('counts a message at a bucket start in that bucket, honours [from, to) and the 30-day edge', () => {
    const got = engine.delivery({ ...range, filters: {}, interval: 'day' });
    expect(got.series).to.deep.equal([
      { start: iso(day0), sent: 1, delivered: 1, read: 1, failed: 0 },
      { start: iso(day0 + DAY_MS), sent: 2, delivered: 0, read: 0, failed: 1 },
      { start: iso(day0 + 2 * DAY_MS), sent: 0, delivered: 0, read: 0, failed: 0 },
    ]);
    expect(got.totals).to.deep.equal({ total: 4, sent: 3, delivered: 1, read: 1, failed: 1 });
  });

  it('matches team and user filters on outgoing messages only when a user sent them', () => {
    for (const filters of [{ team: ['t_1'] }, { user: ['u_1'] }]) {
      const outgoing = engine.breakdown({ ...range, filters, direction: 'outgoing', groupBy: 'source' });
      expect(outgoing.groups).to.deep.equal([{ key: 'user', label: 'User', count: 3 }]);
      const incoming = engine.breakdown({ ...range, filters, direction: 'incoming', groupBy: 'channel' });
      expect(incoming.total).to.equal(1);
      const rows = engine.messages({ ...range, filters, kind: 'outgoing', order: 'asc' }).rows.map((r) => r.id);
      expect(rows).to.deep.equal(['m_02', 'm_03', 'm_05']);
    }
  });
});

/** The contacts with the most messages (so a contact filter has data). */
function busiestContacts(dataset: Dataset, n: number): string[] {
  const counts = new Map<string, number>();
  for (const m of dataset.messages) counts.set(m.contactId, (counts.get(m.contactId) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([id]) => id);
}
