import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ReportQuery } from '../../src/core/contract/types.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgErrorEvent, MsgPointSelectEvent, MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import { NOW, ZONE, nextEvent, requests, resetRequests, settled, startMocks } from './helpers.js';

/** Collects every `msg-state-change` the report fires. */
function stateChanges(report: MsgReport): MsgStateChangeEvent['detail'][] {
  const seen: MsgStateChangeEvent['detail'][] = [];
  report.addEventListener('msg-state-change', (event) => seen.push(event.detail));
  return seen;
}

describe('<msg-report> state changes', () => {
  before(startMocks);
  beforeEach(resetRequests);
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('applies a change to its store as one change: one event, one request per element', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector('msg-breakdown-chart')!;
    await settled(chart);
    const changes = stateChanges(report);
    resetRequests();
    report.store.change({ range: { preset: 'last_30_days' }, filters: { source: ['bot'], channel: ['ch_1'] } });
    await report.updateComplete;
    await settled(chart);
    expect(changes).to.deep.equal([
      { timezone: ZONE, lang: 'es', preset: 'last_30_days', now: NOW, filters: { channel: ['ch_1'], source: ['bot'] } },
    ]);
    const breakdowns = requests.filter((url) => url.pathname.endsWith('/breakdown'));
    expect(breakdowns).to.have.length(1);
    expect(breakdowns[0]!.searchParams.get('from')).to.equal('2026-10-28T06:00:00.000Z');
  });

  it("fires msg-state-change for a person's changes only, never for what the host's code sets", async () => {
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    const changes = stateChanges(report);
    report.preset = 'yesterday';
    report.filters = { channel: ['ch_1'] };
    report.state = { filters: { channel: ['ch_2'] } };
    await report.updateComplete;
    expect(report.state).to.include({ preset: 'yesterday' });
    expect(report.state.filters).to.deep.equal({ channel: ['ch_2'] });
    expect(changes, 'the host set every one of these').to.deep.equal([]);
    report.store.change({ range: { preset: 'today' } });
    expect(changes.map((change) => change.preset)).to.deep.equal(['today']);
    expect(report.preset, 'inputs stay inputs').to.equal('yesterday');
  });

  it('round-trips its state through the state property and attribute', async () => {
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    report.state = { from: '2026-11-01', to: '2026-11-15', filters: { user: ['u_1'] } };
    await report.updateComplete;
    const saved = JSON.stringify(report.state);
    expect(report.state).to.deep.equal({
      timezone: ZONE,
      lang: 'es',
      from: '2026-11-01',
      to: '2026-11-15',
      now: NOW,
      filters: { user: ['u_1'] },
    });

    const copy = await fixture<MsgReport>(html`<msg-report endpoint="/api" now=${NOW} state=${saved}></msg-report>`);
    expect(copy.state).to.deep.equal(report.state);
    expect(copy.store.state.query).to.deep.equal(report.store.state.query);
  });

  it('keeps the valid parts of a bad state and says what it ignored', async () => {
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset="yesterday"></msg-report>`);
    const error = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.setAttribute('state', '{"preset":"someday","filters":{"channel":["ch_9"],"planet":["x"]}}');
    const { detail } = await error;
    expect(detail.message).to.equal('se ignoró parte del estado solicitado: unknown preset "someday"; filters: unknown field “planet”.');
    await report.updateComplete;
    expect(report.state).to.include({ preset: 'yesterday' });
    expect(report.state.filters).to.deep.equal({ channel: ['ch_9'] });

    const broken = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.state = '{not json';
    expect((await broken).detail.message).to.contain('not valid JSON');
    expect(report.state.filters, 'nothing lost').to.deep.equal({ channel: ['ch_9'] });
  });

  it('with sync-url, restores range and filters from the URL and writes every change back', async () => {
    history.replaceState(null, '', `?other=1&report=${encodeURIComponent('{"preset":"last_14_days","filters":{"type":["session"]}}')}`);
    const report = await fixture<MsgReport>(html`<msg-report sync-url endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    expect(report.state).to.include({ preset: 'last_14_days' });
    expect(report.state.filters).to.deep.equal({ type: ['session'] });
    report.store.change({ filters: { type: ['session'], channel: ['ch_2'] } });
    await report.updateComplete;
    const url = new URL(location.href);
    expect(url.searchParams.get('other')).to.equal('1');
    expect(JSON.parse(url.searchParams.get('report')!)).to.deep.equal({
      preset: 'last_14_days',
      filters: { channel: ['ch_2'], type: ['session'] },
    });
    // A reload: a new report on the same URL shows the same state.
    const reloaded = await fixture<MsgReport>(html`<msg-report sync-url endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    expect(reloaded.store.state.query).to.deep.equal(report.store.state.query);
  });

  it("with cross-filter, picking a group toggles that value as a filter, as a person's change", async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report cross-filter endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="outgoing" group-by="source" show="metrics"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector('msg-breakdown-chart')!;
    await settled(chart);
    const changes = stateChanges(report);
    const selected = nextEvent<MsgPointSelectEvent>(report, 'msg-point-select');
    const pick = () => chart.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="bot"] button')!.click();
    pick();
    expect((await selected).detail).to.deep.include({ field: 'source', value: 'bot' });
    expect(report.state.filters).to.deep.equal({ source: ['bot'] });
    expect(changes.map((change) => change.filters)).to.deep.equal([{ source: ['bot'] }]);
    await settled(chart);
    pick();
    expect(report.state.filters).to.deep.equal({});
    expect(report.filters, 'the input is untouched').to.deep.equal({});

    report.crossFilter = false;
    await report.updateComplete;
    await settled(chart);
    pick();
    expect(report.state.filters, 'only with cross-filter').to.deep.equal({});
  });

  it('gives every element one immutable query, and takes its language from an ancestor', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="pt-BR">
        <msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>
      </div>`,
    );
    const report = page.querySelector('msg-report')!;
    const state = report.store.state;
    expect(state.lang, 'the whole tag: Portuguese strings, Brazilian formats').to.equal('pt-BR');
    expect(Object.isFrozen(state)).to.equal(true);
    const query: ReportQuery = state.query!;
    expect(query).to.deep.equal({ from: '2026-11-20T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE, filters: {} });
    expect(Object.isFrozen(query)).to.equal(true);
  });
});
