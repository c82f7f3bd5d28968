/**
 * Runs in the browser: attaches `<msg-breakdown-chart>` again and again against the mock and
 * records the time to its first chart frame, next to two floors measured in the same run:
 * a bare `fetch` of the same answer from the mock, and a bare ECharts init + setOption of a pie of
 * the same size (what any ECharts embed pays).
 */
import { setupWorker } from 'msw/browser';
import { init } from 'echarts/core';
import { createHandlers } from '../mock/handlers.js';
import { generateDataset } from '../reference/dataset/index.js';
import '../src/index.js';
import type { MsgChartRenderedDetail } from '../src/elements/shared/events.js';

const NOW = '2026-11-26T18:00:00.000Z';
const RUNS = Number(new URLSearchParams(location.search).get('runs') ?? 15);
const stage = document.querySelector<HTMLElement>('#stage')!;
stage.style.width = '900px';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function attachChart(run: number): Promise<{ first: number; both: number }> {
  const element = document.createElement('msg-breakdown-chart');
  element.setAttribute('endpoint', '/api');
  element.setAttribute('timezone', 'America/Mexico_City');
  // A different `now` each run: a fresh query, so no run is served from a cache.
  element.setAttribute('now', new Date(Date.parse(NOW) - run * 60_000).toISOString());
  element.setAttribute('direction', 'outgoing');
  element.setAttribute('group-by', 'channel');
  const start = performance.now();
  const times = await new Promise<number[]>((resolve) => {
    const seen: number[] = [];
    const charts = new Set<string>();
    element.addEventListener('msg-chart-rendered', (event) => {
      if (charts.has(event.detail.chart)) return;
      charts.add(event.detail.chart);
      seen.push(performance.now() - start);
      if (charts.size === 2) resolve(seen);
    });
    stage.append(element);
  });
  element.remove();
  return { first: times[0]!, both: times[1]! };
}

/**
 * Attaches the whole report and waits until all five charts (two breakdowns of bar + pie, one
 * delivery line) drew a frame; counts the requests it made.
 */
async function attachWholeReport(run: number): Promise<{ ms: number; requests: number }> {
  const element = document.createElement('msg-messages-report');
  element.setAttribute('endpoint', '/api');
  element.setAttribute('timezone', 'America/Mexico_City');
  element.setAttribute('now', new Date(Date.parse(NOW) - run * 60_000).toISOString());
  const before = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/')).length;
  const start = performance.now();
  const ms = await new Promise<number>((resolve) => {
    const charts = new Set<string>();
    // msg-chart-rendered does not bubble: listen in the capture phase inside the shadow root.
    const onFrame = (event: Event) => {
      const target = event.target as Element;
      const { chart } = (event as CustomEvent<MsgChartRenderedDetail>).detail;
      charts.add(`${target.localName}:${target.getAttribute('direction')}:${chart}`);
      if (charts.size === 5) resolve(performance.now() - start);
    };
    stage.append(element);
    element.shadowRoot!.addEventListener('msg-chart-rendered', onFrame, { capture: true });
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/')).length - before;
  element.remove();
  return { ms, requests };
}

async function bareFetch(run: number): Promise<number> {
  const url = `/api/breakdown?from=2026-11-20T06:00:00.000Z&to=2026-11-27T06:00:00.000Z&tz=America/Mexico_City&direction=outgoing&groupBy=channel&run=${run}`;
  const start = performance.now();
  await (await fetch(url)).json();
  return performance.now() - start;
}

async function bareECharts(): Promise<number> {
  const box = document.createElement('div');
  box.style.width = '400px';
  box.style.height = '280px';
  stage.append(box);
  const start = performance.now();
  const chart = init(box, undefined, { renderer: 'canvas' });
  const drawn = new Promise<void>((resolve) => chart.on('finished', () => resolve()));
  chart.setOption({
    animation: false,
    series: [{ type: 'pie', radius: ['38%', '68%'], data: Array.from({ length: 8 }, (_, i) => ({ name: `c${i}`, value: 10 + i })) }],
  });
  await drawn;
  const elapsed = performance.now() - start;
  chart.dispose();
  box.remove();
  return elapsed;
}

async function main() {
  const worker = setupWorker(...createHandlers({ baseUrl: '/api', dataset: generateDataset({ seed: 7, end: Date.parse(NOW) }) }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  const style = document.createElement('style');
  // Custom properties inherit into shadow roots: this turns animation off in every chart.
  style.textContent = 'msg-breakdown-chart, msg-messages-report { --msg-animation-duration: 0ms; }';
  document.head.append(style);
  // One warm-up of each, so module parsing and the worker's first answer are not counted.
  await attachChart(-1);
  await bareFetch(-1);
  await bareECharts();
  await attachWholeReport(-1);
  const whole: number[] = [];
  let wholeRequests = 0;
  for (let run = 0; run < Math.min(RUNS, 7); run++) {
    const result = await attachWholeReport(run);
    whole.push(result.ms);
    wholeRequests = result.requests;
  }
  const first: number[] = [];
  const both: number[] = [];
  const fetches: number[] = [];
  const echarts: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const times = await attachChart(run);
    first.push(times.first);
    both.push(times.both);
    fetches.push(await bareFetch(run));
    echarts.push(await bareECharts());
  }
  return {
    runs: RUNS,
    firstFrameMs: median(first),
    bothChartsMs: median(both),
    bareFetchMs: median(fetches),
    bareEChartsPieMs: median(echarts),
    wholeReportMs: median(whole),
    wholeReportRuns: whole.length,
    wholeReportRequests: wholeRequests,
  };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = main();
