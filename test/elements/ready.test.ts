/**
 * `ready` and `msg-ready`: every element says when it has drawn what it has to show — charts once
 * ECharts finished drawing their data, lists once their first rows are on screen, the filters once
 * rendered, a report once all of its elements are — and again after each new load.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import { emptyHandlers, errorHandlers } from '../../mock/handlers.js';
import '../../src/index.js';
import { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { ChartKit } from '../../src/elements/chart/echarts.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgReadyEvent } from '../../src/elements/shared/events.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import { NOW, ZONE, countingSource, metrics, settled, shadow, startMocks, statePart } from './helpers.js';

/** A breakdown chart whose ECharts arrives only when the test lets it. */
class LateChart extends MsgBreakdownChart {
  static release: () => void = () => {};
  static readonly arrived = new Promise<void>((resolve) => (LateChart.release = resolve));
  protected override loadCharts(): Promise<ChartKit> {
    return LateChart.arrived.then(() => super.loadCharts());
  }
}
customElements.define('late-breakdown-chart', LateChart);

/** Every `msg-ready` `target` fires from now on, with the moment it fired. */
function readyEvents(target: EventTarget): { state: string; drawn: number }[] {
  const seen: { state: string; drawn: number }[] = [];
  target.addEventListener('msg-ready', (event) => seen.push({ state: (event as MsgReadyEvent).detail.state, drawn: seen.length }));
  return seen;
}

/** How many chart boxes of `element` ECharts has drawn, and whether each drew the option now bound. */
function drawnCharts(element: Element): number {
  return [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')].filter(
    (box) => getInstanceByDom(box) !== undefined && box.querySelector('canvas') !== null,
  ).length;
}

describe('ready and msg-ready', function () {
  this.timeout(20_000);
  before(startMocks);

  it('a chart is ready once ECharts finished drawing both charts, and fires msg-ready once, without bubbling', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const chart = document.createElement('msg-breakdown-chart');
    Object.assign(chart, { endpoint: '/api', timezone: ZONE, now: NOW });
    chart.setAttribute('direction', 'outgoing');
    const finished: string[] = [];
    chart.addEventListener('msg-chart-rendered', (event) => finished.push(event.detail.chart));
    const events = readyEvents(chart);
    const bubbled = readyEvents(host);
    host.append(chart);
    await chart.ready;
    expect(new Set(finished), 'both charts finished before ready').to.deep.equal(new Set(['bar', 'pie']));
    expect(drawnCharts(chart)).to.equal(2);
    expect(events).to.deep.equal([{ state: 'data', drawn: 0 }]);
    expect(bubbled, 'msg-ready stays on its element').to.deep.equal([]);
    // Ready stays resolved while nothing changes.
    await chart.ready;
    expect(events).to.have.length(1);
  });

  it('shows metrics and the table before ECharts arrives, and is ready once the charts are drawn', async () => {
    const chart = await fixture<LateChart>(html`<late-breakdown-chart endpoint="/api" timezone=${ZONE} now=${NOW}></late-breakdown-chart>`);
    await settled(chart);
    expect(metrics(chart).length, 'the metrics strip is on screen').to.be.greaterThan(1);
    expect(shadow(chart).querySelectorAll('[part~="table"] tbody tr').length, 'and the table behind the charts').to.be.greaterThan(0);
    expect(drawnCharts(chart), 'no chart yet').to.equal(0);
    let ready = false;
    void chart.ready.then(() => (ready = true));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(ready, 'not ready without its charts').to.equal(false);
    LateChart.release();
    await chart.ready;
    expect(drawnCharts(chart)).to.equal(2);
  });

  it('waits again for a new query, and fires again once it is drawn', async () => {
    const chart = await fixture<MsgBreakdownChart>(
      html`<msg-breakdown-chart endpoint="/api" timezone=${ZONE} now=${NOW} direction="outgoing"></msg-breakdown-chart>`,
    );
    await chart.ready;
    const events = readyEvents(chart);
    const keys = () => [...shadow(chart).querySelectorAll('[part~="metric"]')].map((metric) => metric.getAttribute('data-key')).join();
    const before = keys();
    chart.groupBy = 'source';
    await chart.ready;
    expect(events).to.deep.equal([{ state: 'data', drawn: 0 }]);
    const after = keys();
    expect(after, 'the new grouping is on screen').to.not.equal(before);
    expect(drawnCharts(chart)).to.equal(2);
  });

  it('a list is ready with its first rows on screen; the filters once rendered', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-report-filters></msg-report-filters>
        <msg-table kind="outgoing"></msg-table>
      </msg-report>`,
    );
    const table = report.querySelector<MsgTable>('msg-table')!;
    const filters = report.querySelector('msg-report-filters')!;
    await table.ready;
    expect(shadow(table).querySelectorAll('.body [role="row"][data-id]').length).to.be.greaterThan(5);
    await filters.ready;
    expect(shadow(filters).querySelector('[part~="range-button"]')).to.not.equal(null);
  });

  it('settles in the empty, error, invalid and not-applicable states too', async () => {
    const worker = await startMocks();
    worker.use(...emptyHandlers('/api'));
    try {
      const empty = await fixture<MsgBreakdownChart>(
        html`<msg-breakdown-chart endpoint="/api" timezone=${ZONE} now=${NOW}></msg-breakdown-chart>`,
      );
      const events = readyEvents(empty);
      await empty.ready;
      expect(statePart(empty)).to.equal('empty');
      expect(events.map((event) => event.state)).to.deep.equal(['empty']);
    } finally {
      worker.resetHandlers();
    }
    worker.use(...errorHandlers('/api', 400));
    try {
      const failing = await fixture<MsgTable>(html`<msg-table endpoint="/api" timezone=${ZONE} now=${NOW}></msg-table>`);
      await failing.ready;
      expect(statePart(failing)).to.equal('error');
    } finally {
      worker.resetHandlers();
    }
    const invalid = await fixture<MsgBreakdownChart>(html`<msg-breakdown-chart endpoint="/api" group-by="planet"></msg-breakdown-chart>`);
    await invalid.ready;
    expect(statePart(invalid)).to.equal('error invalid');
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} .filters=${{ source: ['bot'] }}
        ><msg-breakdown-chart direction="incoming"></msg-breakdown-chart
      ></msg-report>`,
    );
    const notApplicable = report.querySelector('msg-breakdown-chart')!;
    await notApplicable.ready;
    expect(statePart(notApplicable)).to.equal('not-applicable');
  });

  it('the whole report is ready once every section is, and again after a filter change', async () => {
    const { source, calls, reset } = countingSource();
    const host = document.createElement('msg-messages-report');
    Object.assign(host, { dataSource: source, timezone: ZONE, now: NOW });
    const events = readyEvents(host);
    const announced = oneEvent(host, 'msg-ready');
    (await fixture<HTMLElement>(html`<div></div>`)).append(host);
    await host.ready;
    const root = shadow(host);
    // Incoming (bar, pie), outgoing (bar, pie), the outgoing trend, the delivery line, the delivery
    // breakdown's bars, the activity heatmap: the last two loaded on demand, and waited for.
    const charts = [...root.querySelectorAll('msg-breakdown-chart, msg-delivery-line, msg-delivery-breakdown, msg-activity-heatmap')];
    expect(charts.map(drawnCharts)).to.deep.equal([2, 2, 1, 1, 1, 1]);
    for (const table of root.querySelectorAll('msg-table')) {
      expect(shadow(table).querySelector('.body [role="row"], .state'), table.kind).to.not.equal(null);
    }
    expect(calls).to.deep.include({ breakdown: 3, breakdownTrend: 1, delivery: 1, deliveryBreakdown: 1, activity: 1, messages: 3 });
    await announced;

    reset();
    const again = oneEvent(host, 'msg-ready');
    host.state = { filters: { channel: ['ch_1'] } };
    await again;
    expect(calls).to.deep.include({ breakdown: 3, breakdownTrend: 1, delivery: 1, deliveryBreakdown: 1, activity: 1, messages: 3 });
    for (const chart of charts) expect(shadow(chart).querySelector('.busy'), chart.localName).to.equal(null);
    expect(charts.map(drawnCharts)).to.deep.equal([2, 2, 1, 1, 1, 1]);
    expect(events.map((event) => event.state)).to.deep.equal(['data', 'data']);
  });
});
