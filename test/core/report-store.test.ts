import { expect } from 'chai';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import { ReportClient } from '../../src/core/client/client.js';
import { serializeState } from '../../src/core/query/report-state.js';
import { ReportStore, type ReportSnapshot, type StoreUpdate } from '../../src/core/store/report-store.js';

const NOW = Date.parse('2026-11-26T18:00:00.000Z');
const clock = () => NOW;
const BASE = { endpoint: '/api', baseUrl: 'https://crm.example/reports/', timezone: 'America/Mexico_City' };

/** Every notification of `store`, in order. */
function record(store: ReportStore): { state: ReportSnapshot; update: StoreUpdate }[] {
  const seen: { state: ReportSnapshot; update: StoreUpdate }[] = [];
  store.subscribe((state, update) => seen.push({ state, update }));
  return seen;
}

describe('ReportStore', () => {
  it('resolves its settings into one frozen state with a query and a client', () => {
    const store = new ReportStore({ ...BASE, preset: 'yesterday' }, clock);
    const state = store.state;
    expect(Object.isFrozen(state)).to.equal(true);
    expect(state.query).to.deep.equal({
      from: '2026-11-25T06:00:00.000Z',
      to: '2026-11-26T06:00:00.000Z',
      tz: 'America/Mexico_City',
      filters: {},
    });
    expect(state.dataSource).to.be.instanceOf(ReportClient);
    expect((state.dataSource as ReportClient).endpoint.href).to.equal('https://crm.example/api/');
  });

  it('applies a change as one new state and tells who made it; the unchanged parts stay', () => {
    const store = new ReportStore({ ...BASE, preset: 'yesterday', filters: { channel: ['ch_1'] } }, clock);
    const before = store.state;
    const seen = record(store);
    store.change({ range: { from: '2026-11-01', to: '2026-11-15' }, filters: { user: ['u_1'] } });
    expect(seen).to.have.length(1);
    expect(seen[0]!.update).to.deep.equal({ cause: 'user', dropped: [] });
    expect(store.state).to.not.equal(before);
    expect(store.state.range).to.deep.equal({ from: { year: 2026, month: 11, day: 1 }, to: { year: 2026, month: 11, day: 15 } });
    expect(store.state.filters).to.deep.equal({ user: ['u_1'] });
    expect(store.state.timezone).to.equal('America/Mexico_City');
    expect(store.state.dataSource, 'one client for the same endpoint').to.equal(before.dataSource);
  });

  it('says nothing when a change leaves the state as it was', () => {
    const store = new ReportStore({ ...BASE, preset: 'today' }, clock);
    const seen = record(store);
    store.change({ range: { preset: 'today' } });
    store.configure({ timezone: 'America/Mexico_City' });
    expect(seen).to.deep.equal([]);
  });

  it('keeps the valid parts of a bad change and names what it dropped', () => {
    const store = new ReportStore({ ...BASE }, clock);
    const seen = record(store);
    store.change({ range: { preset: 'someday' }, filters: { channel: ['ch_2'], planet: ['x'] }, interval: 'fortnight' }, 'host');
    expect(store.state.filters).to.deep.equal({ channel: ['ch_2'] });
    expect(store.state.interval).to.equal(undefined);
    expect(seen).to.have.length(1);
    expect(seen[0]!.update.cause).to.equal('host');
    expect(seen[0]!.update.dropped).to.deep.equal([
      'unknown preset "someday"',
      'filters: unknown field “planet”',
      'unknown interval "fortnight"',
    ]);

    store.change('{not json');
    expect(seen, 'a change that changes nothing but was refused is still reported').to.have.length(2);
    expect(seen[1]!.update.dropped).to.deep.equal(['the state is not valid JSON']);
  });

  it('lets the host replace what a person chose, part by part (the latest writer wins)', () => {
    const store = new ReportStore({ ...BASE, preset: 'yesterday' }, clock);
    store.change({ range: { from: '2026-11-01', to: '2026-11-15' }, filters: { channel: ['ch_1'] } });
    store.configure({ filters: { user: ['u_2'] } });
    expect(store.state.range, 'the range the person chose stays').to.deep.include({ from: { year: 2026, month: 11, day: 1 } });
    store.configure({ preset: 'last_30_days', from: undefined, to: undefined });
    expect(store.state.range).to.deep.equal({ preset: 'last_30_days' });
    expect(store.state.filters).to.deep.equal({ user: ['u_2'] });
  });

  it('keeps the interval a person picked, serialised with the state', () => {
    const store = new ReportStore({ ...BASE }, clock);
    expect(store.state.interval).to.equal(undefined);
    store.change({ interval: 'week' });
    expect(store.state.interval).to.equal('week');
  });

  it('keeps the outgoing grouping and the list order a person picked; its serialised state restores them in a new store', () => {
    const store = new ReportStore({ ...BASE }, clock);
    const seen = record(store);
    expect(serializeState(store.state)).to.not.have.any.keys('outgoingGroupBy', 'listOrder');
    store.change({ outgoingGroupBy: 'subtype' });
    store.change({ listOrder: { failed: 'asc', incoming: 'desc' } });
    expect(store.state.outgoingGroupBy).to.equal('subtype');
    expect(store.state.listOrder).to.deep.equal({ failed: 'asc', incoming: 'desc' });
    expect(seen.map(({ update }) => update.cause)).to.deep.equal(['user', 'user']);
    const saved = JSON.stringify(serializeState(store.state));
    const restored = new ReportStore({ ...BASE }, clock);
    restored.change(saved, 'host');
    expect(serializeState(restored.state)).to.deep.equal(serializeState(store.state));
  });

  it('drops a bad grouping or list order, names each, and keeps the valid parts of the change', () => {
    const store = new ReportStore({ ...BASE }, clock);
    const seen = record(store);
    store.change('{"outgoingGroupBy":"planet","listOrder":{"failed":"asc","outgoing":"up","sent":"desc"},"preset":"last_14_days"}');
    expect(store.state.outgoingGroupBy).to.equal(undefined);
    expect(store.state.listOrder).to.deep.equal({ failed: 'asc' });
    expect(serializeState(store.state)).to.include({ preset: 'last_14_days' });
    expect(seen.at(-1)!.update.dropped).to.deep.equal([
      'unknown outgoingGroupBy "planet"',
      'unknown order "up" for the outgoing list',
      'unknown list "sent" in listOrder',
    ]);
    // An attribute with a bad grouping: a warning the element shows, the default grouping kept.
    store.configure({ outgoingGroupBy: 'planet' });
    expect(store.state.problems.map((problem) => [problem.code, problem.severity, problem.params.name])).to.deep.equal([
      ['badAttribute', 'warning', 'outgoing-group-by'],
    ]);
    expect(store.state.query, 'still queries').to.not.equal(undefined);
  });

  it('queries nothing while the settings have errors, and says which', () => {
    const store = new ReportStore({ baseUrl: BASE.baseUrl, timezone: 'Mars/Olympus', preset: 'today' }, clock);
    expect(store.state.query).to.equal(undefined);
    expect(store.state.dataSource).to.equal(undefined);
    expect(store.state.problems.map((problem) => problem.code)).to.deep.equal(['noEndpoint', 'unknownZone']);
    store.configure({ endpoint: 'javascript:alert(1)' });
    expect(store.state.problems.map((problem) => problem.code)).to.deep.equal(['badEndpoint', 'unknownZone']);
  });

  it('uses a host data source instead of a client, and a new client only for a new endpoint or credentials', () => {
    const source = { breakdown: () => Promise.reject(new Error('unused')) } as unknown as ReportDataSource;
    const store = new ReportStore({ ...BASE, endpoint: undefined, dataSource: source }, clock);
    expect(store.state.dataSource).to.equal(source);
    expect(store.state.problems).to.deep.equal([]);
    store.configure({ dataSource: undefined, endpoint: '/api' });
    const client = store.state.dataSource;
    store.configure({ credentials: 'include' });
    expect(store.state.dataSource).to.not.equal(client);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = new ReportStore({ ...BASE }, clock);
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.change({ filters: { channel: ['a'] } });
    stop();
    store.change({ filters: { channel: ['b'] } });
    expect(calls).to.equal(1);
  });

  it('carries cross-filtering as a setting, outside the serialised state', () => {
    const store = new ReportStore({ ...BASE }, clock);
    expect(store.state.crossFilter).to.equal(false);
    const seen = record(store);
    store.configure({ crossFilter: true });
    expect(store.state.crossFilter).to.equal(true);
    expect(seen).to.have.length(1);
  });
});
