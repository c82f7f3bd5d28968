/**
 * The whole report as a host page has it: `import 'msg-report'` and one `<msg-messages-report>`
 * on the reference server, attached as soon as the module runs. Reports the time from creating it
 * to its charts drawn (each chart element's `ready`: ECharts finished) and to the whole report
 * ready (lists' first rows, filters), the API requests it made, and — with `?mode=requests` —
 * the requests one filter change makes.
 */
import '../../src/index.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import type { ReadyElement } from '../../src/elements/shared/ready.js';

const params = new URLSearchParams(location.search);
const apiRequests = () => performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith('/api/'));

async function main() {
  // The clock starts before the element is created: its constructor builds the store's first
  // state, whose first Intl formatter (ICU set-up, 17–42 ms in profiles) a host pays too.
  const attach = performance.now();
  const report: MsgMessagesReport = document.createElement('msg-messages-report');
  report.setAttribute('endpoint', '/api');
  report.setAttribute('timezone', params.get('tz') ?? 'America/Mexico_City');
  report.setAttribute('now', params.get('now') ?? new Date().toISOString());
  // Like with like: the bare page draws the original page's five charts, so the report shows
  // those too, without issue 12's views that draw charts of their own (trend, delivery per
  // group, activity). The broadcast marks stay: they are part of the delivery line.
  for (const view of ['no-trend', 'no-delivery-breakdown', 'no-activity']) report.toggleAttribute(view, true);
  const frames: [string, number][] = [];
  document.querySelector('#stage')!.append(report);
  report.shadowRoot!.addEventListener(
    'msg-chart-rendered',
    (event) =>
      frames.push([
        `${(event.target as Element).localName}:${(event as CustomEvent<{ chart: string }>).detail.chart}`,
        performance.now() - attach,
      ]),
    { capture: true },
  );
  await report.updateComplete;
  const charts = [...report.shadowRoot!.querySelectorAll<Element & ReadyElement>('msg-breakdown-chart, msg-delivery-line')];
  const each = await Promise.all(charts.map((chart) => chart.ready.then(() => performance.now() - attach)));
  const charted = performance.now();
  const drawn = charts
    .flatMap((chart) => [...chart.shadowRoot!.querySelectorAll('[part~="chart"]')])
    .filter((box) => box.querySelector('canvas'));
  if (drawn.length !== 5) throw new Error(`${drawn.length} of 5 charts drawn`);
  await report.ready;
  const ready = performance.now();
  const urls = apiRequests().map((entry) => entry.name);
  const result = {
    attachMs: attach,
    chartsMs: charted - attach,
    readyMs: ready - attach,
    chartsFromNavigationMs: charted,
    requestsOnLoad: urls.length,
    urls,
    requestsAfterFilter: 0,
    /** The string modules the page loaded (only the report's language should be). */
    languages: performance
      .getEntriesByType('resource')
      .map((entry) => /messages\.(\w+)-/.exec(new URL(entry.name).pathname)?.[1])
      .filter((lang) => lang !== undefined),
    /** When each chart element was drawn, and when each file and answer arrived (ms after attaching). */
    timeline: {
      charts: each,
      frames,
      resources: performance
        .getEntriesByType('resource')
        .map((entry) => [
          new URL(entry.name).pathname.split('/').pop(),
          entry.startTime - attach,
          (entry as PerformanceResourceTiming).responseEnd - attach,
        ]),
    },
  };
  if (params.get('mode') === 'requests') {
    // One filter change as a person makes it: the first incoming channel, picked (what the filters and a cross-filtering click do).
    const chart = report.shadowRoot!.querySelector('msg-breakdown-chart')!;
    const key = chart.shadowRoot!.querySelector('[part~="metric"]:not([part~="total"])')!.getAttribute('data-key')!;
    report.store.change({ filters: { channel: [key] } });
    await report.ready;
    result.requestsAfterFilter = apiRequests().length - urls.length;
  }
  return result;
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = main();
