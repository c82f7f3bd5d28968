import { expect } from 'chai';
import { buildReportState, parseFilters, serializeState } from '../../src/core/query/report-state.js';

const now = '2026-11-26T15:00:00.000Z';
// A page's base URL: relative endpoints resolve the same way in Node as in the browser.
const base = { endpoint: '/api', baseUrl: 'https://crm.example/', timezone: 'America/Mexico_City', now };
const codes = (state: ReturnType<typeof buildReportState>) => state.problems.map((p) => p.code);

describe('buildReportState', () => {
  it('defaults to the last 7 days in Spanish and resolves the query in the zone', () => {
    const state = buildReportState(base);
    expect(state.lang).to.equal('es');
    expect(state.range).to.deep.equal({ preset: 'last_7_days' });
    // 26 Nov 2026 in Mexico City (−06, no DST): 20 Nov 00:00 −06 = 06:00Z, to 27 Nov 06:00Z.
    expect(state.query).to.deep.equal({
      from: '2026-11-20T06:00:00.000Z',
      to: '2026-11-27T06:00:00.000Z',
      tz: 'America/Mexico_City',
      filters: {},
    });
    expect(state.problems).to.deep.equal([]);
    expect(Object.isFrozen(state) && Object.isFrozen(state.query)).to.equal(true);
  });

  it('resolves a custom range of local days, both inclusive', () => {
    const state = buildReportState({ ...base, timezone: 'Europe/Madrid', from: '2026-10-24', to: '2026-10-25' });
    // Madrid is +02 on 24 Oct and falls back to +01 on 25 Oct: 23:00Z → 26 Oct 00:00 +01 = 25 Oct 23:00Z.
    expect(state.query?.from).to.equal('2026-10-23T22:00:00.000Z');
    expect(state.query?.to).to.equal('2026-10-25T23:00:00.000Z');
  });

  it('keeps the whole BCP 47 tag, canonical, and warns on a language without strings without blocking', () => {
    expect(buildReportState({ ...base, lang: 'pt-BR' }).lang).to.equal('pt-BR');
    expect(buildReportState({ ...base, lang: ' es-mx ' }).lang).to.equal('es-MX');
    expect(buildReportState({ ...base, lang: 'pt-BR' }).problems).to.deep.equal([]);
    const french = buildReportState({ ...base, lang: 'fr-FR' });
    expect(french.lang, 'numbers and dates follow the tag').to.equal('fr-FR');
    expect(french.problems).to.have.length(1);
    expect(french.problems[0]).to.include({ code: 'unknownLang', severity: 'warning' });
    expect(french.query).to.not.equal(undefined);
  });

  it('refuses a malformed language tag as an error, and falls back to Spanish', () => {
    for (const bad of ['es_MX', 'en-', '12']) {
      const state = buildReportState({ ...base, lang: bad });
      expect(state.lang, bad).to.equal('es');
      expect(state.problems, bad).to.have.length(1);
      expect(state.problems[0], bad).to.deep.include({ code: 'badLang', severity: 'error', params: { value: bad } });
      expect(state.query, bad).to.equal(undefined);
    }
  });

  it('stops the query, with a reason, for every kind of bad input', () => {
    expect(codes(buildReportState({ ...base, endpoint: '' }))).to.deep.equal(['noEndpoint']);
    expect(codes(buildReportState({ ...base, endpoint: 'javascript:alert(1)' }))).to.deep.equal(['badEndpoint']);
    expect(codes(buildReportState({ ...base, timezone: 'Mars/Olympus' }))).to.deep.equal(['unknownZone']);
    expect(codes(buildReportState({ ...base, preset: 'last_year' }))).to.deep.equal(['badAttribute']);
    expect(codes(buildReportState({ ...base, now: 'yesterday' }))).to.deep.equal(['badNow']);
    expect(codes(buildReportState({ ...base, from: '2026-11-20' }))).to.deep.equal(['rangeIncomplete']);
    expect(codes(buildReportState({ ...base, from: '2026-02-30', to: '2026-03-02' }))).to.deep.equal(['badDate']);
    expect(codes(buildReportState({ ...base, from: '2026-11-20', to: '2026-11-01' }))).to.deep.equal(['fromAfterTo']);
    expect(codes(buildReportState({ ...base, from: '2025-01-01', to: '2026-01-02' }))).to.deep.equal(['rangeTooLong']);
    expect(codes(buildReportState({ ...base, from: '2026-12-01', to: '2026-12-02' }))).to.deep.equal(['future']);
    for (const state of [buildReportState({ ...base, timezone: 'Mars/Olympus' }), buildReportState({ ...base, endpoint: '' })]) {
      expect(state.query).to.equal(undefined);
    }
  });

  it('gives a load 30 s by default, and takes a timeout in seconds from 0.1 to 600 (the load deadline)', () => {
    expect(buildReportState(base).deadlineMs).to.equal(30_000);
    expect(buildReportState({ ...base, timeout: '0.2' }).deadlineMs).to.equal(200);
    expect(buildReportState({ ...base, timeout: 90 }).deadlineMs).to.equal(90_000);
    for (const timeout of ['soon', '0', '-5', '601', 'Infinity']) {
      const state = buildReportState({ ...base, timeout });
      expect(state.problems, timeout).to.deep.equal([
        { code: 'badAttribute', severity: 'error', params: { name: 'timeout', value: timeout, allowed: '0.1–600' } },
      ]);
      expect(state.query).to.equal(undefined);
    }
  });

  it('keeps the range the user asked for even when it is invalid, so nothing is lost', () => {
    const state = buildReportState({ ...base, from: '2026-11-20', to: '2026-11-01' });
    expect(serializeState(state)).to.include({ from: '2026-11-20', to: '2026-11-01' });
  });

  it('needs no endpoint when a data source replaces it', () => {
    expect(buildReportState({ ...base, endpoint: undefined, requireEndpoint: false }).problems).to.deep.equal([]);
  });
});

describe('parseFilters', () => {
  it('keeps every valid field and value and names what it dropped', () => {
    const { filters, problems } = parseFilters({ channel: ['ch_1', 'ch_1', '', 7], planet: ['mars'], user: 'u_1', team: [] });
    expect(filters).to.deep.equal({ channel: ['ch_1'] });
    expect(problems.map((p) => [p.code, p.severity, p.params.detail])).to.deep.equal([
      ['badFilters', 'warning', 'channel holds values that are not text'],
      ['badFilters', 'error', 'unknown field “planet”'],
      ['badFilters', 'error', 'user is not a list'],
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(parseFilters(['channel']).problems[0]!.params.detail).to.equal('got an array');
    expect(parseFilters('channel=1').problems[0]!.params.detail).to.equal('got string');
    expect(parseFilters(undefined).problems).to.deep.equal([]);
  });
});

describe('serializeState', () => {
  it('is plain JSON that names the range and the non-empty filters', () => {
    const state = buildReportState({ ...base, preset: 'this_month', filters: { channel: ['ch_2'], user: [] } });
    const json: unknown = JSON.parse(JSON.stringify(serializeState(state)));
    expect(json).to.deep.equal({
      timezone: 'America/Mexico_City',
      lang: 'es',
      preset: 'this_month',
      now,
      filters: { channel: ['ch_2'] },
    });
  });
});
