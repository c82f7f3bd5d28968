import { expect } from '@open-wc/testing';
import { generateDataset } from '../../reference/dataset/index.js';
import type { Dataset } from '../../reference/dataset/types.js';
import { createEngine } from '../../reference/engine.js';
import { CHANNEL_KINDS, MESSAGE_TYPES, SOURCES } from '../../src/core/contract/types.js';
import { DAY_MS } from './brute-force.js';

const END = Date.UTC(2026, 11, 1);

/** FNV-1a over the JSON of the whole set: equal in every runtime iff the data is equal. */
function checksum(dataset: Dataset): string {
  const text = JSON.stringify(dataset);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}:${text.length}`;
}

/** Every string a renderer or CSV writer would show. */
function allStrings(dataset: Dataset): string[] {
  return [
    ...dataset.channels.map((c) => c.name),
    ...dataset.teams.map((t) => t.name),
    ...dataset.users.map((u) => u.name),
    ...dataset.contacts.map((c) => c.name),
    ...dataset.broadcasts.map((b) => b.name),
    ...dataset.messages.flatMap((m) => [m.content, m.subtype ?? '']),
  ];
}

const HOSTILE_MARKERS: [string, (s: string) => boolean][] = [
  ['markup', (s) => /<img src=x onerror=|<script>/.test(s)],
  ['javascript: link', (s) => s.includes('javascript:')],
  ['formula prefix', (s) => /^[=+\-@\t\r]/.test(s)],
  ['=HYPERLINK', (s) => s.includes('=HYPERLINK(')],
  ['very long text', (s) => s.length > 2000],
  ['Arabic', (s) => /[\u0600-\u06ff]/.test(s)],
  ['Hebrew', (s) => /[\u0590-\u05ff]/.test(s)],
  ['zero-width / bidi control', (s) => /[\u200b-\u200f\u202a-\u202e\ufeff]/.test(s)],
  ['emoji', (s) => /\p{Extended_Pictographic}/u.test(s)],
];

describe('reference data set', () => {
  let dataset: Dataset;
  before(() => {
    dataset = generateDataset({ seed: 1, end: END });
  });

  it('is deterministic for the same options and differs for another seed', () => {
    const again = generateDataset({ seed: 1, end: END });
    expect(checksum(again)).to.equal(checksum(dataset));
    const other = generateDataset({ seed: 2, end: END });
    expect(other.messages.length).to.be.greaterThan(0);
    expect(checksum(other)).to.not.equal(checksum(dataset));
    const sameLength = Math.min(other.messages.length, dataset.messages.length);
    let differing = 0;
    for (let i = 0; i < sameLength; i++) if (other.messages[i]!.ts !== dataset.messages[i]!.ts) differing++;
    expect(differing).to.be.greaterThan(sameLength / 2);
  });

  it('matches the checksum Node computes for the same options (identical in every runtime)', () => {
    // Computed with `node --import tsx` on the same generator; a deliberate generator change
    // updates it, an accidental runtime dependence (Math.random, Date.now, locale) breaks it.
    const small = generateDataset({ seed: 7, end: Date.UTC(2026, 2, 15, 13), months: 1, messagesPerDay: 40, hostile: true });
    expect(checksum(small)).to.equal(GOLDEN_CHECKSUM);
  });

  it('has the default size and is ready to query (how fast is npm run bench’s to say)', () => {
    const fresh = generateDataset();
    const engine = createEngine(fresh);
    engine.breakdown({
      from: new Date(fresh.end - 30 * DAY_MS).toISOString(),
      to: new Date(fresh.end).toISOString(),
      tz: fresh.workspace.timezone,
      filters: {},
      direction: 'outgoing',
      groupBy: 'source',
    });
    expect(fresh.messages.length).to.be.within(20_000, 40_000);
    expect(fresh.end % 3_600_000).to.equal(0);
    expect(fresh.end).to.be.at.least(Date.now());
  });

  it('holds the lookups the report needs', () => {
    expect(dataset.workspace.timezone).to.equal('America/Mexico_City');
    expect(dataset.channels.length).to.be.at.least(10);
    expect(new Set(dataset.channels.map((c) => c.kind)).size).to.be.at.least(8);
    for (const c of dataset.channels) expect(CHANNEL_KINDS).to.include(c.kind);
    const reports = (kind: string) => dataset.channels.find((c) => c.kind === kind)!.reports;
    expect(reports('whatsapp')).to.deep.equal(['sent', 'delivered', 'read', 'failed']);
    expect(reports('email')).to.not.include('read');
    expect(reports('sms')).to.not.include('read');
    expect(reports('telegram')).to.deep.equal(['sent', 'failed']);
    expect(reports('webchat')).to.deep.equal(['sent', 'delivered', 'read']);
    expect(dataset.teams.length).to.be.at.least(3);
    const teamIds = new Set(dataset.teams.map((t) => t.id));
    for (const u of dataset.users) expect(teamIds.has(u.teamId)).to.equal(true);
    expect(dataset.contacts.length).to.be.within(200, 999);
    expect(dataset.contacts.filter((c) => /[áéíóúñãõçâêô]/i.test(c.name)).length).to.be.greaterThan(100);
    expect(dataset.contacts.some((c) => c.locale === 'pt')).to.equal(true);
    expect(dataset.broadcasts.length).to.be.at.least(20);
    expect(new Set(dataset.contacts.map((c) => c.id)).size).to.equal(dataset.contacts.length);
  });

  it('has messages sorted by (ts, id) with unique ids inside [start, end)', () => {
    const ids = new Set<string>();
    for (let i = 0; i < dataset.messages.length; i++) {
      const m = dataset.messages[i]!;
      expect(ids.has(m.id)).to.equal(false);
      ids.add(m.id);
      if (m.ts < dataset.start || m.ts >= dataset.end) throw new Error(`${m.id} outside the data range`);
      const prev = dataset.messages[i - 1];
      if (prev && (prev.ts > m.ts || (prev.ts === m.ts && prev.id >= m.id))) throw new Error(`${m.id} out of order`);
    }
    // Broadcasts send many messages in the same millisecond: ties exist for the id tie-break.
    const tied = dataset.messages.filter((m, i) => i > 0 && dataset.messages[i - 1]!.ts === m.ts).length;
    expect(tied).to.be.greaterThan(100);
  });

  it('has a plausible mix of directions, sources and types, consistent with each channel', () => {
    const channels = new Map(dataset.channels.map((c) => [c.id, c]));
    const broadcasts = new Set(dataset.broadcasts.map((b) => b.id));
    const users = new Map(dataset.users.map((u) => [u.id, u]));
    const out = dataset.messages.filter((m) => m.direction === 'outgoing');
    const incomingShare = 1 - out.length / dataset.messages.length;
    expect(incomingShare).to.be.within(0.4, 0.5);
    const sources = new Map<string, number>();
    for (const m of out) sources.set(m.source!, (sources.get(m.source!) ?? 0) + 1);
    expect([...sources.keys()].sort()).to.deep.equal([...SOURCES].sort());
    expect(sources.get('user')! / out.length).to.be.within(0.3, 0.6);
    expect(new Set(out.map((m) => m.type))).to.deep.equal(new Set(MESSAGE_TYPES));
    for (const m of dataset.messages) {
      const channel = channels.get(m.channelId)!;
      if (m.direction === 'incoming') {
        expect([m.source, m.type, m.subtype, m.broadcastId, m.deliveredAt, m.readAt, m.error]).to.deep.equal([
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ]);
        if (m.userId !== null) expect(users.get(m.userId)!.teamId).to.equal(m.teamId);
        continue;
      }
      if (m.type === 'facebook_message_tag') expect(channel.kind).to.equal('facebook');
      if (m.type === 'whatsapp_template') expect(channel.kind).to.equal('whatsapp');
      expect(m.subtype === null).to.equal(m.type === 'session');
      expect(m.broadcastId !== null).to.equal(m.source === 'broadcast');
      if (m.broadcastId !== null) expect(broadcasts.has(m.broadcastId)).to.equal(true);
      expect(m.userId !== null).to.equal(m.source === 'user');
      if (m.userId !== null) expect(users.get(m.userId)!.teamId).to.equal(m.teamId);
      if (m.error) expect(channel.reports).to.include('failed');
      if (m.error) expect([m.deliveredAt, m.readAt]).to.deep.equal([null, null]);
      if (m.deliveredAt !== null) {
        expect(channel.reports).to.include('delivered');
        expect(m.deliveredAt).to.be.greaterThan(m.ts);
      }
      if (m.readAt !== null) {
        expect(channel.reports).to.include('read');
        expect(m.deliveredAt).to.not.equal(null);
        expect(m.readAt).to.be.at.least(m.deliveredAt!);
      }
    }
    const incoming = dataset.messages.filter((m) => m.direction === 'incoming');
    expect(incoming.some((m) => m.userId === null)).to.equal(true);
    expect(incoming.filter((m) => m.userId !== null).length / incoming.length).to.be.greaterThan(0.6);
  });

  it('has realistic failures, provider codes and receipts beyond the 30-day window', () => {
    const out = dataset.messages.filter((m) => m.direction === 'outgoing');
    const failed = out.filter((m) => m.error);
    expect(failed.length / out.length).to.be.within(0.02, 0.05);
    const codes = new Set(failed.map((m) => m.error!.code));
    for (const code of ['131026', '131047', '30003', '551', '550']) expect(codes.has(code), code).to.equal(true);
    expect(failed.find((m) => m.error!.code === '131026')!.error!.message).to.equal('Message undeliverable');
    expect(out.filter((m) => m.deliveredAt !== null && m.deliveredAt - m.ts > 30 * DAY_MS).length).to.be.greaterThan(20);
    expect(
      out.filter((m) => m.readAt !== null && m.readAt - m.ts > 30 * DAY_MS && m.deliveredAt! - m.ts <= 30 * DAY_MS).length,
    ).to.be.greaterThan(20);
  });

  it('follows a daily and weekly rhythm in the workspace zone (UTC−6)', () => {
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Array<number>(7).fill(0);
    for (const m of dataset.messages) {
      const local = new Date(m.ts - 6 * 3_600_000);
      byHour[local.getUTCHours()]!++;
      byWeekday[local.getUTCDay()]!++;
    }
    expect(byHour[3]! * 10).to.be.below(byHour[11]!);
    expect(byWeekday[0]!).to.be.below(byWeekday[2]! * 0.7); // Sunday vs Tuesday
  });

  it('keeps the default set clean and puts hostile strings in every kind of name with hostile: true', () => {
    const clean = allStrings(dataset);
    for (const [name, test] of HOSTILE_MARKERS) expect(clean.filter(test), name).to.deep.equal([]);

    const hostile = generateDataset({ seed: 1, end: END, hostile: true });
    const strings = allStrings(hostile);
    for (const [name, test] of HOSTILE_MARKERS) expect(strings.some(test), name).to.equal(true);
    const anyHostile = (list: string[]) => list.some((s) => HOSTILE_MARKERS.some(([, test]) => test(s)));
    expect(anyHostile(hostile.contacts.map((c) => c.name)), 'contacts').to.equal(true);
    expect(anyHostile(hostile.channels.map((c) => c.name)), 'channels').to.equal(true);
    expect(anyHostile(hostile.teams.map((t) => t.name)), 'teams').to.equal(true);
    expect(anyHostile(hostile.users.map((u) => u.name)), 'users').to.equal(true);
    expect(anyHostile(hostile.broadcasts.map((b) => b.name)), 'broadcasts').to.equal(true);
    expect(anyHostile(hostile.messages.map((m) => m.subtype ?? '')), 'templates').to.equal(true);
    expect(anyHostile(hostile.messages.map((m) => m.content)), 'contents').to.equal(true);
    // Same structure as the clean set: only strings change.
    const structure = (m: { id: string; ts: number }) => `${m.id}@${m.ts}`;
    expect(hostile.messages.map(structure)).to.deep.equal(dataset.messages.map(structure));
  });
});

const GOLDEN_CHECKSUM = '8e4da09d:433671';
