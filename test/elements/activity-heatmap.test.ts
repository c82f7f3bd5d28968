import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getInstanceByDom } from 'echarts/core';
import { emptyHandlers, errorHandlers, loadingHandlers } from '../../mock/handlers.js';
import '../../src/index.js';
import type { MsgActivityHeatmap } from '../../src/elements/activity-heatmap/activity-heatmap.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { ActivityResponse, OptionsResponse } from '../../src/core/contract/types.js';
import type { MsgErrorEvent } from '../../src/elements/shared/events.js';
import {
  NOW,
  ZONE,
  chartsRendered,
  esCount,
  mockAnswer,
  requests,
  resetRequests,
  settled,
  shadow,
  startMocks,
  statePart,
} from './helpers.js';

// Last 30 days at NOW, in Mexico City (−06 all year).
const LAST_30_DAYS = { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
const ES_DAYS = ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'];

async function heatmap(attrs: { direction?: string; lang?: string; timezone?: string } = {}) {
  const report = await fixture<MsgReport>(
    html`<msg-report endpoint="/api" timezone=${attrs.timezone ?? ZONE} now=${NOW} preset="last_30_days" lang=${attrs.lang ?? 'es'}
      ><msg-activity-heatmap direction=${attrs.direction ?? 'incoming'}></msg-activity-heatmap
    ></msg-report>`,
  );
  const element = report.querySelector('msg-activity-heatmap')!;
  await settled(element);
  return { report, element };
}

function tableRows(element: MsgActivityHeatmap): string[][] {
  return [...shadow(element).querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent.trim()));
}

async function drawnOption(element: MsgActivityHeatmap) {
  await element.updateComplete;
  const box = shadow(element).querySelector<HTMLElement>('[part~="heatmap"]')!;
  if (!getInstanceByDom(box)) await chartsRendered(element, 1);
  return getInstanceByDom(box)!.getOption() as {
    tooltip: { renderMode: string; formatter: (params: { dataIndex: number }) => string }[];
    yAxis: { data: string[] }[];
    visualMap: { inRange: { color: string[] } }[];
    series: { type: string; data: [number, number, number][] }[];
  };
}

const announced = (element: Element) => shadow(element).querySelector('.announcer')!.textContent.trim();

describe('<msg-activity-heatmap>', () => {
  before(async () => {
    await startMocks();
    const style = document.createElement('style');
    style.textContent = 'msg-activity-heatmap { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });
  beforeEach(() => resetRequests());

  it('draws the mock’s 7 × 24 counts, Monday first, with Spanish day names, a table, CSV and the zone named', async () => {
    const { element } = await heatmap();
    const answer = await mockAnswer<ActivityResponse>('activity', { ...LAST_30_DAYS, direction: 'incoming' });
    expect(answer.total, 'the month has incoming messages').to.be.greaterThan(0);
    const request = requests.find((url) => url.pathname.endsWith('/activity'))!;
    expect(request.searchParams.get('direction')).to.equal('incoming');
    expect(request.searchParams.get('tz')).to.equal(ZONE);

    const rows = tableRows(element);
    expect(rows.map((row) => row[0])).to.deep.equal(ES_DAYS);
    rows.forEach((row, day) => {
      expect(row.slice(1, 25)).to.deep.equal(answer.counts[day]!.map(esCount));
      expect(row[25]).to.equal(esCount(answer.counts[day]!.reduce((a, b) => a + b, 0)));
    });
    const headers = [...shadow(element).querySelectorAll('table thead th')].map((th) => th.textContent.trim());
    expect(headers[1]).to.equal('00:00–01:00');
    expect(headers[24]).to.equal('23:00–00:00');

    const option = await drawnOption(element);
    expect(option.series[0]!.type).to.equal('heatmap');
    expect(option.series[0]!.data).to.have.length(168);
    expect(option.series[0]!.data[9]).to.deep.equal([9, 0, answer.counts[0]![9]]);
    expect(option.yAxis[0]!.data[0]).to.match(/^Lun/);
    expect(option.tooltip[0]!.renderMode).to.equal('richText');
    expect(option.tooltip[0]!.formatter({ dataIndex: 24 + 9 })).to.equal(`Martes 09:00–10:00: ${esCount(answer.counts[1]![9]!)} mensajes`);

    expect(shadow(element).querySelector('h3')!.textContent).to.equal('Cuándo llegan los mensajes');
    expect(shadow(element).querySelector('[part~="note"]')!.textContent).to.contain(`Horas en ${ZONE}.`).and.contain('Mayor actividad:');
    const csv = element.toCsv()!;
    expect(csv.split('\r\n')[1]).to.equal(['Lunes', ...answer.counts[0]!, answer.counts[0]!.reduce((a, b) => a + b, 0)].join(','));
    await expect(element).to.be.accessible();
  });

  it('counts outgoing messages when asked, names days and hours by the region of lang, and follows the filters', async () => {
    const { report, element } = await heatmap({ direction: 'outgoing', lang: 'en-US' });
    const channels = (await mockAnswer<OptionsResponse>('options/channel', {})).options.slice(0, 2).map((o) => o.value);
    report.filters = { channel: channels };
    await report.updateComplete;
    await settled(element);
    const answer = await mockAnswer<ActivityResponse>('activity', { ...LAST_30_DAYS, direction: 'outgoing', channel: channels });
    const request = requests.filter((url) => url.pathname.endsWith('/activity')).at(-1)!;
    expect(request.searchParams.get('direction')).to.equal('outgoing');
    expect(request.searchParams.getAll('channel')).to.deep.equal(channels);
    expect(shadow(element).querySelector('h3')!.textContent).to.equal('When messages are sent');
    expect(tableRows(element)[6]![0]).to.equal('Sunday');
    expect(tableRows(element)[6]!.slice(1, 25)).to.deep.equal(answer.counts[6]!.map((n) => new Intl.NumberFormat('en-US').format(n)));
    const option = (await drawnOption(element)) as unknown as { xAxis: { data: string[] }[] };
    // A 12-hour clock in the United States.
    expect(option.xAxis[0]!.data[13]).to.equal(
      new Intl.DateTimeFormat('en-US', { hour: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, 13)),
    );
    expect(option.xAxis[0]!.data[13]).to.match(/PM/);
  });

  it('is traversed by keyboard: each cell announced with its day, hour and count', async () => {
    const { element } = await heatmap();
    const answer = await mockAnswer<ActivityResponse>('activity', { ...LAST_30_DAYS, direction: 'incoming' });
    // Drawn (a listener for the next frame could miss one already drawn).
    await drawnOption(element);
    const box = shadow(element).querySelector<HTMLElement>('[part~="heatmap"]')!;
    expect(box.getAttribute('aria-label')).to.match(/^Mapa de calor, Cuándo llegan los mensajes, horas en America\/Mexico_City: /);
    box.focus();
    await sendKeys({ press: 'Home' });
    await element.updateComplete;
    expect(announced(element)).to.equal(`Lunes 00:00–01:00: ${esCount(answer.counts[0]![0]!)} mensajes`);
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(announced(element)).to.equal(`Lunes 01:00–02:00: ${esCount(answer.counts[0]![1]!)} mensajes`);
    await sendKeys({ press: 'End' });
    await element.updateComplete;
    expect(announced(element)).to.equal(`Domingo 23:00–00:00: ${esCount(answer.counts[6]![23]!)} mensajes`);
  });

  it('follows its box when the window narrows: at 320 px the grid fits, none of it cut off', async () => {
    // Chromium now and then (1 run in 4 of this file, with the chart code of before and after this
    // stop's changes) reports "ResizeObserver loop completed with undelivered notifications" while
    // this test resizes the report. Not from the charts' observer: a log in its callback showed it
    // had not yet run for the new width when the error came, and nothing else on this page observes
    // sizes. The notice means a size comes a frame later, which this test goes on to check; it is
    // kept from failing the test, and only it (the cause is left open in the issue 8 note).
    // The test runner fails a test through window.onerror, which this wraps for the test's length.
    const runnersOnError = window.onerror;
    window.onerror = (message, ...rest): boolean =>
      (typeof message === 'string' && message.startsWith('ResizeObserver loop completed')) ||
      runnersOnError?.call(window, message, ...rest) === true;
    try {
      const { report, element } = await heatmap();
      report.style.display = 'block';
      report.style.width = '1000px';
      await drawnOption(element);
      const box = shadow(element).querySelector<HTMLElement>('[part~="heatmap"]')!;
      await waitUntil(() => getInstanceByDom(box)?.getWidth() === box.clientWidth && box.clientWidth > 900, 'drawn 1000 px wide');

      report.style.width = '320px';
      // The chart's box narrows with the element (not held wide by the canvas drawn at 1000 px), and ECharts follows it.
      await waitUntil(() => box.getBoundingClientRect().right <= report.getBoundingClientRect().right, 'the box inside the element');
      await waitUntil(() => getInstanceByDom(box)!.getWidth() === box.clientWidth, `drawn at the box's width (${box.clientWidth} px)`);
      expect(box.clientWidth).to.be.at.most(320);
      expect(element.scrollWidth, 'nothing wider than the element').to.be.at.most(320);
      // A frame more for a notice about the last resize.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    } finally {
      window.onerror = runnersOnError;
    }
  });

  it('draws in the dark scheme’s colours under color-scheme: dark', async () => {
    const { element } = await heatmap();
    const light = (await drawnOption(element)).visualMap[0]!.inRange.color.at(-1);
    element.style.setProperty('color-scheme', 'dark');
    element.refreshTheme();
    const top = async () => (await drawnOption(element)).visualMap[0]!.inRange.color.at(-1);
    await waitUntil(async () => (await top()) !== light, 'the heatmap redraws in the dark colours', { timeout: 20_000 });
    const dark = await top();
    expect(light).to.equal('#2563eb');
    expect(dark).to.equal('#60a5fa');
  });

  it('shows loading, empty, error-with-retry and invalid-settings states, each accessible', async () => {
    const worker = await startMocks();
    try {
      worker.use(...loadingHandlers('/api'));
      const report = await fixture<MsgReport>(
        html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}><msg-activity-heatmap></msg-activity-heatmap></msg-report>`,
      );
      const loading = report.querySelector('msg-activity-heatmap')!;
      await loading.updateComplete;
      expect(statePart(loading)).to.equal('loading');
      await expect(loading).to.be.accessible();
      loading.remove();

      worker.resetHandlers();
      worker.use(...emptyHandlers('/api'));
      const empty = await heatmap();
      expect(statePart(empty.element)).to.equal('empty');
      await expect(empty.element).to.be.accessible();

      worker.resetHandlers();
      worker.use(...errorHandlers('/api', 500));
      const failing = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
      const element = document.createElement('msg-activity-heatmap');
      const errorEvent = oneEvent<MsgErrorEvent>(failing, 'msg-error');
      failing.append(element);
      expect((await errorEvent).detail.source).to.equal('request');
      await settled(element);
      expect(statePart(element)).to.equal('error');
      await expect(element).to.be.accessible();
      worker.resetHandlers();
      shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settled(element);
      expect(statePart(element)).to.equal(undefined);
      expect(tableRows(element)).to.have.length(7);

      const invalid = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
      const bad = document.createElement('msg-activity-heatmap');
      bad.setAttribute('direction', 'sideways');
      const invalidEvent = oneEvent<MsgErrorEvent>(invalid, 'msg-error');
      invalid.append(bad);
      expect((await invalidEvent).detail.source).to.not.equal('request');
      await bad.updateComplete;
      expect(statePart(bad)).to.equal('error invalid');
      expect(shadow(bad).querySelector('[part~="error"]')!.textContent).to.contain('sideways');
    } finally {
      worker.resetHandlers();
    }
  });
});
