/**
 * <msg-table>: what a user sees and gets, checked against the mock's own /messages answers over
 * the seeded data set — columns per kind, rows, paging while scrolling, order, the 10,000-row cap,
 * CSV bytes (hostile strings neutralised), contact events, failures by error code, states, axe,
 * abort on removal — and the first-paint time and DOM size of a 10,000-row table.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { createHandlers, emptyHandlers, errorHandlers, loadingHandlers } from '../../mock/handlers.js';
import { generateDataset } from '../../reference/dataset/index.js';
import '../../src/index.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import type { MsgContactSelectEvent, MsgDataExportEvent, MsgErrorEvent } from '../../src/elements/shared/events.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type { MessageKind, MessageRow, MessagesParams, MessagesResponse } from '../../src/core/contract/types.js';
import { parseCsv } from '../../src/core/csv/read.js';
import { NOW, ZONE, countingSource, esCount, mockAnswer, nextEvent, requests, resetRequests, startMocks, stub } from './helpers.js';

// 26 Nov 2026 in Mexico City (−06 all year).
const LAST_7_DAYS = { from: '2026-11-20T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
const LAST_30_DAYS = { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };
const LAST_MONTH = { from: '2026-10-01T06:00:00.000Z', to: '2026-11-01T06:00:00.000Z', tz: ZONE };
// A custom year: 27 Nov 2025 … 26 Nov 2026, local days.
const YEAR = { from: '2025-11-27T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };

const HEADERS_ES: Record<MessageKind, string[]> = {
  incoming: ['Fecha y hora', 'ID de contacto', 'Nombre del contacto', 'Canal', 'Contenido'],
  outgoing: [
    'Fecha y hora',
    'Fuente',
    'Usuario',
    'ID de contacto',
    'Nombre del contacto',
    'Fecha y hora de entrega',
    'Fecha y hora de lectura',
    'Canal',
    'Tipo',
    'Subtipo',
    'Contenido',
  ],
  failed: ['Fecha y hora', 'Fuente', 'Usuario', 'ID de contacto', 'Nombre del contacto', 'Canal', 'Tipo', 'Subtipo', 'Contenido', 'Error'],
};
const HEADERS_EN: Record<MessageKind, string[]> = {
  incoming: ['Timestamp', 'Contact ID', 'Contact name', 'Channel', 'Content'],
  outgoing: [
    'Timestamp',
    'Source',
    'User',
    'Contact ID',
    'Contact name',
    'Delivered timestamp',
    'Read timestamp',
    'Channel',
    'Type',
    'Subtype',
    'Content',
  ],
  failed: ['Timestamp', 'Source', 'User', 'Contact ID', 'Contact name', 'Channel', 'Type', 'Subtype', 'Content', 'Error'],
};
const SOURCE_ES: Record<string, string> = {
  user: 'Usuario',
  bot: 'Bot',
  broadcast: 'Transmisión',
  workflow: 'Flujo de trabajo',
  api: 'API',
  zapier: 'Zapier',
  echo: 'Eco',
};
const TYPE_ES: Record<string, string> = {
  session: 'Sesión',
  facebook_message_tag: 'Etiqueta de mensaje de Facebook',
  whatsapp_template: 'Plantilla de mensaje de WhatsApp',
};

const screenTime = new Intl.DateTimeFormat('es', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const onScreen = (instant: string | null | undefined) => (instant ? screenTime.format(new Date(instant)) : '');
/** An instant as ISO local time with its offset in Mexico City (−06:00 all year since 2022). */
const isoMx = (instant: string | null | undefined) =>
  instant ? new Date(Date.parse(instant) - 6 * 3_600_000).toISOString().replace('Z', '-06:00').replace('.000-', '-') : '';

/** The raw text of each column, as the original report lists it (times through `time`). */
function expectedCells(row: MessageRow, kind: MessageKind, time: (instant: string | null | undefined) => string): string[] {
  const user = row.source === 'user' ? (row.user?.name ?? '') : '';
  const error = row.error ? `${row.error.code}: ${row.error.message}` : '';
  const source = SOURCE_ES[row.source ?? ''] ?? '';
  const type = TYPE_ES[row.type ?? ''] ?? '';
  const channel = row.channel.name;
  const contact = [row.contact.id, row.contact.name];
  switch (kind) {
    case 'incoming':
      return [time(row.timestamp), ...contact, channel, row.content];
    case 'outgoing':
      return [
        time(row.timestamp),
        source,
        user,
        ...contact,
        time(row.deliveredAt),
        time(row.readAt),
        channel,
        type,
        row.subtype ?? '',
        row.content,
      ];
    case 'failed':
      return [time(row.timestamp), source, user, ...contact, channel, type, row.subtype ?? '', row.content, error];
  }
}

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits (frame by frame, at most ~3 s) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 180; i++) {
    if (check()) return;
    await frame();
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function settled(table: MsgTable): Promise<void> {
  await table.updateComplete;
  await table.loadComplete;
  await table.updateComplete;
}

/** Rendered message rows, by row index, with their cells' text. */
function renderedRows(table: MsgTable): Map<number, { id: string; cells: string[] }> {
  const rows = new Map<number, { id: string; cells: string[] }>();
  for (const row of shadow(table).querySelectorAll<HTMLElement>('.body [role="row"][data-id]')) {
    const cells = [...row.querySelectorAll<HTMLElement>('[role="cell"]')].map((cell) =>
      (cell.querySelector('.text, [part~="contact"]') ?? cell).textContent.trim(),
    );
    rows.set(Number(row.getAttribute('aria-rowindex')) - 2, { id: row.dataset.id!, cells });
  }
  return rows;
}

/** Every range the table's virtualizer reports from now on (its `rangeChanged` does not bubble). */
function rangesReported(table: MsgTable): { first: number; last: number }[] {
  const ranges: { first: number; last: number }[] = [];
  shadow(table).addEventListener('rangeChanged', (event) => ranges.push(event as unknown as { first: number; last: number }), {
    capture: true,
  });
  return ranges;
}

async function rowsShown(table: MsgTable): Promise<void> {
  await until(() => renderedRows(table).size > 0, 'rows on screen');
}

function headers(table: MsgTable): string[] {
  return [...shadow(table).querySelectorAll('[role="columnheader"]')].map((cell) => cell.textContent.replace(/[↑↓]/g, '').trim());
}

function countTextAndComments(root: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) count++;
  return count;
}

function countComments(root: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) count++;
  return count;
}

function scroller(table: MsgTable): HTMLElement {
  return shadow(table).querySelector<HTMLElement>('[part~="scroller"]')!;
}

function statePart(table: MsgTable): string | undefined {
  return shadow(table).querySelector('.state')?.getAttribute('part') ?? undefined;
}

async function reportWith(tables: ReturnType<typeof html>, attrs: { preset?: string; lang?: string; from?: string; to?: string } = {}) {
  const report = await fixture<MsgReport>(
    html`<msg-report
      endpoint="/api"
      timezone=${ZONE}
      now=${NOW}
      lang=${attrs.lang ?? 'es'}
      preset=${attrs.preset ?? 'last_7_days'}
      from=${attrs.from ?? ''}
      to=${attrs.to ?? ''}
      >${tables}</msg-report
    >`,
  );
  const all = [...report.querySelectorAll('msg-table')];
  await Promise.all(all.map(settled));
  return { report, table: all[0]!, all };
}

/** Every row of a query, paged through the mock directly. */
async function allMockRows(params: Record<string, string>): Promise<MessageRow[]> {
  const rows: MessageRow[] = [];
  let cursor: string | null = null;
  do {
    const page: MessagesResponse = await mockAnswer<MessagesResponse>('messages', {
      ...params,
      limit: '1000',
      ...(cursor ? { cursor } : {}),
    });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** A data source over `rows` held in memory; `pageAll` answers every row in the first page. */
function memorySource(rows: MessageRow[], options: { pageAll?: boolean; calls?: MessagesParams[] } = {}): ReportDataSource {
  return {
    messages: (params) => {
      options.calls?.push(params);
      const start = params.cursor ? Number(params.cursor) : 0;
      const end = options.pageAll ? rows.length : Math.min(rows.length, start + (params.limit ?? 100));
      return Promise.resolve({
        kind: params.kind,
        total: rows.length,
        cap: 10_000,
        rows: rows.slice(start, end),
        nextCursor: end < rows.length ? String(end) : null,
      });
    },
    breakdown: () => Promise.reject(new Error('unused')),
    delivery: () => Promise.reject(new Error('unused')),
    options: () => Promise.reject(new Error('unused')),
  };
}

function syntheticRows(count: number, content: (i: number) => string = (i) => `Mensaje ${i}`): MessageRow[] {
  const start = Date.parse('2026-11-26T17:00:00Z');
  return Array.from({ length: count }, (_, i) => ({
    id: `m_${i}`,
    timestamp: new Date(start - i * 7_000).toISOString(),
    contact: { id: `c_${i % 400}`, name: `Contacto ${i % 400}` },
    channel: { id: 'ch_1', name: 'WhatsApp Ventas', kind: 'whatsapp' },
    content: content(i),
  }));
}

describe('<msg-table>', function () {
  this.timeout(20_000);
  before(startMocks);
  beforeEach(() => resetRequests());

  it('has exactly the columns of the original report for each kind, in its order and language', async () => {
    const { all } = await reportWith(
      html`<msg-table kind="incoming"></msg-table><msg-table kind="outgoing"></msg-table><msg-table kind="failed"></msg-table>`,
    );
    for (const table of all) {
      expect(headers(table), table.kind).to.deep.equal(HEADERS_ES[table.kind]);
      const grid = shadow(table).querySelector('[role="table"]')!;
      expect(grid.getAttribute('aria-colcount')).to.equal(String(HEADERS_ES[table.kind].length));
    }
    expect(shadow(all[0]!).querySelector('h3')!.textContent).to.equal('Lista de mensajes entrantes');
    expect(shadow(all[2]!).querySelector('h3')!.textContent).to.equal('Registro de mensajes fallidos');

    const { all: english } = await reportWith(
      html`<msg-table kind="incoming"></msg-table><msg-table kind="outgoing"></msg-table><msg-table kind="failed"></msg-table>`,
      {
        lang: 'en',
      },
    );
    for (const table of english) expect(headers(table)).to.deep.equal(HEADERS_EN[table.kind]);
    const { table: portuguese } = await reportWith(html`<msg-table kind="incoming"></msg-table>`, { lang: 'pt' });
    expect(headers(portuguese)).to.deep.equal(['Data e hora', 'ID do contato', 'Nome do contato', 'Canal', 'Conteúdo']);
  });

  it('shows the mock’s rows, with times in the report’s zone and enums in its language', async () => {
    const { table } = await reportWith(html`<msg-table kind="outgoing"></msg-table>`);
    expect(
      requests.filter((url) => url.pathname.endsWith('/messages')),
      'one page for the screen',
    ).to.have.length(1);
    const answer = await mockAnswer<MessagesResponse>('messages', { ...LAST_7_DAYS, kind: 'outgoing', limit: '250' });
    expect(answer.total, 'the query has data').to.be.greaterThan(0);
    expect(table.rows).to.deep.equal(answer.rows);
    expect(table.total).to.equal(answer.total);
    await rowsShown(table);
    const shown = renderedRows(table);
    expect(shown.size).to.be.greaterThan(5);
    for (const [index, row] of shown) {
      expect(row.id).to.equal(answer.rows[index]!.id);
      expect(row.cells, `row ${index}`).to.deep.equal(expectedCells(answer.rows[index]!, 'outgoing', onScreen));
    }
    // Users only for messages a user sent; some rows have one, and only those.
    expect(answer.rows.some((row) => row.source === 'user' && row.user)).to.equal(true);
    expect(shadow(table).querySelector('[part~="summary"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      `Mensajes: ${esCount(answer.total)} · Zona horaria: America/Mexico_City`,
    );
    const grid = shadow(table).querySelector('[role="table"]')!;
    expect(grid.getAttribute('aria-rowcount'), 'header + every row').to.equal(String(answer.total + 1));
  });

  it('shows a scroll cue on each side that has more columns, and none when the table fits', async () => {
    const { report, table } = await reportWith(html`<msg-table kind="incoming"></msg-table>`);
    report.style.display = 'block';
    report.style.width = '360px';
    await rowsShown(table);
    const frameOf = shadow(table).querySelector<HTMLElement>('.frame')!;
    const cue = (side: '::before' | '::after') => getComputedStyle(frameOf, side).opacity;
    const box = scroller(table);
    expect(box.scrollWidth, 'the list scrolls sideways').to.be.greaterThan(box.clientWidth);
    // Besides the shade, a label over the header's end says so in words (hidden from screen readers).
    const label = shadow(table).querySelector<HTMLElement>('.more-columns')!;
    const labelShown = () => getComputedStyle(label).opacity;
    await until(() => cue('::after') === '1', 'a cue at the end');
    expect(cue('::before'), 'nothing before the first column').to.equal('0');
    expect(labelShown(), 'the "more columns" label shown').to.equal('1');
    expect(label.textContent.trim()).to.equal('Más columnas →');
    expect(label.getAttribute('aria-hidden')).to.equal('true');
    // On the list's top edge, at the end of its visible part, covering no column's name.
    const at = label.getBoundingClientRect();
    const edge = box.getBoundingClientRect();
    expect((at.top + at.bottom) / 2, 'centred on the top edge').to.be.closeTo(edge.top, 2);
    expect(at.right).to.be.closeTo(edge.right - 6, 2);
    for (const cell of shadow(table).querySelectorAll('[part~="header-cell"]')) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      for (const text of range.getClientRects()) {
        const overlaps = text.left < at.right && text.right > at.left && text.top < at.bottom && text.bottom > at.top;
        expect(overlaps, `the label over "${cell.textContent.trim()}"`).to.equal(false);
      }
    }
    box.scrollLeft = box.scrollWidth;
    await until(() => cue('::after') === '0', 'no cue past the last column');
    expect(cue('::before')).to.equal('1');
    expect(labelShown(), 'no label past the last column').to.equal('0');

    report.style.width = '1400px';
    await until(() => box.scrollWidth <= box.clientWidth, 'the table fits');
    await until(() => cue('::after') === '0' && cue('::before') === '0', 'no cue when it fits');
    expect(labelShown(), 'no label when it fits').to.equal('0');
  });

  it('prints the rows it holds in flow, every column on the page, with no blank body', async () => {
    const { report, table } = await reportWith(html`<msg-table kind="outgoing"></msg-table>`);
    report.style.display = 'block';
    report.style.width = '700px';
    await rowsShown(table);
    // The scroller's own height measured (a frame after its first rows), the rows held settle.
    await frame();
    await frame();
    const held = renderedRows(table).size;
    await emulateMedia({ media: 'print' });
    try {
      const box = scroller(table);
      await until(() => box.scrollHeight <= box.clientHeight + 1, 'the list unclipped');
      expect(box.scrollWidth, 'every column within the page').to.be.at.most(box.clientWidth + 1);
      const rows = [...shadow(table).querySelectorAll<HTMLElement>('.body [role="row"][data-id]')];
      expect(rows.length).to.equal(held);
      expect(held, 'the first screen at least').to.be.greaterThan(10);
      const body = shadow(table).querySelector<HTMLElement>('.body')!.getBoundingClientRect();
      const last = rows.at(-1)!.getBoundingClientRect();
      expect(body.bottom - last.bottom, 'no blank space for rows not held').to.be.below(2);
      rows.slice(1).forEach((row, i) => {
        expect(row.getBoundingClientRect().top, 'one under the other').to.be.at.least(rows[i]!.getBoundingClientRect().bottom - 1);
      });
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('loads the next cursor page as the user scrolls, and keeps the mock’s order', async () => {
    const { source, log, idle } = countingSource();
    const report = await fixture<MsgReport>(
      html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW} preset="last_30_days"
        ><msg-table kind="incoming" page-size="100"></msg-table
      ></msg-report>`,
    );
    const table = report.querySelector('msg-table')!;
    const reported = rangesReported(table);
    await settled(table);
    const params = { ...LAST_30_DAYS, kind: 'incoming', limit: '100' };
    const first = await mockAnswer<MessagesResponse>('messages', params);
    expect(first.total).to.be.greaterThan(600);
    await rowsShown(table);
    // The list asks for a page only when its virtualizer reports the rows it shows.
    await until(() => reported.length > 0, 'the rows shown reported');
    await idle();
    const pages = () => log.filter((call) => call.resource === 'messages').map((call) => call.params as MessagesParams);
    expect(table.rows, 'no page before scrolling').to.have.length(100);
    expect(pages().map((page) => page.cursor)).to.deep.equal([undefined]);
    const rowHeight = shadow(table).querySelector<HTMLElement>('.body [role="row"]')!.getBoundingClientRect().height;

    scroller(table).scrollTop = 40 * rowHeight;
    await until(() => table.rows.length === 200, 'the second page');
    expect(pages()[1]).to.deep.include({ cursor: first.nextCursor, limit: 100 });
    const second = await mockAnswer<MessagesResponse>('messages', { ...params, cursor: first.nextCursor! });
    expect(table.rows.slice(100)).to.deep.equal(second.rows);

    // Far down: pages follow one another until the rows on screen are held, then stop.
    scroller(table).scrollTop = 480 * rowHeight;
    await until(() => table.rows.length >= 600 && renderedRows(table).has(485), 'rows around 485');
    // Each page that lands may ask for the next at once: once none is in flight, paging has stopped.
    await idle();
    const expected = await allMockRows({ ...LAST_30_DAYS, kind: 'incoming' });
    expect(table.rows).to.deep.equal(expected.slice(0, table.rows.length));
    expect(table.rows.length, 'stops near the screen').to.be.lessThan(800);
    for (const [index, row] of renderedRows(table)) expect(row.id).to.equal(expected[index]!.id);
  });

  it('orders by time both ways from the Timestamp header, by mouse and keyboard', async () => {
    const { report, table } = await reportWith(html`<msg-table kind="outgoing"></msg-table>`);
    const header = () => shadow(table).querySelector('[role="columnheader"][aria-sort]')!;
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    scroller(table).scrollTop = 40 * 36;
    await until(() => renderedRows(table).has(40), 'rows around 40');
    shadow(table).querySelector<HTMLButtonElement>('[part~="sort"]')!.click();
    await settled(table);
    expect(scroller(table).scrollTop, 'the new order starts at its first row').to.equal(0);
    expect(header().getAttribute('aria-sort')).to.equal('ascending');
    expect(report.state.listOrder, "the report's state holds a person's order").to.deep.equal({ outgoing: 'asc' });
    expect(table.order, 'the input is untouched').to.equal('desc');
    const asc = await mockAnswer<MessagesResponse>('messages', { ...LAST_7_DAYS, kind: 'outgoing', order: 'asc', limit: '250' });
    expect(table.rows).to.deep.equal(asc.rows);
    expect(requests.at(-1)!.searchParams.get('order')).to.equal('asc');
    await rowsShown(table);
    expect(renderedRows(table).get(0)!.id).to.equal(asc.rows[0]!.id);

    const sort = shadow(table).querySelector<HTMLButtonElement>('[part~="sort"]')!;
    sort.focus();
    await sendKeys({ press: 'Enter' });
    await settled(table);
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    expect(shadow(table).activeElement, 'focus stays on the header').to.equal(shadow(table).querySelector('[part~="sort"]'));
    await sendKeys({ press: 'Space' });
    await settled(table);
    expect(header().getAttribute('aria-sort')).to.equal('ascending');
  });

  it("leads Data Export to the endpoint's own export when its capabilities advertise one; data-export-href overrides it", async () => {
    const { table } = await reportWith(html`<msg-table kind="incoming"></msg-table>`, { from: '2025-11-27', to: '2026-11-26' });
    const link = () => shadow(table).querySelector<HTMLAnchorElement>('a[part~="data-export"]');
    await until(() => link() !== null, 'the export link');
    expect(
      requests.filter((url) => url.pathname === '/api/capabilities'),
      'the capabilities, asked once',
    ).to.have.length(1);

    // The list's query, its language, and no paging: every row of it, as a download.
    const href = new URL(link()!.href);
    expect(href.pathname).to.equal('/api/export/messages');
    expect(Object.fromEntries(href.searchParams)).to.deep.equal({ ...YEAR, kind: 'incoming', order: 'desc', lang: 'es' });
    expect(link()!.hasAttribute('download')).to.equal(true);

    // The file begins with the table's own CSV of the rows it holds, byte for byte.
    const response = await fetch(href);
    expect(response.headers.get('content-disposition')).to.match(/^attachment; filename="mensajes-entrantes-2025-11-27_2026-11-26\.csv"/);
    const file = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const records = parseCsv(file);
    expect(records[0]).to.deep.equal(HEADERS_ES.incoming);
    expect(records.length - 1, 'every row, past the cap').to.equal(table.total);
    const held = parseCsv(await table.toCSV({ bom: true }));
    expect(records.slice(0, held.length)).to.deep.equal(held);

    const exported = nextEvent<MsgDataExportEvent>(table, 'msg-data-export');
    table.addEventListener('msg-data-export', (event) => event.preventDefault(), { once: true });
    link()!.click();
    expect((await exported).detail.href).to.equal(href.href);

    // The host's link wins, and is no download of the endpoint's.
    table.setAttribute('data-export-href', '/exports/new?kind=incoming');
    await table.updateComplete;
    expect(link()!.href).to.equal(new URL('/exports/new?kind=incoming', document.baseURI).href);
    expect(link()!.hasAttribute('download')).to.equal(false);
  });

  it('announces the 10,000-row cap with the true total, offers Data Export, and downloads exactly 10,000 rows', async () => {
    const { table } = await reportWith(html`<msg-table kind="incoming" data-export-href="/exports/new?kind=incoming"></msg-table>`, {
      from: '2025-11-27',
      to: '2026-11-26',
    });
    const answer = await mockAnswer<MessagesResponse>('messages', { ...YEAR, kind: 'incoming', limit: '1' });
    expect(answer.total, 'a query over the cap').to.be.greaterThan(10_000);
    const notice = shadow(table).querySelector('[part~="cap-notice"]')!;
    expect(notice.querySelector('p')!.textContent.trim()).to.equal(
      `Se muestran 10.000 de ${esCount(answer.total)} mensajes. La tabla de reportes genera un máximo de 10.000 filas; si necesita más datos, use Exportación de datos.`,
    );
    expect(shadow(table).querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal('10001');

    const link = notice.querySelector<HTMLAnchorElement>('a[part~="data-export"]')!;
    expect(link.href).to.equal(new URL('/exports/new?kind=incoming', document.baseURI).href);
    const exported = nextEvent<MsgDataExportEvent>(table, 'msg-data-export');
    table.addEventListener('msg-data-export', (event) => event.preventDefault(), { once: true });
    link.click();
    const { detail } = await exported;
    expect(detail).to.deep.equal({
      kind: 'incoming',
      order: 'desc',
      query: { ...YEAR, filters: {} },
      total: answer.total,
      cap: 10_000,
      href: link.href,
    });

    // A script URL never becomes a link: the action stays a button, and the host is told.
    const warning = nextEvent<MsgErrorEvent>(table, 'msg-error');
    table.setAttribute('data-export-href', ' javascript:alert(1)');
    expect((await warning).detail).to.include({ source: 'input', severity: 'warning' });
    expect(shadow(table).querySelector('a[part~="data-export"]')).to.equal(null);
    expect(shadow(table).querySelector('button[part~="data-export"]')).to.not.equal(null);

    const progress: number[] = [];
    const csv = await table.toCSV({ onProgress: (loaded) => progress.push(loaded) });
    const records = parseCsv(csv);
    expect(records).to.have.length(10_001);
    expect(records[0]).to.deep.equal(HEADERS_ES.incoming);
    expect(table.rows).to.have.length(10_000);
    expect(progress.at(-1)).to.equal(10_000);
    expect(records[10_000]![0]).to.equal(isoMx(table.rows[9_999]!.timestamp));
    const last = await mockAnswer<MessagesResponse>('messages', { ...YEAR, kind: 'incoming', limit: '1', order: 'asc' });
    expect(
      table.rows.some((row) => row.id === last.rows[0]!.id),
      'the oldest message is beyond the cap',
    ).to.equal(false);
  });

  it('builds the CSV it downloads from every row of the query: headers, cells, offsets, BOM, file name', async () => {
    const { table } = await reportWith(html`<msg-table kind="outgoing" page-size="100"></msg-table>`);
    const rows = await allMockRows({ ...LAST_7_DAYS, kind: 'outgoing' });
    expect(rows.length, 'more than one page').to.be.greaterThan(100);
    const csv = await table.toCSV();
    expect(parseCsv(csv)).to.deep.equal([
      HEADERS_ES.outgoing,
      ...rows.map((row) => expectedCells(row, 'outgoing', isoMx).map(neutralised)),
    ]);
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(table.csvFileName).to.equal('mensajes-salientes-2026-11-20_2026-11-26.csv');

    const blob = await table.csvBlob();
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 BOM').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(`\uFEFF${csv}`);

    // The Download button saves that same file through a temporary object URL.
    const clicks: { href: string; download: string }[] = [];
    const restoreClick = stub(HTMLAnchorElement.prototype, 'click', function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    try {
      shadow(table).querySelector<HTMLButtonElement>('[part~="download"]')!.click();
      await until(() => clicks.length === 1, 'the download');
    } finally {
      restoreClick();
    }
    expect(clicks[0]!.download).to.equal('mensajes-salientes-2026-11-20_2026-11-26.csv');
    expect(clicks[0]!.href.startsWith('blob:')).to.equal(true);
    const saved = new Uint8Array(await (await fetch(clicks[0]!.href)).arrayBuffer());
    expect(saved).to.deep.equal(bytes);
  });

  it('shows progress while fetching rows for the CSV, and cancels', async () => {
    const calls: MessagesParams[] = [];
    const source = memorySource(syntheticRows(5000), { calls });
    // Pages after the second wait for the test, so the download is surely mid-way when cancelled.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let attempts = 0;
    const answers: Promise<unknown>[] = [];
    const slow: ReportDataSource = {
      ...source,
      messages: (params, options) => {
        attempts += 1;
        const answer = (attempts > 2 ? gate : Promise.resolve()).then(() => source.messages(params, options));
        answers.push(answer.catch(() => undefined));
        return answer;
      },
    };
    const table = await fixture<MsgTable>(html`<msg-table .dataSource=${slow} timezone=${ZONE} now=${NOW}></msg-table>`);
    await settled(table);
    shadow(table).querySelector<HTMLButtonElement>('[part~="download"]')!.click();
    await until(() => shadow(table).querySelector('[part~="progress"] progress')?.getAttribute('max') === '5000', 'progress');
    const progress = shadow(table).querySelector('[part~="progress"]')!;
    expect(progress.textContent).to.match(/Preparando el CSV: \d+ de 5000 filas…/);
    expect(shadow(table).querySelector<HTMLButtonElement>('[part~="download"]')!.disabled).to.equal(true);
    await expect(table).to.be.accessible();
    progress.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await table.updateComplete;
    expect(shadow(table).querySelector('[part~="progress"]')).to.equal(null);
    const attemptsAtCancel = attempts;
    expect(table.rows).to.have.length(1250);
    expect(calls.map((call) => call.limit)).to.deep.equal([250, 1000]);
    // The page in flight at the cancel lands (and is kept); none follows it.
    release();
    await Promise.all(answers);
    await table.updateComplete;
    expect(attempts, 'no page requested after cancel').to.equal(attemptsAtCancel);

    const aborted = new AbortController();
    const pending = table.toCSV({ signal: aborted.signal });
    aborted.abort();
    let failure: unknown;
    await pending.catch((error: unknown) => (failure = error));
    expect((failure as DOMException).name).to.equal('AbortError');
    const csv = await table.toCSV();
    expect(parseCsv(csv)).to.have.length(5001);
  });

  it('renders hostile data as text and neutralises it in the CSV', async () => {
    const worker = await startMocks();
    worker.use(...createHandlers({ baseUrl: '/api', dataset: generateDataset({ seed: 7, end: Date.parse(NOW), hostile: true }) }));
    try {
      const { all } = await reportWith(html`<msg-table kind="incoming"></msg-table><msg-table kind="failed"></msg-table>`, {
        preset: 'last_30_days',
      });
      for (const table of all) {
        // Only rows in the viewport exist: bring each list into it.
        table.scrollIntoView();
        await rowsShown(table);
        const kind = table.kind;
        const rows = await allMockRows({ ...LAST_30_DAYS, kind });
        expect(shadow(table).querySelector('.body img, .body script, .body svg, .body b, a[href^="javascript"]')).to.equal(null);
        const cells = [...renderedRows(table).values()].flatMap((row) => row.cells);
        expect(
          cells.some((text) => text.includes('<')),
          'markup shows as text',
        ).to.equal(true);

        const records = parseCsv(await table.toCSV());
        const expected = rows.map((row) => expectedCells(row, kind, isoMx).map(neutralised));
        expect(records.slice(1)).to.deep.equal(expected);
        const formulas = rows.flatMap((row) => expectedCells(row, kind, isoMx)).filter((text) => FORMULA_START.test(text));
        expect(formulas.length, 'the data set has formula-like strings').to.be.greaterThan(0);
        expect(
          records.flat().filter((text) => FORMULA_START.test(text)),
          'no cell starts a formula',
        ).to.deep.equal([]);
      }
      await expect(all[0]!).to.be.accessible();
    } finally {
      worker.resetHandlers();
    }
  });

  it('truncates long content with the full text in a title and a keyboard-operable “show all”', async () => {
    const long = `${'Línea larga sin fin '.repeat(300)}FIN`;
    const rows = syntheticRows(3, (i) => (i === 0 ? long : i === 1 ? 'dos\nlíneas' : 'corto'));
    const table = await fixture<MsgTable>(html`<msg-table .dataSource=${memorySource(rows)} timezone=${ZONE} now=${NOW}></msg-table>`);
    await settled(table);
    await rowsShown(table);
    const cell = () => shadow(table).querySelector('[data-id="m_0"] .content')!;
    const text = () => cell().querySelector<HTMLElement>('.text')!;
    expect(text().textContent.length).to.be.lessThan(long.length);
    expect(text().title).to.equal(long);
    expect(shadow(table).querySelector('[data-id="m_1"] [part~="expand"]'), 'a line break also folds').to.not.equal(null);
    expect(shadow(table).querySelector('[data-id="m_2"] [part~="expand"]')).to.equal(null);
    const toggle = cell().querySelector<HTMLButtonElement>('[part~="expand"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await table.updateComplete;
    await frame();
    expect(cell().querySelector('[part~="expand"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(text().textContent).to.equal(long);
  });

  it('lays rows out by one height, moves the rows below an expanded one down, and keeps a focused row while it scrolls away', async () => {
    const long = `${'Línea larga sin fin '.repeat(300)}FIN`;
    const rows = syntheticRows(500, (i) => (i === 1 ? long : `Mensaje ${i}`));
    const table = await fixture<MsgTable>(html`<msg-table .dataSource=${memorySource(rows)} timezone=${ZONE} now=${NOW}></msg-table>`);
    await settled(table);
    const row = (id: string) => shadow(table).querySelector<HTMLElement>(`.body [data-id="${id}"]`)!;
    const box = (id: string) => row(id).getBoundingClientRect();
    await until(() => box('m_1').height > 0, 'layout');
    expect(box('m_1').top - box('m_0').top).to.equal(box('m_0').height);
    expect(box('m_2').top - box('m_1').top).to.equal(box('m_0').height);

    row('m_1').querySelector<HTMLButtonElement>('[part~="expand"]')!.click();
    await table.updateComplete;
    await until(() => box('m_1').height > 3 * box('m_0').height, 'the expanded row');
    await until(() => box('m_2').top === box('m_1').bottom, 'the next row below it');
    expect(box('m_3').top).to.equal(box('m_2').bottom);

    // Focus on a contact button: scrolled far away, its row stays (and stays focused); others are reused.
    const contact = row('m_5').querySelector<HTMLButtonElement>('[part~="contact"]')!;
    contact.focus();
    scroller(table).scrollTop = 400 * 36;
    await until(() => [...renderedRows(table).keys()].some((index) => index > 300), 'rows past 300');
    expect(shadow(table).activeElement).to.equal(contact);
    expect(row('m_5')).to.equal(contact.closest('[role="row"]'));
    const indexes = [...shadow(table).querySelectorAll<HTMLElement>('.body [role="row"]')].map((element) =>
      Number(element.getAttribute('aria-rowindex')),
    );
    expect(indexes, 'rows in reading order').to.deep.equal([...indexes].sort((a, b) => a - b));
  });

  it('fires msg-contact-select from contact cells, by click and keyboard', async () => {
    const { report, table } = await reportWith(html`<msg-table kind="incoming"></msg-table>`);
    await rowsShown(table);
    const first = table.rows[0]!;
    const name = shadow(table).querySelector<HTMLButtonElement>(`[data-id="${first.id}"] [aria-colindex="3"] [part~="contact"]`)!;
    expect(name.textContent.trim()).to.equal(first.contact.name);
    const clicked = nextEvent<MsgContactSelectEvent>(report, 'msg-contact-select');
    name.click();
    expect((await clicked).detail).to.deep.equal({ contact: first.contact, rowId: first.id, kind: 'incoming' });

    const id = shadow(table).querySelector<HTMLButtonElement>(`[data-id="${first.id}"] [aria-colindex="2"] [part~="contact"]`)!;
    id.focus();
    const typed = nextEvent<MsgContactSelectEvent>(document, 'msg-contact-select');
    await sendKeys({ press: 'Enter' });
    expect((await typed).detail.contact.id).to.equal(first.contact.id);
  });

  it('groups the failed log by error code over every row of the query', async () => {
    const { table } = await reportWith(html`<msg-table kind="failed" page-size="10"></msg-table>`, { preset: 'last_month' });
    const rows = await allMockRows({ ...LAST_MONTH, kind: 'failed' });
    expect(rows.length, 'more failures than one page').to.be.greaterThan(10);
    const toggle = shadow(table).querySelector<HTMLButtonElement>('[part~="group-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await until(() => shadow(table).querySelector('[part~="groups"]') !== null, 'the summary');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.error!.code, (counts.get(row.error!.code) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, count]) => [code, esCount(count)]);
    const shown = [...shadow(table).querySelectorAll('[part~="groups"] tbody tr')].map((tr) => [
      tr.querySelector('th')!.textContent.trim(),
      tr.querySelectorAll('td')[1]!.textContent.trim(),
    ]);
    expect(shown).to.deep.equal(expected);
    const undeliverable = shadow(table).querySelector('[part~="groups"] tr[data-code="131026"] td')!;
    expect(undeliverable.querySelector('ul')!.textContent.trim(), 'the provider’s own words').to.equal('Message undeliverable');
    expect(undeliverable.querySelector('[part~="error-explanation"]')!.textContent.trim(), 'what the code means').to.equal(
      'El número no puede recibir mensajes de WhatsApp (no lo usa o su app es antigua).',
    );
    expect(shadow(table).querySelector('.groups-scope')!.textContent.trim()).to.equal(
      `Contados sobre los ${esCount(rows.length)} mensajes fallidos de la consulta.`,
    );
    await expect(table).to.be.accessible();
    toggle.click();
    await table.updateComplete;
    expect(shadow(table).querySelector('[part~="groups"]')).to.equal(null);
  });

  it('shows loading, empty, error-with-retry, not-applicable and invalid states, each passing axe', async () => {
    const worker = await startMocks();
    const { table } = await reportWith(html`<msg-table kind="outgoing"></msg-table>`);
    await rowsShown(table);
    await expect(table).to.be.accessible();

    worker.use(...loadingHandlers('/api'));
    const loading = await fixture<MsgTable>(html`<msg-table endpoint="/api" timezone=${ZONE} now=${NOW} preset="yesterday"></msg-table>`);
    await loading.updateComplete;
    expect(statePart(loading)).to.equal('loading');
    await expect(loading).to.be.accessible();
    loading.remove();

    worker.resetHandlers();
    worker.use(...emptyHandlers('/api'));
    const empty = await fixture<MsgTable>(html`<msg-table endpoint="/api" timezone=${ZONE} now=${NOW} kind="failed"></msg-table>`);
    await settled(empty);
    expect(statePart(empty)).to.equal('empty');
    await expect(empty).to.be.accessible();

    worker.resetHandlers();
    worker.use(...errorHandlers('/api', 400));
    const failing = document.createElement('msg-table');
    Object.assign(failing, { endpoint: '/api', timezone: ZONE, now: NOW, preset: 'last_month' });
    const errorEvent = nextEvent<MsgErrorEvent>(document, 'msg-error');
    (await fixture<HTMLElement>(html`<div></div>`)).append(failing);
    expect((await errorEvent).detail.source).to.equal('request');
    await settled(failing);
    expect(statePart(failing)).to.equal('error');
    await expect(failing).to.be.accessible();
    worker.resetHandlers();
    shadow(failing).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await settled(failing);
    expect(statePart(failing)).to.equal(undefined);
    expect(failing.rows.length).to.be.greaterThan(0);

    resetRequests();
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} .filters=${{ source: ['bot'] }}>
        <msg-table kind="incoming"></msg-table><msg-table kind="outgoing"></msg-table>
      </msg-report>`,
    );
    const [incoming, outgoing] = [...report.querySelectorAll('msg-table')];
    await settled(outgoing!);
    expect(statePart(incoming!)).to.equal('not-applicable');
    expect(shadow(incoming!).querySelector('.state')!.textContent.trim()).to.equal(
      'Los filtros seleccionados no son aplicables aquí: Origen del mensaje saliente.',
    );
    expect(requests.filter((url) => url.searchParams.get('kind') === 'incoming')).to.have.length(0);
    expect(outgoing!.rows.every((row) => row.source === 'bot')).to.equal(true);
    await expect(incoming!).to.be.accessible();

    const invalid = await fixture<MsgTable>(html`<msg-table endpoint="/api" kind="sent" page-size="5000"></msg-table>`);
    await invalid.updateComplete;
    expect(statePart(invalid)).to.equal('error invalid');
    expect(shadow(invalid).querySelector('.state')!.textContent).to.contain('el atributo kind no puede ser «sent»');
    expect(shadow(invalid).querySelector('.state')!.textContent).to.contain('el atributo page-size no puede ser «5000»');
    await expect(invalid).to.be.accessible();
  });

  it('keeps its rows when a later page fails, says so, and retries from the same cursor', async () => {
    const calls: MessagesParams[] = [];
    const source = memorySource(syntheticRows(600), { calls });
    let fail = true;
    const flaky: ReportDataSource = {
      ...source,
      messages: (params, options) => (params.cursor && fail ? Promise.reject(new Error('boom')) : source.messages(params, options)),
    };
    const table = await fixture<MsgTable>(html`<msg-table .dataSource=${flaky} timezone=${ZONE} now=${NOW} page-size="100"></msg-table>`);
    await settled(table);
    await rowsShown(table);
    const errorEvent = nextEvent<MsgErrorEvent>(table, 'msg-error');
    scroller(table).scrollTop = 50 * 36;
    expect((await errorEvent).detail.source).to.equal('request');
    await until(() => shadow(table).querySelector('[part~="load-error"]') !== null, 'the page error');
    expect(table.rows).to.have.length(100);
    await expect(table).to.be.accessible();
    fail = false;
    shadow(table).querySelector<HTMLButtonElement>('[part~="load-error"] [part~="retry"]')!.click();
    await until(() => table.rows.length >= 200, 'the retried page');
    expect(calls.at(-1)!.cursor).to.equal('100');
    expect(table.rows.map((row) => row.id).slice(98, 102)).to.deep.equal(['m_98', 'm_99', 'm_100', 'm_101']);
    await table.updateComplete;
    expect(shadow(table).querySelector('[part~="load-error"]')).to.equal(null);
  });

  it('aborts its requests when removed, and fetches again when put back', async () => {
    const signals: AbortSignal[] = [];
    const source = {
      messages: (_: MessagesParams, options?: { signal?: AbortSignal }) => {
        signals.push(options!.signal!);
        return new Promise<MessagesResponse>(() => {});
      },
    } as unknown as ReportDataSource;
    const report = await fixture<MsgReport>(
      html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}><msg-table></msg-table></msg-report>`,
    );
    const table = report.querySelector('msg-table')!;
    await table.updateComplete;
    expect(signals).to.have.length(1);
    table.remove();
    expect(signals[0]!.aborted).to.equal(true);
    report.append(table);
    await table.updateComplete;
    expect(signals).to.have.length(2);
    expect(statePart(table)).to.equal('loading');
  });

  it('renders a 10,000-row table with a small DOM that stays flat, down to its last row (speed is npm run bench’s)', async () => {
    const rows = syntheticRows(10_000);
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const table = document.createElement('msg-table');
    Object.assign(table, { dataSource: memorySource(rows, { pageAll: true }), timezone: ZONE, now: NOW });
    host.append(table);
    await settled(table);
    // The first screen is there as soon as the answer is rendered: no frame, no measuring pass.
    expect(renderedRows(table).size, 'rows in the same update').to.be.greaterThan(10);
    expect(table.rows).to.have.length(10_000);
    const root = shadow(table);
    const nodes = () => {
      let count = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) count++;
      return count;
    };
    const body = root.querySelector('.body')!;
    const perRow = (body.querySelectorAll('*').length + countTextAndComments(body)) / body.children.length;
    expect(perRow, 'nodes per row (row, 5 cells, their text, 2 contact buttons, the content span)').to.be.at.most(15);
    expect(nodes(), 'nodes at the top').to.be.at.most(600);
    const atTop = nodes();

    // Scrolling through, row by row and by leaps, leaves no node behind.
    for (const fraction of [0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 1]) {
      scroller(table).scrollTop = fraction * scroller(table).scrollHeight;
      await frame();
    }
    await until(() => renderedRows(table).has(9_999), 'the last row');
    expect(renderedRows(table).get(9_999)!.id).to.equal('m_9999');
    expect(nodes(), 'nodes at the end').to.be.at.most(atTop + 15);
    expect(countComments(body), 'no template markers in the body').to.equal(0);
    await expect(table).to.be.accessible();
  });
});
