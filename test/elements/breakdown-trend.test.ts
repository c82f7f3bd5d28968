import { expect, fixture, html } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import '../../src/index.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { BreakdownResponse, BreakdownTrendResponse } from '../../src/core/contract/types.js';
import { NOW, ZONE, chartsRendered, esCount, mockAnswer, requests, resetRequests, settled, shadow, startMocks } from './helpers.js';

const LAST_30_DAYS = { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
const TODAY = { from: '2026-11-26T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };

async function trendChart(preset: string, groupBy = 'channel', direction = 'outgoing') {
  const report = await fixture<MsgReport>(
    html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset=${preset} lang="es"
      ><msg-breakdown-chart direction=${direction} group-by=${groupBy} show="trend" no-compare></msg-breakdown-chart
    ></msg-report>`,
  );
  const element = report.querySelector('msg-breakdown-chart')!;
  await settled(element);
  return element;
}

async function drawnOption(element: MsgBreakdownChart) {
  await element.updateComplete;
  const box = shadow(element).querySelector<HTMLElement>('[part~="trend"]')!;
  if (!getInstanceByDom(box)) await chartsRendered(element, 1);
  return getInstanceByDom(box)!.getOption() as {
    tooltip: { renderMode: string }[];
    series: { id: string; stack: string; color: string; data: [number, number][] }[];
  };
}

describe('<msg-breakdown-chart show="trend">', () => {
  before(async () => {
    await startMocks();
    const style = document.createElement('style');
    style.textContent = 'msg-breakdown-chart { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });
  beforeEach(() => resetRequests());

  it('stacks the top groups and a neutral "Others" per day, as the mock counts them and /breakdown agrees', async () => {
    const element = await trendChart('last_30_days');
    const trend = await mockAnswer<BreakdownTrendResponse>('breakdown-trend', {
      ...LAST_30_DAYS,
      direction: 'outgoing',
      groupBy: 'channel',
      interval: 'day',
    });
    const breakdown = await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_30_DAYS, direction: 'outgoing', groupBy: 'channel' });
    const request = requests.find((url) => url.pathname.endsWith('/breakdown-trend'))!;
    expect(request.searchParams.get('interval')).to.equal('day');
    expect(trend.others, 'more channels than the top five').to.be.greaterThan(0);
    const option = await drawnOption(element);
    expect(option.series.map((s) => s.id)).to.deep.equal([...trend.groups.map((g) => g.key), '__other__']);
    expect(new Set(option.series.map((s) => s.stack)).size).to.equal(1);
    expect(option.series[0]!.data.map(([, n]) => n)).to.deep.equal(trend.series.map((b) => b.counts[0]));
    expect(option.series.at(-1)!.data.map(([, n]) => n)).to.deep.equal(trend.series.map((b) => b.others));
    expect(option.series.at(-1)!.color).to.equal('#9ca3af');
    expect(option.tooltip[0]!.renderMode).to.equal('richText');
    // The same groups as the breakdown, in its order, with its names.
    expect(trend.groups.map((g) => g.key)).to.deep.equal(breakdown.groups.slice(0, 5).map((g) => g.key));
    const legend = [...shadow(element).querySelectorAll('[part~="trend-legend"] li')].map((li) => li.textContent.trim());
    expect(legend).to.deep.equal([...breakdown.groups.slice(0, 5).map((g) => g.label), `Otros (${esCount(trend.otherGroups)})`]);
    const rows = [...shadow(element).querySelectorAll('table tbody tr')];
    expect(rows).to.have.length(trend.series.length);
    await expect(element).to.be.accessible();
  });

  it('follows the delivery line’s buckets: hours for today, dates named at day boundaries only', async () => {
    const element = await trendChart('today', 'source');
    const trend = await mockAnswer<BreakdownTrendResponse>('breakdown-trend', {
      ...TODAY,
      direction: 'outgoing',
      groupBy: 'source',
      interval: 'hour',
    });
    expect(requests.find((url) => url.pathname.endsWith('/breakdown-trend'))!.searchParams.get('interval')).to.equal('hour');
    const option = await drawnOption(element);
    expect(option.series[0]!.data).to.have.length(24);
    expect(option.series[0]!.data.map(([t]) => t)).to.deep.equal(trend.series.map((b) => Date.parse(b.start)));
  });

  it('keeps the default parts without show="trend": no trend request', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_7_days"
        ><msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart
      ></msg-report>`,
    );
    await settled(report.querySelector('msg-breakdown-chart')!);
    expect(requests.some((url) => url.pathname.endsWith('/breakdown-trend'))).to.equal(false);
    expect(shadow(report.querySelector('msg-breakdown-chart')!).querySelector('[part~="trend"]')).to.equal(null);
  });
});
