import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import { errorHandlers, emptyHandlers, createHandlers } from '../../mock/handlers.js';
import { generateDataset } from '../../reference/dataset/index.js';
import '../../src/index.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { BreakdownResponse, BreakdownParams, OptionsResponse } from '../../src/core/contract/types.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type { MsgErrorEvent, MsgPointSelectEvent } from '../../src/elements/shared/events.js';
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

// 26 Nov 2026 in Mexico City (−06 all year): last 7 days = 20 Nov 06:00Z … 27 Nov 06:00Z.
const LAST_7_DAYS = { from: '2026-11-20T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
// Last month = 1 Oct 00:00 −06 … 1 Nov 00:00 −06.
const LAST_MONTH = { from: '2026-10-01T06:00:00.000Z', to: '2026-11-01T06:00:00.000Z', tz: ZONE };
// What the elements compare them with at NOW (Thu 26 Nov, 12:00): 13–19 Nov until 12:00; September whole.
const BEFORE_LAST_7_DAYS = { compareFrom: '2026-11-13T06:00:00.000Z', compareTo: '2026-11-19T18:00:00.000Z' };
const BEFORE_LAST_MONTH = { compareFrom: '2026-09-01T06:00:00.000Z', compareTo: '2026-10-01T06:00:00.000Z' };

/** What one piece of ECharts text holds: zrender draws it as spans (one per rich-text token), each at its place. */
interface ZrenderElement {
  type: string;
  parent?: ZrenderElement;
  style: { text?: string; x?: number; y?: number };
  childrenRef(): ZrenderElement[];
}

/** A drawn text's box, in its own coordinates until transformed. */
interface TextBox {
  type: string;
  parent?: TextBox;
  transform?: number[];
  getBoundingRect(): { clone(): { x: number; width: number; applyTransform(m: number[]): void } };
}

/**
 * Every text ECharts draws in a chart box now (labels, axis labels, an open tooltip), as it reads:
 * the spans zrender draws for each text, in reading order (rows, then left to right).
 */
function drawnTexts(box: HTMLElement): string[] {
  const zr = getInstanceByDom(box)!.getZr() as unknown as { storage: { getDisplayList(update: boolean): ZrenderElement[] } };
  const texts = new Set<ZrenderElement>();
  for (const element of zr.storage.getDisplayList(true)) if (element.type === 'tspan' && element.parent) texts.add(element.parent);
  return [...texts].map((text) =>
    text
      .childrenRef()
      .filter((child) => child.type === 'tspan')
      .sort((a, b) => Math.round(a.style.y ?? 0) - Math.round(b.style.y ?? 0) || (a.style.x ?? 0) - (b.style.x ?? 0))
      .map((span) => span.style.text ?? '')
      .join(''),
  );
}

async function reportWith(chart: ReturnType<typeof html>, attrs: { preset?: string; lang?: string } = {}) {
  const report = await fixture<MsgReport>(
    html`<msg-report
      endpoint="/api"
      timezone=${ZONE}
      now=${NOW}
      preset=${attrs.preset ?? 'last_7_days'}
      lang=${attrs.lang ?? 'es'}
      class="no-animation"
      >${chart}</msg-report
    >`,
  );
  const element = report.querySelector('msg-breakdown-chart')!;
  await settled(element);
  return { report, element };
}

/** Checks the metrics strip against the mock's own answer, group by group. */
function expectMetrics(element: MsgBreakdownChart, answer: BreakdownResponse, label = (g: BreakdownResponse['groups'][number]) => g.label) {
  expect(answer.total, 'the query has data').to.be.greaterThan(0);
  expect(metrics(element)).to.deep.equal([
    ['__total__', 'Total', esCount(answer.total)],
    ...answer.groups.map((group) => [group.key, label(group), esCount(group.count)]),
  ]);
}

/** A chart showing only the metrics of `answer` (incoming, by channel, in English), once drawn. */
async function metricsOf(answer: BreakdownResponse): Promise<MsgBreakdownChart> {
  const source = { breakdown: () => Promise.resolve(answer) } as unknown as ReportDataSource;
  const report = await fixture<MsgReport>(
    html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW} lang="en">
      <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics" no-compare></msg-breakdown-chart>
    </msg-report>`,
  );
  const element = report.querySelector('msg-breakdown-chart')!;
  await settled(element);
  return element;
}

describe('<msg-breakdown-chart>', () => {
  before(async () => {
    await startMocks();
    const style = document.createElement('style');
    style.textContent = '.no-animation, msg-breakdown-chart { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });
  beforeEach(() => resetRequests());

  it('shows the mock’s incoming counts per channel, with the total, for last 7 days', async () => {
    const { element } = await reportWith(html`<msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>`);
    const answer = await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_7_DAYS, direction: 'incoming', groupBy: 'channel' });
    expectMetrics(element, answer);
    expect(shadow(element).querySelector('h3')!.textContent).to.equal('Mensajes entrantes por canal');
  });

  it('shows outgoing counts per source in the report’s language, for another range and filter', async () => {
    const { report, element } = await reportWith(html`<msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart>`, {
      preset: 'last_month',
      lang: 'en',
    });
    const channel = (await mockAnswer<{ options: { value: string }[] }>('options/channel', {})).options[0]!.value;
    report.filters = { channel: [channel] };
    await report.updateComplete;
    await settled(element);
    const answer = await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_MONTH, direction: 'outgoing', groupBy: 'source', channel });
    const english: Record<string, string> = {
      user: 'User',
      bot: 'Bot',
      broadcast: 'Broadcast',
      workflow: 'Workflow',
      api: 'API',
      zapier: 'Zapier',
      echo: 'Echo',
    };
    const rows = metrics(element);
    expect(rows[0]).to.deep.equal(['__total__', 'Total', new Intl.NumberFormat('en').format(answer.total)]);
    expect(rows.slice(1)).to.deep.equal(answer.groups.map((g) => [g.key, english[g.key], new Intl.NumberFormat('en').format(g.count)]));
    expect(requests.at(-1)!.searchParams.getAll('channel')).to.deep.equal([channel]);
  });

  it('groups outgoing messages by type and by subtype, as the mock counts them', async () => {
    const { element } = await reportWith(html`<msg-breakdown-chart direction="outgoing" group-by="subtype"></msg-breakdown-chart>`, {
      preset: 'last_month',
    });
    const subtypes = await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_MONTH, direction: 'outgoing', groupBy: 'subtype' });
    expect(subtypes.total, 'the query has data').to.be.greaterThan(0);
    // Facebook message tags and WhatsApp templates apart, as the Spanish page describes them:
    // each kind under its name and count, with its own subtypes as the mock counts them.
    const kinds = [...shadow(element).querySelectorAll<HTMLElement>('[part~="kind"]')];
    expect(kinds.map((kind) => kind.dataset.kind)).to.deep.equal(['facebook_message_tag', 'whatsapp_template']);
    const titles = { facebook_message_tag: 'Etiquetas de mensajes de Facebook', whatsapp_template: 'Plantillas de mensajes de WhatsApp' };
    for (const kind of kinds) {
      const groups = subtypes.groups.filter((group) => group.subtypeKind === kind.dataset.kind);
      expect(groups.length, kind.dataset.kind).to.be.greaterThan(0);
      const count = groups.reduce((sum, group) => sum + group.count, 0);
      expect(kind.querySelector('[part~="kind-title"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
        `${titles[kind.dataset.kind as keyof typeof titles]} ${esCount(count)}`,
      );
      expect(
        [...kind.querySelectorAll('[part~="metric"]')].map((item) => [
          item.getAttribute('data-key'),
          item.querySelector('.metric-value')!.textContent.trim(),
        ]),
      ).to.deep.equal(groups.map((group) => [group.key, esCount(group.count)]));
    }
    expect(metrics(element)[0]).to.deep.equal(['__total__', 'Total', esCount(subtypes.total)]);
    // The table names each subtype's kind in a column of its own after the name, tags first; every
    // row, the total's too, is headed by a name (an empty row header is an axe violation).
    const tableRows = [...shadow(element).querySelectorAll('table tbody tr')];
    expect(tableRows.filter((tr) => tr.children[0]!.textContent.trim() === '')).to.have.length(0);
    const kindColumn = tableRows.map((tr) => tr.children[1]!.textContent.trim());
    const tags = subtypes.groups.filter((group) => group.subtypeKind === 'facebook_message_tag').length;
    expect(new Set(kindColumn.slice(0, tags))).to.deep.equal(new Set(['Etiqueta de mensaje de Facebook']));
    expect(new Set(kindColumn.slice(tags, -1))).to.deep.equal(new Set(['Plantilla de mensaje de WhatsApp']));
    element.groupBy = 'type';
    await settled(element);
    const types = await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_MONTH, direction: 'outgoing', groupBy: 'type' });
    const spanish: Record<string, string> = {
      session: 'Sesión',
      facebook_message_tag: 'Etiqueta de mensaje de Facebook',
      whatsapp_template: 'Plantilla de mensaje de WhatsApp',
    };
    expectMetrics(element, types, (g) => spanish[g.key]!);
  });

  it('mirrors the numbers in a data table for screen readers, and passes axe', async () => {
    const { element } = await reportWith(html`<msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>`);
    const answer = await mockAnswer<BreakdownResponse>('breakdown', {
      ...LAST_7_DAYS,
      direction: 'incoming',
      groupBy: 'channel',
      ...BEFORE_LAST_7_DAYS,
    });
    const rows = [...shadow(element).querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent.trim()),
    );
    expect(rows).to.have.length(answer.groups.length + 1);
    expect(rows[0]![0]).to.equal(answer.groups[0]!.label);
    expect(rows[0]![1]).to.equal(esCount(answer.groups[0]!.count));
    expect(answer.previousTotal, 'the previous week has data').to.be.greaterThan(0);
    expect(rows.at(-1)).to.deep.equal([
      'Total',
      esCount(answer.total),
      new Intl.NumberFormat('es', { style: 'percent' }).format(1),
      esCount(answer.previousTotal!),
      esChange((answer.total - answer.previousTotal!) / answer.previousTotal!),
    ]);
    await expect(element).to.be.accessible();
  });

  it('shows the share and the change against the period compared with on each metric, and names that period', async () => {
    const { element } = await reportWith(html`<msg-breakdown-chart direction="outgoing" group-by="type"></msg-breakdown-chart>`);
    const answer = await mockAnswer<BreakdownResponse>('breakdown', {
      ...LAST_7_DAYS,
      direction: 'outgoing',
      groupBy: 'type',
      ...BEFORE_LAST_7_DAYS,
    });
    const request = requests.find((url) => url.pathname.endsWith('/breakdown'))!;
    const core = compareParams(comparisonPeriod({ preset: 'last_7_days' }, ZONE, Date.parse(NOW)));
    expect(core, 'the core’s window, hand-computed').to.deep.equal(BEFORE_LAST_7_DAYS);
    expect([request.searchParams.get('compareFrom'), request.searchParams.get('compareTo')]).to.deep.equal([
      core.compareFrom,
      core.compareTo,
    ]);
    expect(shadow(element).querySelector('[part~="compare-note"]')!.textContent.trim()).to.equal(
      'Cambio frente a 13–19 nov hasta las 12:00',
    );
    // The data table (and its CSV) heads the previous counts with the same dates.
    expect(element.toCsv()!.split('\r\n')[0]).to.equal(
      '\uFEFFTipo,Mensajes,Porcentaje,Periodo anterior (13–19 nov hasta las 12:00),Cambio',
    );

    const tiles = [...shadow(element).querySelectorAll('[part~="metric"]')];
    const shown = tiles.map((item) => ({
      share: item.querySelector('.metric-share')?.textContent.trim() ?? null,
      change: item.querySelector('.metric-change [aria-hidden]')?.textContent.trim() ?? null,
      spoken: item.querySelector('.metric-change .visually-hidden')?.textContent.trim() ?? null,
    }));
    const expected = [answer.previousTotal!, ...answer.groups.map((g) => g.previousCount!)].map((previous, i) => {
      const count = i === 0 ? answer.total : answer.groups[i - 1]!.count;
      const change = (count - previous) / previous;
      const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '';
      const words = change > 0 ? 'aumentó' : change < 0 ? 'disminuyó' : 'sin cambio';
      const percent = new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1 });
      return {
        share: i === 0 ? null : `${percent.format(count / answer.total)} del total`,
        change: previous > 0 ? `${arrow}${esChange(change)}` : null,
        spoken:
          previous > 0
            ? change === 0
              ? 'sin cambio frente a 13–19 nov hasta las 12:00'
              : `${words} ${percent.format(Math.abs(change))} frente a 13–19 nov hasta las 12:00`
            : null,
      };
    });
    expect(shown).to.deep.equal(expected);

    element.noCompare = true;
    await settled(element);
    expect(shadow(element).querySelectorAll('.metric-change, [part~="compare-note"]')).to.have.length(0);
    expect(requests.at(-1)!.searchParams.has('compareFrom')).to.equal(false);
  });

  it('names a whole month compared with by its name, in the report’s language', async () => {
    const { element } = await reportWith(html`<msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>`, {
      preset: 'last_month',
      lang: 'en',
    });
    const request = requests.find((url) => url.pathname.endsWith('/breakdown'))!;
    expect([request.searchParams.get('compareFrom'), request.searchParams.get('compareTo')]).to.deep.equal([
      BEFORE_LAST_MONTH.compareFrom,
      BEFORE_LAST_MONTH.compareTo,
    ]);
    expect(shadow(element).querySelector('[part~="compare-note"]')!.textContent.trim()).to.equal('Change vs. September 2026');
    expect(shadow(element).querySelector('[part~="metric"] .metric-change .visually-hidden')!.textContent).to.contain('vs. September 2026');
    expect(element.toCsv()!.split('\r\n')[0]).to.contain(',Previous period (September 2026),');
  });

  it('hides the change when the previous period lies before any data', async () => {
    // The data set starts 13 months before NOW, on 26 Oct 2025: the fortnight before that is empty.
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} from="2025-10-26" to="2025-11-08">
        <msg-breakdown-chart direction="incoming"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await settled(element);
    expect(metrics(element).length).to.be.greaterThan(1);
    expect(shadow(element).querySelectorAll('.metric-change')).to.have.length(0);
    expect(shadow(element).querySelector('[part~="compare-note"]')!.textContent.trim()).to.equal(
      'Sin datos de 12–25 oct 2025 para comparar: no se muestra el cambio.',
    );
  });

  it('fires msg-point-select from a metric, by keyboard, with the filter field it maps to', async () => {
    const { element } = await reportWith(html`<msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart>`);
    const button = shadow(element).querySelector<HTMLButtonElement>('[part~="metric"]:not([part~="total"]) button')!;
    const event = oneEvent<MsgPointSelectEvent>(element, 'msg-point-select');
    button.focus();
    button.click();
    const { detail } = await event;
    expect(detail).to.deep.include({ direction: 'outgoing', groupBy: 'source', field: 'source' });
    expect(detail.value).to.equal(button.closest('[data-key]')!.getAttribute('data-key'));
  });

  it('switches to a visible table in place of the charts, and exports the charts as one PNG', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    const png = await element.toPng();
    expect(png.type).to.equal('image/png');
    const image = await createImageBitmap(png);
    const boxes = [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')];
    expect(image.width, 'both charts side by side').to.be.greaterThan(boxes[0]!.clientWidth + boxes[1]!.clientWidth);

    const toggle = shadow(element).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await element.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(element).querySelectorAll('[part~="chart"]')).to.have.length(0);
    const table = shadow(element).querySelector('.table-view table')!;
    expect(table.querySelectorAll('tbody tr')).to.have.length(element.chartTable!.rows.length);
    await expect(element).to.be.accessible();
  });

  it('writes its title, days, time zone and filters by name into the PNG', async () => {
    const [channel] = (await mockAnswer<OptionsResponse>('options/channel', { limit: '200' })).options;
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="es" .filters=${{ channel: [channel!.value], source: ['bot'] }}>
        <msg-breakdown-chart direction="outgoing" group-by="type"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    // What is written on the image: every text drawn on a canvas while the PNG is made.
    const written: string[] = [];
    // The original, taken from its descriptor so that restoring it puts back exactly what was there.
    const fillText = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'fillText')!.value as (
      this: CanvasRenderingContext2D,
      ...args: [string, number, number, number?]
    ) => void;
    CanvasRenderingContext2D.prototype.fillText = function (
      this: CanvasRenderingContext2D,
      text: string,
      ...rest: [number, number, number?]
    ) {
      written.push(text);
      fillText.call(this, text, ...rest);
    };
    try {
      await element.toPng();
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
    }
    const esDay = (iso: string) => new Intl.DateTimeFormat('es', { timeZone: ZONE, dateStyle: 'medium' }).format(Date.parse(iso));
    expect(written.join(' ')).to.equal(
      [
        'Mensajes salientes por tipo',
        `${esDay(LAST_7_DAYS.from)} – ${esDay('2026-11-26T18:00:00.000Z')} · Zona horaria: America/Mexico_City`,
        `Filtros: Canal: ${channel!.label} · Origen del mensaje saliente: Bot`,
      ].join(' '),
    );
  });

  it('draws a bar and a pie chart, and only the parts `show` names', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    const boxes = [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')];
    expect(boxes.map((box) => box.getAttribute('part'))).to.deep.equal(['chart bar', 'chart pie']);
    for (const box of boxes) {
      expect(getInstanceByDom(box), 'an ECharts instance').to.not.equal(undefined);
      expect(box.querySelector('canvas')!.width).to.be.greaterThan(0);
    }
    element.show = 'metrics';
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('[part~="chart"]')).to.have.length(0);
    expect(shadow(element).querySelector('[part~="metrics"]')).to.not.equal(null);
  });

  it('says the filters are not applicable, naming them, and sends no request', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} .filters=${{ source: ['bot'], broadcast: ['b_1'] }}>
        <msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await settled(element);
    expect(statePart(element)).to.equal('not-applicable');
    expect(shadow(element).querySelector('.state')!.textContent.trim()).to.equal(
      'Los filtros seleccionados no son aplicables aquí: Origen del mensaje saliente y Nombre de transmisión.',
    );
    // Settled, with nothing in flight: a request started would have been seen by now.
    expect(requests.filter((url) => url.pathname.endsWith('/breakdown'))).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('shows the empty state when the query has no rows', async () => {
    const worker = await startMocks();
    worker.use(...emptyHandlers('/api'));
    try {
      const { element } = await reportWith(html`<msg-breakdown-chart direction="incoming"></msg-breakdown-chart>`);
      expect(statePart(element)).to.equal('empty');
      expect(shadow(element).querySelector('.state')!.textContent.trim()).to.equal('Los filtros seleccionados no tienen datos aplicables.');
      await expect(element).to.be.accessible();
    } finally {
      worker.resetHandlers();
    }
  });

  it('shows an error with a working retry, and tells the host', async () => {
    const worker = await startMocks();
    worker.use(...errorHandlers('/api', 400));
    try {
      const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
      const element = document.createElement('msg-breakdown-chart');
      const errorEvent = oneEvent<MsgErrorEvent>(report, 'msg-error');
      report.append(element);
      const { detail } = await errorEvent;
      expect(detail.source).to.equal('request');
      await settled(element);
      expect(statePart(element)).to.equal('error');
      await expect(element).to.be.accessible();
      worker.resetHandlers();
      shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settled(element);
      expect(statePart(element)).to.equal(undefined);
      expect(metrics(element)[0]![0]).to.equal('__total__');
    } finally {
      worker.resetHandlers();
    }
  });

  it('explains bad settings in the element and in a msg-error event, without a request', async () => {
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone="Mars/Olympus" now=${NOW}></msg-report>`);
    const element = document.createElement('msg-breakdown-chart');
    report.append(element);
    await element.updateComplete;
    expect(statePart(element)).to.equal('error invalid');
    expect(shadow(element).querySelector('.state')!.textContent).to.contain('«Mars/Olympus» no es una zona horaria IANA conocida');

    const badGrouping = document.createElement('msg-breakdown-chart');
    badGrouping.setAttribute('group-by', 'source');
    const event = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.timezone = ZONE;
    report.append(badGrouping);
    const { detail } = await event;
    expect(detail.source).to.equal('input');
    expect(detail.message).to.equal('el atributo group-by no puede ser «source»; use uno de: channel.');
    expect(requests.filter((url) => url.pathname.endsWith('/breakdown') && url.searchParams.get('groupBy') === 'source')).to.have.length(0);
  });

  it('leaves exactly the last query’s data on screen after rapid filter changes', async () => {
    // A data source that answers each query after a delay that shrinks with each call, so older
    // answers arrive last; only the newest may be drawn.
    const calls: { params: BreakdownParams; signal: AbortSignal | undefined; answered: Promise<unknown> }[] = [];
    const source: ReportDataSource = {
      breakdown(params, options) {
        const n = calls.length + 1;
        const wait = 200 - n * 30;
        const answer: BreakdownResponse = {
          direction: 'incoming',
          groupBy: 'channel',
          total: n,
          groups: [{ key: `ch_${n}`, label: `Canal ${n}`, count: n }],
          notApplicable: [],
        };
        const answered = new Promise<BreakdownResponse>((resolve) => setTimeout(() => resolve(answer), wait));
        calls.push({ params, signal: options?.signal, answered });
        return answered;
      },
      delivery: () => Promise.reject(new Error('unused')),
      messages: () => Promise.reject(new Error('unused')),
      options: () => Promise.reject(new Error('unused')),
    };
    const report = await fixture<MsgReport>(
      html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    for (const channel of ['a', 'b', 'c', 'd']) {
      report.filters = { channel: [channel] };
      await report.updateComplete;
      await element.updateComplete;
    }
    // Every answer has arrived, the older ones last.
    await Promise.all(calls.map((call) => call.answered));
    await element.updateComplete;
    expect(calls.at(-1)!.params.filters).to.deep.equal({ channel: ['d'] });
    expect(metrics(element)).to.deep.equal([
      ['__total__', 'Total', String(calls.length)],
      [`ch_${calls.length}`, `Canal ${calls.length}`, String(calls.length)],
    ]);
    expect(
      calls.slice(0, -1).every((call) => call.signal?.aborted),
      'older requests were aborted',
    ).to.equal(true);
  });

  it('aborts its request when removed, and fetches again when put back', async () => {
    const signals: AbortSignal[] = [];
    const source = {
      breakdown: (_: BreakdownParams, options?: { signal?: AbortSignal }) => {
        signals.push(options!.signal!);
        return new Promise<BreakdownResponse>(() => {});
      },
    } as unknown as ReportDataSource;
    const report = await fixture<MsgReport>(
      html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await element.updateComplete;
    expect(signals).to.have.length(1);
    element.remove();
    expect(signals[0]!.aborted).to.equal(true);
    report.append(element);
    await element.updateComplete;
    expect(signals).to.have.length(2);
    expect(statePart(element)).to.equal('loading');
  });

  it('disposes its charts when removed, but keeps them through a move', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    const boxes = [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')];
    const other = document.createElement('div');
    report.append(other);
    other.append(element); // a move: disconnect and reconnect in one task
    await Promise.resolve();
    await Promise.resolve();
    expect(
      boxes.every((box) => getInstanceByDom(box) !== undefined),
      'kept through a move',
    ).to.equal(true);
    element.remove();
    await Promise.resolve();
    await Promise.resolve();
    expect(
      boxes.every((box) => getInstanceByDom(box) === undefined),
      'disposed',
    ).to.equal(true);
  });

  it('works alone with endpoint on itself, and follows a report named with for', async () => {
    const alone = await fixture<MsgBreakdownChart>(
      html`<msg-breakdown-chart endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_month"></msg-breakdown-chart>`,
    );
    await settled(alone);
    const answer = await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_MONTH, direction: 'incoming', groupBy: 'channel' });
    expectMetrics(alone, answer);

    const page = await fixture<HTMLElement>(
      html`<div>
        <msg-report id="linked-report" endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_month"></msg-report>
        <msg-breakdown-chart for="linked-report"></msg-breakdown-chart>
      </div>`,
    );
    const linked = page.querySelector('msg-breakdown-chart')!;
    await settled(linked);
    expectMetrics(linked, answer);
    const report = page.querySelector('msg-report')!;
    report.preset = 'last_7_days';
    await report.updateComplete;
    await settled(linked);
    expectMetrics(linked, await mockAnswer<BreakdownResponse>('breakdown', { ...LAST_7_DAYS, direction: 'incoming', groupBy: 'channel' }));

    const orphan = await fixture<MsgBreakdownChart>(html`<msg-breakdown-chart for="nowhere"></msg-breakdown-chart>`);
    expect(shadow(orphan).querySelector('.state')!.textContent).to.contain('ningún elemento msg-report tiene el id «nowhere»');
  });

  it('colours a channel by the kind the endpoint sends, whatever its name; by its name when the kind is missing', async () => {
    // "Ventas Norte" names no kind: only the endpoint's kind puts it among the WhatsApp greens.
    const answer: BreakdownResponse = {
      direction: 'incoming',
      groupBy: 'channel',
      total: 30,
      groups: [
        { key: 'ch_1', label: 'Ventas Norte', count: 10, kind: 'whatsapp' },
        { key: 'ch_2', label: 'Soporte', count: 10, kind: 'telegram' },
        { key: 'ch_3', label: 'Instagram Tienda', count: 10 },
      ],
      notApplicable: [],
    };
    const element = await metricsOf(answer);
    const colours = Object.fromEntries(
      [...shadow(element).querySelectorAll<HTMLElement>('.metric-label')].map((label) => [
        label.textContent.trim(),
        label.querySelector<HTMLElement>('.swatch')?.dataset.color,
      ]),
    );
    expect(Object.keys(colours)).to.include.members(['Ventas Norte', 'Soporte', 'Instagram Tienda']);
    expect(colours['Ventas Norte']).to.match(/^whatsapp-\d+$/);
    expect(colours['Soporte']).to.match(/^telegram-\d+$/);
    expect(colours['Instagram Tienda'], 'no kind: the name tells it').to.match(/^instagram-\d+$/);
  });

  it('draws names holding ECharts rich-text markup exactly as typed, in labels and tooltips (rich-text escaping)', async () => {
    // `{style|text}` is ECharts rich text: unescaped, `{a|x}` would draw as `x`, and `{l|{}` as `{`.
    const names = ['{a|x}', '}{', 'a{b|c}d', '{l|{}'];
    const answer: BreakdownResponse = {
      direction: 'incoming',
      groupBy: 'channel',
      total: 40,
      groups: names.map((label, i) => ({ key: `ch_${i}`, label, count: 10 })),
      notApplicable: [],
    };
    const source = { breakdown: () => Promise.resolve(answer) } as unknown as ReportDataSource;
    const report = await fixture<MsgReport>(
      html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW} lang="en">
        <msg-breakdown-chart direction="incoming" group-by="channel" no-compare></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    const [bar, pie] = [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')] as [HTMLElement, HTMLElement];
    const barTexts = drawnTexts(bar);
    const pieTexts = drawnTexts(pie);
    expect(
      names.filter((name) => barTexts.includes(name)),
      'bar axis labels',
    ).to.deep.equal(names);
    expect(pieTexts, 'pie labels: name, then share').to.deep.equal(names.map((name) => `${name}25%`));

    // Tooltips: ECharts' own rich text, whatever the label options say.
    for (const box of [bar, pie]) {
      const labels = new Set(drawnTexts(box));
      const tips = names.map((_, i) => {
        getInstanceByDom(box)!.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
        return drawnTexts(box).filter((text) => !labels.has(text));
      });
      // The last line says how to see the group's messages (drill, issue 12).
      expect(tips, box.getAttribute('part')!).to.deep.equal(names.map((name) => [`${name}: 10 (25%)Shift+click: see messages`]));
    }
  });

  it('shows a metric’s cut name whole in its title, and in full while its card has keyboard focus', async () => {
    const long = 'WhatsApp Sucursal Centro Histórico de la Ciudad de México';
    const answer: BreakdownResponse = {
      direction: 'incoming',
      groupBy: 'channel',
      total: 10,
      groups: [{ key: 'ch_1', label: long, count: 10 }],
      notApplicable: [],
    };
    const element = await metricsOf(answer);
    const card = shadow(element).querySelector<HTMLButtonElement>('[data-key="ch_1"] button')!;
    const label = card.querySelector<HTMLElement>('.metric-label')!;
    expect(label.title).to.equal(long);
    expect(label.scrollWidth, 'cut short').to.be.greaterThan(label.clientWidth);
    card.focus();
    expect(card.matches(':focus-visible')).to.equal(true);
    expect(label.scrollWidth, 'whole while focused').to.be.at.most(label.clientWidth);
    expect(label.getClientRects().length > 0 && label.offsetHeight > 20, 'on more than one line').to.equal(true);
  });

  it('draws whole names on the pie, wrapped in a phone-wide box and inside it, and no grid line under the bars’ counts', async () => {
    const names = ['WhatsApp Ventas', 'WhatsApp Soporte', 'Instagram @tienda.mx', 'Facebook Tienda Oficial', 'Chat del sitio web'];
    const answer: BreakdownResponse = {
      direction: 'incoming',
      groupBy: 'channel',
      total: 100,
      groups: names.map((label, i) => ({ key: `ch_${i}`, label, count: 20 })),
      notApplicable: [],
    };
    const source = { breakdown: () => Promise.resolve(answer) } as unknown as ReportDataSource;
    const report = await fixture<MsgReport>(
      html`<msg-report
        .dataSource=${source}
        timezone=${ZONE}
        now=${NOW}
        lang="en"
        class="no-animation"
        style="display: block; width: 1100px"
      >
        <msg-breakdown-chart direction="incoming" group-by="channel" no-compare></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    const [bar, pie] = [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')] as [HTMLElement, HTMLElement];
    expect(drawnTexts(pie), 'whole names, then the share').to.have.members(names.map((name) => `${name}20%`));
    const xAxis = (getInstanceByDom(bar)!.getOption() as { xAxis: { show: boolean; splitLine: { show: boolean } }[] }).xAxis[0]!;
    expect(xAxis.show || xAxis.splitLine.show, 'grid lines behind the bars').to.equal(false);

    // On a phone's width every label is drawn inside the box, names wrapped onto more lines, not cut.
    const rendered = chartsRendered(element, 2);
    report.style.width = '320px';
    await rendered;
    const narrow = drawnTexts(pie).map((text) => text.replace(/\s/g, ''));
    expect(narrow.join(' '), 'no name cut short').to.not.match(/…|\.\.\./);
    const whole = names.map((name) => `${name.replace(/\s/g, '')}20%`);
    expect(narrow.filter((text) => whole.includes(text)).length, `names drawn whole: ${narrow.join(' | ')}`).to.be.at.least(
      names.length - 1,
    );
    const width = pie.clientWidth;
    const zr = getInstanceByDom(pie)!.getZr() as unknown as { storage: { getDisplayList(update: boolean): TextBox[] } };
    const boxes = zr.storage
      .getDisplayList(true)
      .filter((el) => el.type === 'tspan' && el.parent)
      .map((span) => span.parent!);
    expect(boxes.length).to.be.greaterThan(0);
    for (const text of new Set(boxes)) {
      const rect = text.getBoundingRect().clone();
      if (text.transform) rect.applyTransform(text.transform);
      expect(rect.x, 'left edge').to.be.at.least(0);
      expect(rect.x + rect.width, 'right edge').to.be.at.most(width);
    }
  });

  it('renders hostile names as text, never as markup', async () => {
    const worker = await startMocks();
    worker.use(...createHandlers({ baseUrl: '/api', dataset: generateDataset({ seed: 7, end: Date.parse(NOW), hostile: true }) }));
    try {
      const { element } = await reportWith(html`<msg-breakdown-chart direction="outgoing" group-by="channel"></msg-breakdown-chart>`, {
        preset: 'last_month',
      });
      const labels = metrics(element).map(([, label]) => label);
      expect(
        labels.some((label) => label.includes('<')),
        'some label carries markup',
      ).to.equal(true);
      expect(shadow(element).querySelector('img, script, a[href^="javascript"]')).to.equal(null);

      // The CSV holds the same numbers, unformatted, and no cell a spreadsheet would evaluate.
      const answer = await mockAnswer<BreakdownResponse>('breakdown', {
        ...LAST_MONTH,
        direction: 'outgoing',
        groupBy: 'channel',
        ...BEFORE_LAST_MONTH,
      });
      const csv = element.toCsv()!;
      expect(csv.startsWith('\uFEFFCanal,Mensajes,Porcentaje,Periodo anterior (septiembre de 2026),Cambio\r\n')).to.equal(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines).to.have.length(answer.groups.length + 2);
      const formula = answer.groups.find((g) => g.label.startsWith('='))!;
      expect(formula, 'the hostile data set has a formula-like channel').to.not.equal(undefined);
      const line = lines.find((l) => l.includes('HYPERLINK'))!;
      expect(line.startsWith(`"'=HYPERLINK(`), 'neutralised and quoted').to.equal(true);
      expect(line.split(',').slice(-4)[0]).to.equal(String(formula.count));
      expect(lines.at(-1)!.split(',').slice(0, 2)).to.deep.equal(['Total', String(answer.total)]);
    } finally {
      worker.resetHandlers();
    }
  });
});
