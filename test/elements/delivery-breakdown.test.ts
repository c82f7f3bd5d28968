import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import { sendKeys } from '@web/test-runner-commands';
import { errorHandlers } from '../../mock/handlers.js';
import '../../src/index.js';
import '../../src/elements/delivery-breakdown/msg-delivery-breakdown.js';
import type { DeliveryBreakdownResponse, Filters } from '../../src/core/contract/types.js';
import type { MsgDeliveryBreakdown } from '../../src/elements/delivery-breakdown/delivery-breakdown.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgErrorEvent } from '../../src/elements/shared/events.js';
import { NOW, ZONE, esCount, mockAnswer, requests, resetRequests, settled, shadow, startMocks, statePart } from './helpers.js';

// Last 30 days at NOW (26 Nov 2026 in Mexico City, −06 all year).
const LAST_30_DAYS = { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
// Cell texts have their white space (the no-break space before %) read as one space.
const esPercent = (share: number) =>
  new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1 }).format(share).replace(/\s+/g, ' ');

async function breakdown(attrs: { groupBy?: string; sort?: string } = {}, filters: Filters = {}) {
  const report = await fixture<MsgReport>(
    html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_30_days" lang="es" .filters=${filters}
      ><msg-delivery-breakdown group-by=${attrs.groupBy ?? 'channel'} sort=${attrs.sort ?? 'total descending'}></msg-delivery-breakdown
    ></msg-report>`,
  );
  const element = report.querySelector('msg-delivery-breakdown')!;
  await settled(element);
  return { report, element };
}

/** The visible table: per row, the group's key and its cells' texts. */
function rows(element: MsgDeliveryBreakdown): { key: string; cells: string[] }[] {
  return [...shadow(element).querySelectorAll('[part~="groups"] tbody tr')].map((tr) => ({
    key: tr.getAttribute('data-key') ?? '',
    cells: [...tr.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()),
  }));
}

const header = (element: MsgDeliveryBreakdown, column: number) =>
  shadow(element).querySelectorAll<HTMLTableCellElement>('[part~="groups"] thead th')[column]!;

describe('<msg-delivery-breakdown>', () => {
  before(async () => {
    await startMocks();
    const style = document.createElement('style');
    style.textContent = 'msg-delivery-breakdown { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });
  beforeEach(() => resetRequests());

  it('shows each group’s funnel as rates and counts, in the endpoint’s order, with "not reported" never as 0 %', async () => {
    const { element } = await breakdown();
    const answer = await mockAnswer<DeliveryBreakdownResponse>('delivery-breakdown', { ...LAST_30_DAYS, groupBy: 'channel' });
    const shown = rows(element);
    expect(shown.map((row) => row.key)).to.deep.equal(answer.groups.map((group) => group.key));
    const statuses = ['sent', 'delivered', 'read', 'failed'] as const;
    answer.groups.forEach((group, i) => {
      const cells = shown[i]!.cells;
      expect(cells[0]).to.equal(group.label);
      expect(cells[1]).to.equal(esCount(group.total));
      statuses.forEach((status, s) => {
        const expected = group.notReported.includes(status)
          ? 'No reportado'
          : `${esPercent(group[status] / group.total)} ${esCount(group[status])}`;
        expect(cells[2 + s], `${group.label} ${status}`).to.equal(expected);
      });
    });
    // The demo data has channels without read receipts: their Read cell says so.
    const silent = answer.groups.filter((group) => group.notReported.includes('read'));
    expect(silent.length).to.be.greaterThan(0);
    expect(shadow(element).querySelectorAll('[part~="not-reported"]').length).to.be.at.least(silent.length);
    expect(shadow(element).querySelector('[part~="not-reported-note"]')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('sorts by any column with a click or the keyboard, says so with aria-sort, and keeps unreported rates last', async () => {
    const { element } = await breakdown();
    const answer = await mockAnswer<DeliveryBreakdownResponse>('delivery-breakdown', { ...LAST_30_DAYS, groupBy: 'channel' });
    expect(header(element, 1).getAttribute('aria-sort')).to.equal('descending');
    expect(header(element, 4).getAttribute('aria-sort')).to.equal('none');

    // Read, by a click: highest rate first; the channels that report no Read last.
    header(element, 4).querySelector('button')!.click();
    await element.updateComplete;
    expect(header(element, 4).getAttribute('aria-sort')).to.equal('descending');
    expect(header(element, 1).getAttribute('aria-sort')).to.equal('none');
    const readRate = (key: string) => {
      const group = answer.groups.find((g) => g.key === key)!;
      return group.notReported.includes('read') ? undefined : group.read / group.total;
    };
    const descending = rows(element).map((row) => readRate(row.key));
    const reported = descending.filter((rate) => rate !== undefined);
    expect(reported).to.deep.equal([...reported].sort((a, b) => b - a));
    expect(descending.slice(reported.length).every((rate) => rate === undefined)).to.equal(true);

    // The same header by the keyboard: lowest first ("which is read least"), unreported still last.
    header(element, 4).querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(header(element, 4).getAttribute('aria-sort')).to.equal('ascending');
    const ascending = rows(element).map((row) => readRate(row.key));
    expect(ascending.filter((rate) => rate !== undefined)).to.deep.equal([...reported].reverse());
    expect(ascending.slice(reported.length).every((rate) => rate === undefined)).to.equal(true);

    // By name, A–Z.
    header(element, 0).querySelector('button')!.click();
    await element.updateComplete;
    const labels = rows(element).map((row) => row.cells[0]!);
    expect(labels).to.deep.equal([...labels].sort((a, b) => a.localeCompare(b, 'es', { sensitivity: 'base', numeric: true })));
    expect(header(element, 0).getAttribute('aria-sort')).to.equal('ascending');
  });

  it('keeps its legend clear of the percent axis on a phone, where the legend takes two lines', async () => {
    const { report, element } = await breakdown();
    report.style.display = 'block';
    report.style.width = '320px';
    const box = shadow(element).querySelector<HTMLElement>('[part~="stack"]')!;
    await waitUntil(() => getInstanceByDom(box)?.getWidth() === box.clientWidth && box.clientWidth <= 320, 'drawn phone-wide');
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    type Drawn = {
      type: string;
      style: { text?: string };
      parent?: unknown;
      getBoundingRect(): DOMRectLike;
      getComputedTransform(): number[] | null;
    };
    type DOMRectLike = {
      x: number;
      y: number;
      width: number;
      height: number;
      clone(): DOMRectLike;
      applyTransform(m: number[] | null): void;
    };
    const zr = getInstanceByDom(box)!.getZr() as unknown as { storage: { getDisplayList(update: boolean): Drawn[] } };
    const texts = zr.storage
      .getDisplayList(true)
      .filter((shape) => shape.type === 'tspan' && shape.style.text)
      .map((shape) => {
        const rect = shape.getBoundingRect().clone();
        rect.applyTransform(shape.getComputedTransform());
        return { text: shape.style.text!, rect };
      });
    const axis = texts.filter(({ text }) => /^\d+\s?%$/.test(text));
    const legend = texts.filter(({ text }) => ['Leído', 'Entregado, no leído', 'Enviado, no entregado', 'Fallido'].includes(text));
    expect(axis.length, 'percent labels drawn').to.be.greaterThan(2);
    expect(legend.length, 'legend drawn').to.equal(4);
    const axisBottom = Math.max(...axis.map(({ rect }) => rect.y + rect.height));
    const legendTop = Math.min(...legend.map(({ rect }) => rect.y));
    expect(legendTop, `legend top ${legendTop} below the axis labels' bottom ${axisBottom}`).to.be.at.least(axisBottom);
  });

  it('says on a phone that its table has more columns to the side, until scrolled to the last', async () => {
    const { report, element } = await breakdown();
    const frame = shadow(element).querySelector<HTMLElement>('.frame')!;
    const scroller = shadow(element).querySelector<HTMLElement>('.groups-scroll')!;
    const label = frame.querySelector<HTMLElement>('.more-columns')!;
    const shown = () => getComputedStyle(label).opacity === '1' && getComputedStyle(frame, '::after').opacity === '1';
    expect(label.textContent.trim()).to.equal('Más columnas →');
    report.style.display = 'block';
    report.style.width = '1000px';
    await waitUntil(() => scroller.scrollWidth <= scroller.clientWidth && !frame.classList.contains('more-end'), 'the table fits');
    expect(shown(), 'no cue while every column shows').to.equal(false);
    report.style.width = '320px';
    await waitUntil(shown, 'the label and the end shade shown once the table overflows');
    const head = header(element, 0).getBoundingClientRect();
    const at = label.getBoundingClientRect();
    expect(at.top, 'over the header row').to.be.at.least(head.top);
    expect(at.right).to.be.at.most(scroller.getBoundingClientRect().right);
    scroller.scrollLeft = scroller.scrollWidth;
    await waitUntil(() => !shown() && frame.classList.contains('more-start'), 'gone at the last column, a shade at the start');
  });

  it('answers "which broadcast failed most" from the sort attribute', async () => {
    const { element } = await breakdown({ groupBy: 'broadcast', sort: 'failed descending' });
    const answer = await mockAnswer<DeliveryBreakdownResponse>('delivery-breakdown', { ...LAST_30_DAYS, groupBy: 'broadcast' });
    const worst = [...answer.groups].sort((a, b) => b.failed / b.total - a.failed / a.total)[0]!;
    expect(rows(element)[0]!.key).to.equal(worst.key);
    expect(rows(element)[0]!.cells[0]).to.equal(worst.label);
    expect(shadow(element).querySelector('[part~="title"]')!.textContent.trim()).to.equal('Entrega por transmisión');
  });

  it('follows the filters of its <msg-report>: the request carries them and the groups narrow', async () => {
    const { report, element } = await breakdown({ groupBy: 'source' });
    expect(rows(element).length).to.be.greaterThan(1);
    resetRequests();
    report.filters = { source: ['broadcast'] };
    await report.updateComplete;
    await settled(element);
    const request = requests.find((url) => url.pathname.endsWith('/delivery-breakdown'))!;
    expect(request.searchParams.getAll('source')).to.deep.equal(['broadcast']);
    expect(request.searchParams.get('groupBy')).to.equal('source');
    expect(rows(element).map((row) => row.key)).to.deep.equal(['broadcast']);
  });

  it('shows an error with retry when the endpoint fails, and tells the host', async () => {
    const worker = await startMocks();
    try {
      worker.use(...errorHandlers('/api', 500));
      const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-report>`);
      const element = document.createElement('msg-delivery-breakdown');
      const errorEvent = oneEvent<MsgErrorEvent>(report, 'msg-error');
      report.append(element);
      expect((await errorEvent).detail.source).to.equal('request');
      await settled(element);
      expect(statePart(element)).to.equal('error');
      await expect(element).to.be.accessible();
      worker.resetHandlers();
      shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settled(element);
      expect(statePart(element)).to.equal(undefined);
      expect(rows(element).length).to.be.greaterThan(0);
    } finally {
      worker.resetHandlers();
    }
  });

  it('explains a grouping it does not know, without a request', async () => {
    const { element } = await breakdown({ groupBy: 'contact' });
    expect(statePart(element)).to.equal('error invalid');
    expect(requests.some((url) => url.pathname.endsWith('/delivery-breakdown'))).to.equal(false);
  });
});
