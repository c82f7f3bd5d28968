import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emptyHandlers, errorHandlers, loadingHandlers } from '../../mock/handlers.js';
import '../../src/index.js';
import type { MsgDeliveryLine } from '../../src/elements/delivery-line/delivery-line.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { DeliveryResponse, Filters, OptionsResponse, Status } from '../../src/core/contract/types.js';
import type { MsgErrorEvent, MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import {
  NOW,
  ZONE,
  chartsRendered,
  esChange,
  esCount,
  metrics,
  mockAnswer,
  nextEvent,
  requests,
  resetRequests,
  settled,
  shadow,
  startMocks,
  statePart,
} from './helpers.js';
import { compareParams, comparisonPeriod } from '../../src/core/query/comparison.js';

// 26 Nov 2026 in Mexico City (−06 all year).
const TODAY = { from: '2026-11-26T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
const LAST_7_DAYS = { from: '2026-11-20T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
const LAST_30_DAYS = { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
// 1 Jun – 31 Oct 2026: 153 days.
const SUMMER = { from: '2026-06-01T06:00:00.000Z', to: '2026-11-01T06:00:00.000Z', tz: ZONE };

// What the elements compare Last 7 days with at NOW (Thu 26 Nov, 12:00): 13–19 Nov until 12:00.
const BEFORE_LAST_7_DAYS = { compareFrom: '2026-11-13T06:00:00.000Z', compareTo: '2026-11-19T18:00:00.000Z' };

const STATUSES: Status[] = ['sent', 'delivered', 'read', 'failed'];
const SPANISH: Record<Status, string> = { sent: 'Enviado', delivered: 'Entregado', read: 'Leído', failed: 'Fallido' };
const esPercent = (share: number) => new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1 }).format(share);
const esDateTime = (instant: string | number, timeZone = ZONE) =>
  new Intl.DateTimeFormat('es', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));
const esDay = (instant: string | number, timeZone = ZONE) =>
  new Intl.DateTimeFormat('es', { timeZone, dateStyle: 'medium' }).format(new Date(instant));

interface Setup {
  preset?: string;
  from?: string;
  to?: string;
  timezone?: string;
  lang?: string;
  filters?: Filters;
}

async function deliveryLine(setup: Setup = {}, attrs: { interval?: string; noCompare?: boolean } = {}) {
  const report = await fixture<MsgReport>(
    html`<msg-report
      endpoint="/api"
      timezone=${setup.timezone ?? ZONE}
      now=${NOW}
      preset=${setup.preset ?? 'last_7_days'}
      from=${ifDefined(setup.from)}
      to=${ifDefined(setup.to)}
      lang=${setup.lang ?? 'es'}
      .filters=${setup.filters ?? {}}
      ><msg-delivery-line interval=${attrs.interval ?? 'auto'} ?no-compare=${attrs.noCompare ?? false}></msg-delivery-line
    ></msg-report>`,
  );
  const element = report.querySelector('msg-delivery-line')!;
  await settled(element);
  return { report, element };
}

const deliveryRequests = () => requests.filter((url) => url.pathname.endsWith('/delivery'));

/** The data table's body, cell texts per row. */
function tableRows(element: MsgDeliveryLine): string[][] {
  return [...shadow(element).querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent.trim()));
}

/** The metric of one status: its value, percent and change texts. */
function metric(element: MsgDeliveryLine, key: string) {
  const item = shadow(element).querySelector(`[part~="metric"][data-key="${key}"]`)!;
  const text = (selector: string) => item.querySelector(selector)?.textContent.trim() ?? null;
  return {
    part: item.getAttribute('part'),
    value: text('.metric-value'),
    share: text('.metric-share'),
    change: text('.metric-change [aria-hidden]'),
    all: item.textContent,
  };
}

/** The option ECharts is drawing now (once the chart exists: the first draw waits for a size). */
async function drawnOption(element: MsgDeliveryLine) {
  await element.updateComplete;
  const box = shadow(element).querySelector<HTMLElement>('[part~="chart"]')!;
  if (!getInstanceByDom(box)) await chartsRendered(element, 1);
  return getInstanceByDom(box)!.getOption() as {
    tooltip: { renderMode: string; formatter: (params: { dataIndex: number }[]) => string }[];
    xAxis: { max: number; axisLabel: { customValues: number[]; formatter: (value: number) => string } }[];
    series: {
      id: string;
      name: string;
      data: [number, number | null][];
      markArea?: { data: [{ xAxis: number; name: string }, { xAxis: number }][] };
    }[];
  };
}

/** Parses a number as the es locale writes it (`1.234`). */
const esNumber = (text: string) => Number(text.replace(/\./g, ''));

describe('<msg-delivery-line>', () => {
  before(async () => {
    await startMocks();
    const style = document.createElement('style');
    style.textContent = 'msg-delivery-line { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });
  beforeEach(() => resetRequests());

  it('shows the mock’s count and percent of all outgoing per status, and the funnel holds in what it shows', async () => {
    const { element } = await deliveryLine();
    const answer = await mockAnswer<DeliveryResponse>('delivery', { ...LAST_7_DAYS, interval: 'day', ...BEFORE_LAST_7_DAYS });
    const { totals } = answer;
    expect(totals.total, 'the week has data').to.be.greaterThan(0);
    expect(metrics(element)).to.deep.equal([
      ['total', 'Total', esCount(totals.total)],
      ...STATUSES.map((status) => [status, SPANISH[status], esCount(totals[status])]),
    ]);
    for (const status of STATUSES) expect(metric(element, status).share).to.equal(`${esPercent(totals[status] / totals.total)} del total`);
    const shown = Object.fromEntries(metrics(element).map(([key, , value]) => [key, esNumber(value)])) as Record<Status | 'total', number>;
    expect(shown.sent).to.be.at.least(shown.delivered);
    expect(shown.delivered).to.be.at.least(shown.read);
    expect(shown.sent + shown.failed).to.equal(shown.total);
    for (const row of tableRows(element)) {
      const [sent, delivered, read] = row.slice(1, 4).map(esNumber);
      expect(sent! >= delivered! && delivered! >= read!, `funnel in ${row[0]}`).to.equal(true);
    }
    expect(shadow(element).querySelector('h3')!.textContent).to.equal('Entrega de mensajes salientes');
    expect(shadow(element).querySelector('[part~="note"]')!.textContent).to.contain(
      'El seguimiento del estado de entrega es solo hasta 30 días después del envío.',
    );
    const request = deliveryRequests()[0]!;
    expect(request.searchParams.get('interval')).to.equal('day');
    // The period the core computes (src/core/query/comparison.ts), as the request carries it.
    const core = compareParams(comparisonPeriod({ preset: 'last_7_days' }, ZONE, Date.parse(NOW)));
    expect(core).to.deep.equal(BEFORE_LAST_7_DAYS);
    expect([request.searchParams.get('compareFrom'), request.searchParams.get('compareTo')]).to.deep.equal([
      core.compareFrom,
      core.compareTo,
    ]);
    await expect(element).to.be.accessible();
  });

  it('follows the report’s filters and language, as the mock counts them', async () => {
    const { report, element } = await deliveryLine({ preset: 'last_30_days', lang: 'en' });
    const channels = (await mockAnswer<OptionsResponse>('options/channel', {})).options.slice(0, 2).map((o) => o.value);
    report.filters = { channel: channels, source: ['broadcast', 'user'] };
    await report.updateComplete;
    await settled(element);
    const answer = await mockAnswer<DeliveryResponse>('delivery', {
      ...LAST_30_DAYS,
      interval: 'day',
      channel: channels,
      source: ['broadcast', 'user'],
    });
    const en = (n: number) => new Intl.NumberFormat('en').format(n);
    expect(answer.totals.total).to.be.greaterThan(0);
    expect(metrics(element)).to.deep.equal([
      ['total', 'Total', en(answer.totals.total)],
      ['sent', 'Sent', en(answer.totals.sent)],
      ['delivered', 'Delivered', en(answer.totals.delivered)],
      ['read', 'Read', en(answer.totals.read)],
      ['failed', 'Failed', en(answer.totals.failed)],
    ]);
    const request = deliveryRequests().at(-1)!;
    expect(request.searchParams.getAll('channel')).to.deep.equal(channels);
    expect(request.searchParams.getAll('source')).to.deep.equal(['broadcast', 'user']);
    expect(tableRows(element)).to.have.length(answer.series.length);
  });

  it('says “not reported”, never 0 %, for a status the filtered channel does not report: metrics, chart, table and CSV', async () => {
    const options = (await mockAnswer<OptionsResponse>('options/channel', {})).options;
    const channel = options.find((o) => o.reports && !o.reports.includes('read') && o.reports.includes('failed'))!;
    expect(channel, 'a channel without read receipts').to.not.equal(undefined);
    const { element } = await deliveryLine({ preset: 'last_30_days', filters: { channel: [channel.value] } });
    const answer = await mockAnswer<DeliveryResponse>('delivery', { ...LAST_30_DAYS, interval: 'day', channel: channel.value });
    expect(answer.notReported).to.include('read');
    expect(answer.totals.total).to.be.greaterThan(0);
    for (const status of answer.notReported) {
      const shown = metric(element, status);
      expect(shown.part).to.equal('metric not-reported');
      expect(shown.value).to.equal('No reportado');
      expect(shown.share).to.equal(null);
      expect(shown.all).to.not.match(/\d\s?%/);
    }
    expect(metric(element, 'sent').share).to.equal(`${esPercent(answer.totals.sent / answer.totals.total)} del total`);
    expect(shadow(element).querySelector('[part~="not-reported-note"]')!.textContent).to.contain('Leído');

    const option = await drawnOption(element);
    const drawn = option.series.filter((s) => s.id !== 'open-window').map((s) => s.id);
    expect(drawn).to.deep.equal(STATUSES.filter((s) => !answer.notReported.includes(s)));
    // The tooltip is rich text drawn on the canvas, and names the missing statuses too.
    const [tooltip] = option.tooltip;
    expect(tooltip!.renderMode).to.equal('richText');
    const first = answer.series[0]!;
    expect(tooltip!.formatter([{ dataIndex: 0 }]).split('\n')).to.deep.equal([
      esDay(first.start),
      ...STATUSES.map((s) => `${SPANISH[s]}: ${answer.notReported.includes(s) ? 'No reportado' : esCount(first[s])}`),
      'Los estados aún pueden cambiar',
      'Clic: ver los mensajes de este periodo',
    ]);

    const readColumn = 1 + STATUSES.indexOf('read');
    const rows = tableRows(element);
    expect(rows).to.have.length(answer.series.length);
    expect(rows.every((row) => row[readColumn] === 'No reportado')).to.equal(true);
    const csv = element.toCsv()!.slice(1).trimEnd().split('\r\n');
    expect(csv.slice(1).every((line) => line.split(',')[readColumn] === 'No reportado')).to.equal(true);
  });

  it('picks hours for today, days for the last 30 days and weeks for a 153-day range, and asks the endpoint for them', async () => {
    for (const [setup, range, interval] of [
      [{ preset: 'today' }, TODAY, 'hour'],
      [{ preset: 'last_30_days' }, LAST_30_DAYS, 'day'],
      [{ from: '2026-06-01', to: '2026-10-31' }, SUMMER, 'week'],
    ] as const) {
      resetRequests();
      const { element } = await deliveryLine(setup);
      expect(
        deliveryRequests().map((url) => url.searchParams.get('interval')),
        `${interval} asked`,
      ).to.deep.equal([interval]);
      const answer = await mockAnswer<DeliveryResponse>('delivery', { ...range, interval });
      expect(tableRows(element), `${interval} buckets`).to.have.length(answer.series.length);
      expect(shadow(element).querySelector<HTMLInputElement>('input[name="interval"]:checked')!.value).to.equal('auto');
      if (interval === 'week') {
        expect(shadow(element).querySelector<HTMLInputElement>('input[value="hour"]')!.disabled, 'no hours over 153 days').to.equal(true);
        expect(tableRows(element)[0]![0]).to.equal(`Semana del ${esDay(answer.series[0]!.start)}`);
      }
    }
  });

  it('labels an hourly axis in time order, naming the date at each day boundary, with fewer ticks on a phone', async () => {
    /** The axis labels ECharts draws now, with the instants they stand for. */
    const axisLabels = async (element: MsgDeliveryLine) => {
      const { axisLabel } = (await drawnOption(element)).xAxis[0]!;
      return axisLabel.customValues.map((value) => ({ value, label: axisLabel.formatter(value) }));
    };
    const esDayMonth = (instant: number) =>
      new Intl.DateTimeFormat('es', { timeZone: ZONE, day: 'numeric', month: 'short' }).format(instant);
    const localDay = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

    const twoDays = await deliveryLine({ from: '2026-11-24', to: '2026-11-25' }, { interval: 'hour' });
    expect((await axisLabels(twoDays.element)).map(({ label }) => label)).to.deep.equal([
      '24 nov',
      '06:00',
      '12:00',
      '18:00',
      '25 nov',
      '06:00',
      '12:00',
      '18:00',
    ]);

    // A week of hours: a tick a day, each naming its date, in order.
    const week = await deliveryLine({ from: '2026-11-18', to: '2026-11-24' }, { interval: 'hour' });
    const ticks = await axisLabels(week.element);
    expect(ticks.length).to.be.within(4, 8);
    ticks.forEach(({ value, label }, i) => {
      if (i > 0) expect(value, 'in time order').to.be.greaterThan(ticks[i - 1]!.value);
      if (i === 0 || localDay(value) !== localDay(ticks[i - 1]!.value))
        expect(label, 'a new day names its date').to.contain(esDayMonth(value));
    });

    // On a phone's width the same two days get half the ticks, still with both dates.
    const rendered = chartsRendered(twoDays.element, 1);
    twoDays.report.style.width = '360px';
    await rendered;
    expect((await axisLabels(twoDays.element)).map(({ label }) => label)).to.deep.equal(['24 nov', '12:00', '25 nov', '12:00']);
  });

  it('switches the interval in the element with one new request, and shows the new buckets', async () => {
    const { element, report } = await deliveryLine({ preset: 'last_30_days' });
    resetRequests();
    const week = shadow(element).querySelector<HTMLInputElement>('input[value="week"]')!;
    const event = oneEvent<MsgStateChangeEvent>(report, 'msg-state-change');
    week.click();
    expect((await event).detail, 'a person’s change of the report').to.include({ interval: 'week' });
    await settled(element);
    expect(deliveryRequests().map((url) => url.searchParams.get('interval'))).to.deep.equal(['week']);
    const answer = await mockAnswer<DeliveryResponse>('delivery', { ...LAST_30_DAYS, interval: 'week' });
    expect(tableRows(element)).to.have.length(answer.series.length);
    const option = await drawnOption(element);
    expect(option.series.find((s) => s.id === 'sent')!.data.map(([x]) => x)).to.deep.equal(answer.series.map((b) => Date.parse(b.start)));
    expect(element.interval, 'the attribute stays an input').to.equal('auto');
    expect(shadow(element).querySelector<HTMLInputElement>('input[name="interval"]:checked')!.value).to.equal('week');
  });

  it('marks the last 30 days before now, whose statuses may still change, on the chart and in words', async () => {
    const { element } = await deliveryLine({ from: '2026-09-01', to: '2026-11-26' });
    const windowStart = Date.parse(NOW) - 30 * 86_400_000;
    const option = await drawnOption(element);
    const mark = option.series.find((s) => s.id === 'open-window')!.markArea!.data[0]!;
    // From 30 days before now to the plot's right edge (the end of the range).
    expect([mark[0].xAxis, mark[1].xAxis]).to.deep.equal([windowStart, Date.parse('2026-11-27T06:00:00.000Z')]);
    expect(mark[1].xAxis).to.equal(option.xAxis[0]!.max);
    expect(mark[0].name).to.equal('Los estados aún pueden cambiar');
    expect(shadow(element).querySelector('[part~="note"]')!.textContent).to.contain(
      `Los mensajes enviados desde ${esDateTime(windowStart)} tienen menos de 30 días: sus estados aún pueden cambiar`,
    );

    // A range that ended more than 30 days ago has nothing left to change.
    const old = await deliveryLine({ from: '2026-08-01', to: '2026-08-31' });
    expect((await drawnOption(old.element)).series.some((s) => s.id === 'open-window')).to.equal(false);
    expect(shadow(old.element).querySelector('[part~="note"]')!.textContent).to.not.contain('menos de 30 días');
  });

  it('shows the change against the period compared with on each metric, with its direction, and names that period', async () => {
    const { element } = await deliveryLine();
    const answer = await mockAnswer<DeliveryResponse>('delivery', { ...LAST_7_DAYS, interval: 'day', ...BEFORE_LAST_7_DAYS });
    const previous = answer.previousTotals!;
    expect(previous.total, 'the week before has data').to.be.greaterThan(0);
    expect(shadow(element).querySelector('[part~="compare-note"]')!.textContent.trim()).to.equal(
      'Cambio frente a 13–19 nov hasta las 12:00',
    );
    for (const key of ['total', ...STATUSES] as const) {
      const change = (answer.totals[key] - previous[key]) / previous[key];
      const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '';
      expect(metric(element, key).change, key).to.equal(previous[key] > 0 ? `${arrow}${esChange(change)}` : null);
      if (previous[key] === 0 || change === 0) continue;
      const tile = shadow(element).querySelector(`[part~="metric"][data-key="${key}"] .metric-change`)!;
      // More failures is bad news; more of anything else is good news. Never colour alone.
      expect(tile.classList.contains(key === 'failed' ? (change > 0 ? 'bad' : 'good') : change > 0 ? 'good' : 'bad'), key).to.equal(true);
      expect(tile.querySelector('.visually-hidden')!.textContent.trim(), key).to.equal(
        `${change > 0 ? 'aumentó' : 'disminuyó'} ${esPercent(Math.abs(change))} frente a 13–19 nov hasta las 12:00`,
      );
    }
    element.noCompare = true;
    await settled(element);
    expect(shadow(element).querySelectorAll('.metric-change, [part~="compare-note"]')).to.have.length(0);
    expect(deliveryRequests().at(-1)!.searchParams.has('compareFrom')).to.equal(false);
    expect(deliveryRequests().at(-1)!.searchParams.has('compareTo')).to.equal(false);

    // The fortnight before the data set starts (26 Oct 2025) has no messages: no change is shown, and the note says why.
    const first = await deliveryLine({ from: '2025-10-26', to: '2025-11-08' });
    expect(metrics(first.element)[0]![2]).to.not.equal('0');
    expect(shadow(first.element).querySelectorAll('.metric-change')).to.have.length(0);
    expect(shadow(first.element).querySelector('[part~="compare-note"]')!.textContent.trim()).to.equal(
      'Sin datos de 12–25 oct 2025 para comparar: no se muestra el cambio.',
    );
  });

  it('counts buckets across a DST change in America/New_York: 14 days, and 25 hours on the fall-back day', async () => {
    const tz = 'America/New_York';
    const days = await deliveryLine({ timezone: tz, from: '2026-10-25', to: '2026-11-07' });
    // 25 Oct is still on −04, 7 Nov on −05 (New York falls back on 1 Nov 2026).
    const range = { from: '2026-10-25T04:00:00.000Z', to: '2026-11-08T05:00:00.000Z', tz };
    const answer = await mockAnswer<DeliveryResponse>('delivery', { ...range, interval: 'day' });
    const rows = tableRows(days.element);
    expect(rows).to.have.length(14);
    expect(answer.series).to.have.length(14);
    const expectedDays = Array.from({ length: 14 }, (_, i) => esDay(Date.UTC(2026, 9, 25 + i, 12), tz));
    expect(rows.map((row) => row[0])).to.deep.equal(expectedDays);
    expect(deliveryRequests().at(-1)!.searchParams.get('interval')).to.equal('day');

    const hours = await deliveryLine({ timezone: tz, from: '2026-11-01', to: '2026-11-01' });
    const hourRows = tableRows(hours.element);
    expect(hourRows).to.have.length(25);
    expect(hourRows.filter((row) => row[0] === esDateTime('2026-11-01T05:00:00Z', tz))).to.have.length(2);
    const csv = hours.element.toCsv()!.slice(1).trimEnd().split('\r\n');
    expect(csv.slice(2, 4).map((line) => line.split(',')[0])).to.deep.equal(['2026-11-01T01:00-04:00', '2026-11-01T01:00-05:00']);
  });

  it('downloads as CSV exactly the rows of its table, numbers unformatted', async () => {
    const { element } = await deliveryLine();
    const rows = tableRows(element);
    const lines = element.toCsv()!.split('\r\n');
    // The mocks send broadcasts in these days: their names close each row (see delivery-line-marks.test.ts).
    expect(lines[0]).to.equal('\uFEFFDía,Enviado,Entregado,Leído,Fallido,Transmisiones');
    const body = lines.slice(1, -1).map((line) => line.split(','));
    expect(lines.at(-1)).to.equal('');
    expect(body).to.have.length(rows.length);
    const answer = await mockAnswer<DeliveryResponse>('delivery', { ...LAST_7_DAYS, interval: 'day' });
    body.forEach((cells, i) => {
      expect(cells.slice(1, 5).map(Number)).to.deep.equal(rows[i]!.slice(1, 5).map(esNumber));
      expect(cells[0]).to.equal(answer.series[i]!.start.slice(0, 10));
      expect(rows[i]![0]).to.equal(esDay(answer.series[i]!.start));
    });

    const toggle = shadow(element).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!;
    toggle.click();
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('[part~="chart"]')).to.have.length(0);
    expect(shadow(element).querySelectorAll('.table-view tbody tr')).to.have.length(rows.length);
    await expect(element).to.be.accessible();
  });

  it('shows loading, empty and error-with-retry states, each accessible', async () => {
    const worker = await startMocks();
    try {
      worker.use(...loadingHandlers('/api'));
      const report = await fixture<MsgReport>(
        html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}><msg-delivery-line></msg-delivery-line></msg-report>`,
      );
      const loading = report.querySelector('msg-delivery-line')!;
      await loading.updateComplete;
      expect(statePart(loading)).to.equal('loading');
      await expect(loading).to.be.accessible();
      loading.remove();

      worker.resetHandlers();
      worker.use(...emptyHandlers('/api'));
      const empty = await deliveryLine();
      expect(statePart(empty.element)).to.equal('empty');
      expect(shadow(empty.element).querySelector('.state')!.textContent.trim()).to.equal(
        'Los filtros seleccionados no tienen datos aplicables.',
      );
      await expect(empty.element).to.be.accessible();

      worker.resetHandlers();
      worker.use(...errorHandlers('/api', 400));
      const failing = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
      const element = document.createElement('msg-delivery-line');
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
      expect(metrics(element)[0]![0]).to.equal('total');
    } finally {
      worker.resetHandlers();
    }
  });

  it('explains an invalid interval in the element and in a msg-error event, without a request', async () => {
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
    const element = document.createElement('msg-delivery-line');
    element.setAttribute('interval', 'minute');
    const event = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.append(element);
    const { detail } = await event;
    expect(detail.source).to.equal('input');
    expect(detail.message).to.equal('el atributo interval no puede ser «minute»; use uno de: auto, hour, day, week, month.');
    expect(statePart(element)).to.equal('error invalid');
    expect(shadow(element).querySelector('.state')!.textContent).to.contain('«minute»');
    expect(deliveryRequests()).to.have.length(0);
    await expect(element).to.be.accessible();
  });
});
