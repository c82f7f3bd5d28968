import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgErrorEvent, MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import { NOW, ZONE, nextEvent, requests, resetRequests, settled, startMocks } from './helpers.js';

/** Collects every `msg-state-change` the report fires. */
function stateChanges(report: MsgReport): MsgStateChangeEvent['detail'][] {
  const seen: MsgStateChangeEvent['detail'][] = [];
  report.addEventListener('msg-state-change', (event) => seen.push(event.detail));
  return seen;
}

const microtasks = () => new Promise((resolve) => setTimeout(resolve));

describe('<msg-report> state changes', () => {
  before(startMocks);
  beforeEach(resetRequests);
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('applies a msg-filter-change from inside as one change: one event, one request per element', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector('msg-breakdown-chart')!;
    await settled(chart);
    const changes = stateChanges(report);
    resetRequests();
    chart.dispatchEvent(
      new CustomEvent('msg-filter-change', {
        bubbles: true,
        composed: true,
        detail: { range: { preset: 'last_30_days' }, filters: { source: ['bot'], channel: ['ch_1'] } },
      }),
    );
    await report.updateComplete;
    await settled(chart);
    await microtasks();
    expect(changes).to.deep.equal([
      { timezone: ZONE, lang: 'es', preset: 'last_30_days', now: NOW, filters: { channel: ['ch_1'], source: ['bot'] } },
    ]);
    const breakdowns = requests.filter((url) => url.pathname.endsWith('/breakdown'));
    expect(breakdowns).to.have.length(1);
    expect(breakdowns[0]!.searchParams.get('from')).to.equal('2026-10-28T06:00:00.000Z');
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
    expect(copy.report!.state.query).to.deep.equal(report.report!.state.query);
  });

  it('keeps the valid parts of a bad state and says what it ignored', async () => {
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset="yesterday"></msg-report>`);
    const error = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.setAttribute('state', '{"preset":"someday","filters":{"channel":["ch_9"],"planet":["x"]}}');
    const { detail } = await error;
    expect(detail.message).to.equal('se ignoró parte del estado solicitado: unknown preset "someday"; filters: unknown field “planet”.');
    await report.updateComplete;
    expect(report.state).to.include({ preset: 'yesterday' });
    expect(report.state!.filters).to.deep.equal({ channel: ['ch_9'] });

    const broken = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.state = '{not json';
    expect((await broken).detail.message).to.contain('not valid JSON');
    expect(report.state!.filters, 'nothing lost').to.deep.equal({ channel: ['ch_9'] });
  });

  it('with sync-url, restores range and filters from the URL and writes every change back', async () => {
    history.replaceState(null, '', `?other=1&report=${encodeURIComponent('{"preset":"last_14_days","filters":{"type":["session"]}}')}`);
    const report = await fixture<MsgReport>(html`<msg-report sync-url endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    expect(report.state).to.include({ preset: 'last_14_days' });
    expect(report.state!.filters).to.deep.equal({ type: ['session'] });
    report.applyChange({ filters: { type: ['session'], channel: ['ch_2'] } });
    await report.updateComplete;
    const url = new URL(location.href);
    expect(url.searchParams.get('other')).to.equal('1');
    expect(JSON.parse(url.searchParams.get('report')!)).to.deep.equal({
      preset: 'last_14_days',
      filters: { channel: ['ch_2'], type: ['session'] },
    });
    // A reload: a new report on the same URL shows the same state.
    const reloaded = await fixture<MsgReport>(html`<msg-report sync-url endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    expect(reloaded.report!.state.query).to.deep.equal(report.report!.state.query);
  });

  it('with cross-filter, a point selection toggles that value as a filter', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report cross-filter endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="outgoing" group-by="channel"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector('msg-breakdown-chart')!;
    const select = (value: string) =>
      chart.dispatchEvent(
        new CustomEvent('msg-point-select', {
          bubbles: true,
          composed: true,
          detail: { direction: 'outgoing', groupBy: 'channel', field: 'channel', value, label: value },
        }),
      );
    select('ch_3');
    await report.updateComplete;
    expect(report.filters).to.deep.equal({ channel: ['ch_3'] });
    select('ch_3');
    await report.updateComplete;
    expect(report.filters).to.deep.equal({});

    report.crossFilter = false;
    select('ch_4');
    await report.updateComplete;
    expect(report.filters, 'only with cross-filter').to.deep.equal({});
  });
});
