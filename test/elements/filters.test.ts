import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { createHandlers } from '../../mock/handlers.js';
import { generateDataset } from '../../reference/dataset/index.js';
import '../../src/index.js';
import { ReportClient } from '../../src/core/client/client.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type { Filters, OptionsParams, OptionsResponse } from '../../src/core/contract/types.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgReportFilters } from '../../src/elements/filters/report-filters.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import { NOW, ZONE, countingSource, mockAnswer, requests, resetRequests, settled, startMocks, stub } from './helpers.js';

// NOW is 26 Nov 2026 12:00 in Mexico City (−06:00 all year): every local midnight is 06:00Z.
const EXPECTED: Record<string, { from: string; to: string }> = {
  today: { from: '2026-11-26T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z' },
  yesterday: { from: '2026-11-25T06:00:00.000Z', to: '2026-11-26T06:00:00.000Z' },
  last_7_days: { from: '2026-11-20T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z' },
  last_14_days: { from: '2026-11-13T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z' },
  last_30_days: { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z' },
  this_month: { from: '2026-11-01T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z' },
  last_month: { from: '2026-10-01T06:00:00.000Z', to: '2026-11-01T06:00:00.000Z' },
};

const tick = () => new Promise((resolve) => setTimeout(resolve));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  report: MsgReport;
  filters: MsgReportFilters;
  charts: MsgBreakdownChart[];
  /** Every `msg-state-change` of the report since setup. */
  changes: MsgStateChangeEvent['detail'][];
  /** Every change the filters asked of the report's store since setup. */
  requested: unknown[];
}

async function setup(
  options: {
    lang?: string;
    preset?: string;
    filters?: Filters;
    charts?: boolean;
    endpoint?: string;
    dataSource?: ReportDataSource;
    /** Keep the requests made while loading (by default they are forgotten). */
    keepRequests?: boolean;
  } = {},
): Promise<Setup> {
  const report = await fixture<MsgReport>(
    html`<msg-report
      endpoint=${options.dataSource ? nothing : (options.endpoint ?? '/api')}
      .dataSource=${options.dataSource}
      timezone=${ZONE}
      now=${NOW}
      lang=${options.lang ?? 'en'}
      preset=${options.preset ?? 'last_7_days'}
      .filters=${options.filters ?? {}}
    >
      <msg-report-filters></msg-report-filters>
      ${
        options.charts
          ? html`<msg-breakdown-chart direction="outgoing" group-by="source" show="metrics"></msg-breakdown-chart>
              <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics"></msg-breakdown-chart>`
          : nothing
      }
    </msg-report>`,
  );
  const filters = report.querySelector('msg-report-filters')!;
  const charts = [...report.querySelectorAll('msg-breakdown-chart')];
  await filters.updateComplete;
  for (const chart of charts) await settled(chart);
  const changes: Setup['changes'] = [];
  const requested: Setup['requested'] = [];
  report.addEventListener('msg-state-change', (event) => changes.push(event.detail));
  const change = report.store.change.bind(report.store);
  report.store.change = (input, cause) => {
    requested.push(input);
    change(input, cause);
  };
  if (!options.keepRequests) resetRequests();
  return { report, filters, charts, changes, requested };
}

/** Waits until a change went through the report, every chart and the filters. */
async function settle({ report, filters, charts }: Pick<Setup, 'report' | 'filters' | 'charts'>): Promise<void> {
  await report.updateComplete;
  await filters.updateComplete;
  for (const chart of charts) await settled(chart);
  await tick();
  await filters.updateComplete;
}

const $ = (filters: MsgReportFilters, selector: string) => filters.shadowRoot!.querySelector<HTMLElement>(selector)!;
/** `$` for an element of a known kind: fails the test when it is another. */
function $as<T extends HTMLElement>(filters: MsgReportFilters, selector: string, type: new () => T): T {
  const element = $(filters, selector);
  if (!(element instanceof type)) throw new Error(`${selector} is a <${element.localName}>, not a ${type.name}`);
  return element;
}
const $$ = <T extends HTMLElement = HTMLElement>(filters: MsgReportFilters, selector: string) => [
  ...filters.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (element: Element | null) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const focused = (filters: MsgReportFilters) => filters.shadowRoot!.activeElement;
const isOpen = (filters: MsgReportFilters, name: 'range' | 'add') => $(filters, `#${name}-popup`).matches(':popover-open');
const chips = (filters: MsgReportFilters) => $$(filters, '[part~="chip"]').map((chip) => text(chip.querySelector('.chip-value')));
const optionLabels = (filters: MsgReportFilters) => $$(filters, '#options [role="option"]').map((option) => option.textContent.trim());
const breakdownRequests = () => requests.filter((url) => url.pathname.endsWith('/breakdown'));
const optionRequests = (field: string) => requests.filter((url) => url.pathname.endsWith(`/options/${field}`));

/** Opens "Add filter" and the picker of the field at `index` in the menu; waits for its first list. */
async function openPicker(filters: MsgReportFilters, index: number): Promise<void> {
  $(filters, '#add-button').click();
  await filters.updateComplete;
  $$(filters, '[role="menuitem"]')[index]!.click();
  await filters.updateComplete;
  await waitFor(() => {
    const status = filters.shadowRoot!.querySelector('[part~="status"]');
    return status !== null && !text(status).includes('…');
  });
}

async function waitFor(condition: () => unknown, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await wait(20);
  }
}

function setDates(filters: MsgReportFilters, from: string, to: string): void {
  for (const [id, value] of [
    ['#from', from],
    ['#to', to],
  ] as const) {
    const input = $as(filters, id, HTMLInputElement);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

describe('<msg-report-filters>', () => {
  before(startMocks);
  beforeEach(resetRequests);

  // First in this file: the value picker's and the custom range form's code is not loaded yet.
  it('loads its pickers on first use: a held custom range shows with its form, "Add filter" never opens empty', async () => {
    const report = document.createElement('msg-report');
    for (const [name, value] of Object.entries({
      endpoint: '/api',
      timezone: ZONE,
      now: NOW,
      lang: 'en',
      from: '2026-11-02',
      to: '2026-11-20',
    })) {
      report.setAttribute(name, value);
    }
    const filters = report.appendChild(document.createElement('msg-report-filters'));
    document.body.append(report);
    try {
      // Every render the row of the range shows in, the custom range's form is there too.
      const rangeRenders: boolean[] = [];
      const emptyOpenings: number[] = [];
      const observer = new MutationObserver(() => {
        const root = filters.shadowRoot!;
        if (root.querySelector('[part~="range"]')) rangeRenders.push(root.querySelector('[part~="custom-range"]') !== null);
        const add = root.querySelector('#add-button');
        if (add?.getAttribute('aria-expanded') === 'true' && root.querySelectorAll('[role="menuitem"]').length === 0) emptyOpenings.push(1);
      });
      observer.observe(filters.shadowRoot!, { childList: true, subtree: true, attributes: true });
      await filters.updateComplete;
      expect(rangeRenders.length).to.be.above(0);
      expect(rangeRenders.every(Boolean), 'never the row without its form').to.equal(true);
      expect($as(filters, '#from', HTMLInputElement).value).to.equal('2026-11-02');

      const add = $(filters, '#add-button');
      add.focus();
      await sendKeys({ press: 'ArrowDown' });
      await filters.updateComplete;
      observer.disconnect();
      expect(isOpen(filters, 'add')).to.equal(true);
      expect(emptyOpenings, 'never open without its menu').to.deep.equal([]);
      expect(focused(filters), 'focus on the first field').to.equal($$(filters, '[role="menuitem"]')[0]);
    } finally {
      report.remove();
    }
  });

  it('shows the range, the days it covers and the report’s time zone, in the report’s language', async () => {
    const { report, filters } = await setup({ lang: 'es' });
    const day = (iso: string, locale: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${iso}T12:00:00Z`));
    expect(text($(filters, '#range-label'))).to.equal('Frecuencia y fecha');
    expect(text($(filters, '#range-combo'))).to.equal('Últimos 7 días');
    expect(text($(filters, '[part~="range-days"]'))).to.equal(`${day('2026-11-20', 'es')} – ${day('2026-11-26', 'es')}`);
    expect(text($(filters, '[part~="zone"]'))).to.equal('Zona horaria: America/Mexico_City');
    expect(text($(filters, '#add-button'))).to.equal('Agregar filtro');
    expect(text($(filters, '[part~="clear"]'))).to.equal('Borrar todo');

    report.lang = 'pt';
    await settle({ report, filters, charts: [] });
    expect(text($(filters, '#range-combo'))).to.equal('Últimos 7 dias');
    expect(text($(filters, '[part~="zone"]'))).to.equal('Fuso horário: America/Mexico_City');
    expect(text($(filters, '#add-button'))).to.equal('Adicionar filtro');
  });

  it('sets the report’s query from each preset: one change, one state change, one request per chart', async () => {
    const context = await setup({ charts: true });
    const { report, filters, changes, requested } = context;
    let count = 0;
    // The report starts on last_7_days; the client caches answers, so each preset is visited once.
    for (const preset of ['yesterday', 'last_14_days', 'this_month', 'last_month', 'today', 'last_30_days']) {
      resetRequests();
      $(filters, '#range-combo').click();
      await filters.updateComplete;
      expect(isOpen(filters, 'range'), 'the list opens').to.equal(true);
      $(filters, `#range-option-${preset}`).click();
      await settle(context);
      count += 1;
      expect(isOpen(filters, 'range'), 'and closes').to.equal(false);
      expect(requested, preset).to.have.length(count);
      expect(requested.at(-1)).to.deep.equal({ range: { preset } });
      expect(changes, preset).to.have.length(count);
      expect(changes.at(-1)).to.include({ preset });
      expect(report.store.state.query).to.deep.include({ ...EXPECTED[preset], tz: ZONE });
      const sent = breakdownRequests();
      expect(sent, `${preset}: one request per chart`).to.have.length(2);
      for (const url of sent) {
        expect(url.searchParams.get('from')).to.equal(EXPECTED[preset]!.from);
        expect(url.searchParams.get('to')).to.equal(EXPECTED[preset]!.to);
      }
    }
    // Choosing the preset already shown changes nothing.
    $(filters, '#range-combo').click();
    await filters.updateComplete;
    $(filters, '#range-option-last_30_days').click();
    await settle(context);
    expect(changes).to.have.length(count);
    expect(requested).to.have.length(count);
  });

  it('is a select-only combobox: Enter opens, arrows move, Enter picks, Escape closes, focus stays', async () => {
    const context = await setup();
    const { report, filters, changes } = context;
    const combo = $(filters, '#range-combo');
    combo.focus();
    await sendKeys({ press: 'Enter' });
    await filters.updateComplete;
    expect(combo.getAttribute('aria-expanded')).to.equal('true');
    expect(isOpen(filters, 'range')).to.equal(true);
    expect(combo.getAttribute('aria-activedescendant')).to.equal('range-option-last_7_days');
    expect($(filters, '#range-option-last_7_days').getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await filters.updateComplete;
    expect(combo.getAttribute('aria-activedescendant')).to.equal('range-option-last_14_days');
    await sendKeys({ press: 'Escape' });
    await settle(context);
    expect(combo.getAttribute('aria-expanded')).to.equal('false');
    expect(combo.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(isOpen(filters, 'range')).to.equal(false);
    expect(focused(filters)).to.equal(combo);
    expect(changes, 'Escape changes nothing').to.have.length(0);

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await filters.updateComplete;
    expect(combo.getAttribute('aria-activedescendant')).to.equal('range-option-yesterday');
    await sendKeys({ press: 'Enter' });
    await settle(context);
    expect(isOpen(filters, 'range')).to.equal(false);
    expect(focused(filters)).to.equal(combo);
    expect(changes).to.have.length(1);
    expect(report.store.state.query).to.deep.include(EXPECTED.yesterday!);
    expect(text(combo)).to.equal('Yesterday');

    // Home and End jump; a typed letter finds an option.
    await sendKeys({ press: 'End' });
    await filters.updateComplete;
    expect(combo.getAttribute('aria-activedescendant')).to.equal('range-option-custom');
    await sendKeys({ press: 'Home' });
    await filters.updateComplete;
    expect(combo.getAttribute('aria-activedescendant')).to.equal('range-option-today');
    await sendKeys({ type: 'th' });
    await filters.updateComplete;
    expect(combo.getAttribute('aria-activedescendant')).to.equal('range-option-this_month');
    await sendKeys({ press: ' ' });
    await settle(context);
    expect(changes).to.have.length(2);
    expect(report.store.state.query).to.deep.include(EXPECTED.this_month!);
  });

  it('validates a custom range next to its inputs and applies nothing until it is valid', async () => {
    const context = await setup();
    const { report, filters, changes, requested } = context;
    const combo = $(filters, '#range-combo');
    combo.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await settle(context);
    expect(text(combo)).to.equal('Custom range');
    expect(focused(filters)).to.equal($(filters, '#from'));
    expect($as(filters, '#from', HTMLInputElement).value).to.equal('2026-11-20');
    expect($as(filters, '#to', HTMLInputElement).value).to.equal('2026-11-26');
    expect(requested, 'choosing Custom range applies nothing yet').to.have.length(0);

    const error = () => text($(filters, '#range-error'));
    const invalid = () => [$(filters, '#from').getAttribute('aria-invalid'), $(filters, '#to').getAttribute('aria-invalid')];
    const apply = async () => {
      $(filters, '[part~="apply"]').click();
      await settle(context);
    };

    setDates(filters, '2026-11-20', '2026-11-10');
    await apply();
    expect(error()).to.equal('The start day must be on or before the end day.');
    expect(invalid()).to.deep.equal(['true', 'true']);
    expect($(filters, '#from').getAttribute('aria-describedby')).to.equal('from-day range-error');

    setDates(filters, '2025-11-24', '2026-11-25');
    await apply();
    expect(error()).to.equal('The range spans 367 days; choose at most 366.');

    setDates(filters, '2026-11-27', '2026-11-28');
    await apply();
    expect(error()).to.equal('The start day is after today (Nov 26, 2026); choose a day up to today.');
    expect(invalid()).to.deep.equal(['true', 'false']);

    setDates(filters, '', '2026-11-28');
    await apply();
    expect(error()).to.equal('Enter both days.');
    expect(focused(filters)).to.equal($(filters, '#from'));

    expect(requested, 'nothing was asked of the report').to.have.length(0);
    expect(changes, 'and its state never changed').to.have.length(0);
    expect(report.store.state.range).to.deep.equal({ preset: 'last_7_days' });
    expect(breakdownRequests()).to.have.length(0);

    // Fixing the input clears the message as the user types; Apply then applies once.
    setDates(filters, '2026-11-01', '2026-11-15');
    await filters.updateComplete;
    expect(error()).to.equal('');
    expect(invalid()).to.deep.equal(['false', 'false']);
    await apply();
    expect(requested).to.deep.equal([{ range: { from: '2026-11-01', to: '2026-11-15' } }]);
    expect(changes).to.have.length(1);
    expect(changes[0]).to.include({ from: '2026-11-01', to: '2026-11-15' });
    expect(report.store.state.query).to.deep.include({ from: '2026-11-01T06:00:00.000Z', to: '2026-11-16T06:00:00.000Z' });
    expect(text(combo)).to.equal('Custom range');
    expect(filters.shadowRoot!.querySelector('[part~="cancel"]'), 'nothing left to cancel').to.equal(null);
  });

  it('adds values through a debounced search of /options, equal to the mock’s answer, as chips with names', async () => {
    const counting = countingSource();
    const context = await setup({ charts: true, dataSource: counting.source });
    const { filters, changes, report } = context;
    await openPicker(filters, 0);
    expect(text($(filters, '#picker-title'))).to.equal('Channel');
    expect(focused(filters)).to.equal($(filters, '#search'));
    resetRequests();

    // Five keystrokes within one task, so the debounce sees them as one burst however busy the machine.
    const search = $as(filters, '#search', HTMLInputElement);
    for (const typed of ['w', 'wh', 'wha', 'what', 'whats']) {
      search.value = typed;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    counting.reset();
    // Every update the keystrokes caused has run, and every task it started has called the data source.
    await filters.updateComplete;
    await tick();
    expect(counting.calls.options, 'nothing sent while typing').to.equal(0);
    await waitFor(() => optionRequests('channel').length > 0);
    await waitFor(() => !text($(filters, '[part~="status"]')).includes('…'));
    const sent = optionRequests('channel');
    expect(sent, 'one request for the whole word').to.have.length(1);
    expect(sent[0]!.searchParams.get('q')).to.equal('whats');
    const answer = await mockAnswer<OptionsResponse>('options/channel', { q: 'whats', limit: '50' });
    expect(answer.options.length).to.be.greaterThan(1);
    expect(optionLabels(filters)).to.deep.equal(answer.options.map((option) => option.label));
    expect(text($(filters, '[part~="status"]'))).to.equal(`Matches: ${answer.options.length}.`);

    resetRequests();
    await sendKeys({ press: 'ArrowDown' });
    await filters.updateComplete;
    expect(search.getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'Enter' });
    await settle(context);
    const [first, second] = answer.options;
    expect(changes).to.have.length(1);
    expect(report.store.state.filters).to.deep.equal({ channel: [first!.value] });
    expect(breakdownRequests(), 'one request per chart').to.have.length(2);
    expect($(filters, '#option-0').getAttribute('aria-selected')).to.equal('true');
    expect(chips(filters)).to.deep.equal([first!.label]);
    expect($(filters, '[part~="chip-remove"]').getAttribute('aria-label')).to.equal(`Remove Channel: ${first!.label}`);

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(context);
    expect(changes).to.have.length(2);
    expect(report.store.state.filters).to.deep.equal({ channel: [first!.value, second!.value] });
    expect(chips(filters)).to.deep.equal([first!.label, second!.label]);

    // Enter on a selected value removes it.
    await sendKeys({ press: 'Enter' });
    await settle(context);
    expect(changes).to.have.length(3);
    expect(report.store.state.filters).to.deep.equal({ channel: [first!.value] });
    expect(isOpen(filters, 'add'), 'the picker stays open for more values').to.equal(true);
  });

  it('aborts a search that a newer one made stale', async () => {
    const client = new ReportClient({ endpoint: '/api', baseUrl: location.href });
    const calls: { q: string | undefined; signal: AbortSignal }[] = [];
    const slow: ReportDataSource = {
      breakdown: (params, options) => client.breakdown(params, options),
      delivery: (params, options) => client.delivery(params, options),
      messages: (params, options) => client.messages(params, options),
      async options(params: OptionsParams, options) {
        calls.push({ q: params.q, signal: options!.signal! });
        // The first search answers only when aborted, so the next one surely starts while it is in flight.
        const signal = options!.signal!;
        if (params.q === 'w') await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        return client.options(params, options);
      },
    };
    const { filters } = await setup({ dataSource: slow });
    await openPicker(filters, 0);
    await sendKeys({ type: 'w' });
    await waitFor(() => calls.some((call) => call.q === 'w'));
    await sendKeys({ type: 'h' });
    await waitFor(() => calls.some((call) => call.q === 'wh'));
    const stale = calls.find((call) => call.q === 'w')!;
    expect(stale.signal.aborted, 'the older search is aborted').to.equal(true);
    await waitFor(() => !text($(filters, '[part~="status"]')).includes('…'));
    const answer = await mockAnswer<OptionsResponse>('options/channel', { q: 'wh', limit: '50' });
    expect(optionLabels(filters)).to.deep.equal(answer.options.map((option) => option.label));
    expect(calls.find((call) => call.q === 'wh')!.signal.aborted).to.equal(false);
  });

  it('lists the enumerations in the report’s language, without fetching them', async () => {
    const context = await setup({ lang: 'pt' });
    const { filters, report, changes } = context;
    await openPicker(filters, 2);
    expect(text($(filters, '#picker-title'))).to.equal('Origem da mensagem enviada');
    expect(optionLabels(filters)).to.deep.equal(['Usuário', 'Bot', 'Transmissão', 'Fluxo de trabalho', 'API', 'Zapier', 'Eco']);
    await sendKeys({ type: 'transm' });
    await waitFor(() => optionLabels(filters).length === 1);
    expect(optionLabels(filters)).to.deep.equal(['Transmissão']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(context);
    expect(report.store.state.filters).to.deep.equal({ source: ['broadcast'] });
    expect(changes).to.have.length(1);
    expect(chips(filters)).to.deep.equal(['Transmissão']);
    expect($(filters, '[part~="chip-remove"]').getAttribute('aria-label')).to.equal('Remover Origem da mensagem enviada: Transmissão');
    expect(optionRequests('source'), 'enums are never fetched').to.have.length(0);

    await sendKeys({ press: 'Escape' });
    await filters.updateComplete;
    await openPicker(filters, 3);
    expect(optionLabels(filters)).to.deep.equal(['Sessão', 'Tag de mensagem do Facebook', 'Modelo de mensagem do WhatsApp']);
  });

  it('shows restored values by name, removes chips one by one and clears all to the defaults', async () => {
    const channels = (await mockAnswer<OptionsResponse>('options/channel', { limit: '200' })).options;
    const users = (await mockAnswer<OptionsResponse>('options/user', { limit: '200' })).options;
    const [a, b] = channels;
    resetRequests();
    const context = await setup({
      preset: 'last_month',
      charts: true,
      keepRequests: true,
      filters: { channel: [a!.value, b!.value, 'ch_gone'], user: [users[0]!.value], type: ['session'] },
    });
    const { report, filters, changes, requested } = context;
    await waitFor(() => chips(filters)[0] === a!.label);
    // Names from the endpoint; a value it does not know shows as its id; enums in our words.
    expect(chips(filters)).to.deep.equal([a!.label, b!.label, 'ch_gone', 'Session', users[0]!.label]);
    expect(optionRequests('channel').map((url) => url.searchParams.get('limit'))).to.deep.equal(['200']);
    expect($$(filters, '[part~="chip-remove"]').map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      `Remove Channel: ${a!.label}`,
      `Remove Channel: ${b!.label}`,
      'Remove Channel: ch_gone',
      'Remove Outgoing message type: Session',
      `Remove User: ${users[0]!.label}`,
    ]);

    resetRequests();
    $$(filters, '[part~="chip-remove"]')[0]!.click();
    await settle(context);
    expect(changes).to.have.length(1);
    expect(report.store.state.filters).to.deep.equal({ channel: [b!.value, 'ch_gone'], user: [users[0]!.value], type: ['session'] });
    // The incoming chart cannot honour a type filter (docs/decisions.md, "Filter applicability"): it says so and sends nothing.
    expect(breakdownRequests().map((url) => url.searchParams.get('direction'))).to.deep.equal(['outgoing']);
    expect(focused(filters), 'focus moves to the next chip').to.equal($$(filters, '[part~="chip-remove"]')[0]);

    resetRequests();
    $(filters, '[part~="clear"]').click();
    await settle(context);
    expect(requested.at(-1)).to.deep.equal({ range: { preset: 'last_7_days' }, filters: {} });
    expect(changes).to.have.length(2);
    expect(changes[1]).to.include({ preset: 'last_7_days' });
    expect(changes[1]!.filters).to.deep.equal({});
    expect(report.store.state.query).to.deep.include(EXPECTED.last_7_days!);
    expect(breakdownRequests()).to.have.length(2);
    expect(chips(filters)).to.deep.equal([]);
    expect($as(filters, '[part~="clear"]', HTMLButtonElement).disabled).to.equal(true);
    expect(focused(filters)).to.equal($(filters, '#add-button'));
  });

  it('shows "Clear all" as a link only while it can clear something', async () => {
    const context = await setup({ filters: { type: ['session'] } });
    const { filters } = context;
    const clear = $as(filters, '[part~="clear"]', HTMLButtonElement);
    const look = () => [getComputedStyle(clear).textDecorationLine, getComputedStyle(clear).color];
    const live = look();
    expect(clear.disabled).to.equal(false);
    expect(live[0]).to.equal('underline');
    clear.click();
    await settle(context);
    expect(clear.disabled).to.equal(true);
    const [decoration, color] = look();
    expect(decoration).to.equal('none');
    expect(color).to.not.equal(live[1]);
  });

  it('works from the keyboard alone: menu button, field menu, search, Escape back to the opener', async () => {
    const context = await setup();
    const { filters, report, changes } = context;
    const add = $(filters, '#add-button');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await filters.updateComplete;
    expect(add.getAttribute('aria-expanded')).to.equal('true');
    expect(isOpen(filters, 'add')).to.equal(true);
    const items = () => $$(filters, '[role="menuitem"]');
    expect(items().map(text)).to.deep.equal([
      'Channel',
      'Contact',
      'Outgoing message source',
      'Outgoing message type',
      'Team',
      'User',
      'Broadcast name',
    ]);
    expect(focused(filters)).to.equal(items()[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(filters), 'wraps to the last').to.equal(items()[6]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(filters)).to.equal(items()[4]);
    await sendKeys({ press: 'Enter' });
    await filters.updateComplete;
    expect(text($(filters, '#picker-title'))).to.equal('Team');
    expect(focused(filters)).to.equal($(filters, '#search'));
    await waitFor(() => optionLabels(filters).length > 0);
    const teams = await mockAnswer<OptionsResponse>('options/team', { limit: '50' });
    expect(optionLabels(filters)).to.deep.equal(teams.options.map((option) => option.label));
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await settle(context);
    expect(report.store.state.filters).to.deep.equal({ team: [teams.options.at(-1)!.value] });
    expect(changes).to.have.length(1);

    // Shift+Tab reaches Back, which returns to the field list on the same field.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(filters)).to.equal($(filters, '[part~="back"]'));
    await sendKeys({ press: 'Enter' });
    await filters.updateComplete;
    expect(focused(filters)).to.equal(items()[4]);
    expect(text(items()[4]!)).to.equal('Team (1)');
    await sendKeys({ press: 'Escape' });
    await filters.updateComplete;
    expect(isOpen(filters, 'add')).to.equal(false);
    expect(add.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(filters), 'focus returns to the opener').to.equal(add);

    // Escape from the search closes the whole popup too; ArrowDown on the button opens it.
    await sendKeys({ press: 'ArrowDown' });
    await filters.updateComplete;
    expect(focused(filters)).to.equal(items()[0]);
    await sendKeys({ press: 'Enter' });
    await filters.updateComplete;
    expect(focused(filters)).to.equal($(filters, '#search'));
    await sendKeys({ press: 'Escape' });
    await filters.updateComplete;
    expect(isOpen(filters, 'add')).to.equal(false);
    expect(focused(filters)).to.equal(add);

    // Tab order: range, Add filter, the chip's remove button, Clear all.
    await sendKeys({ press: 'Tab' });
    expect(focused(filters)).to.equal($(filters, '[part~="chip-remove"]'));
    await sendKeys({ press: 'Tab' });
    expect(focused(filters)).to.equal($(filters, '[part~="clear"]'));
    expect(changes).to.have.length(1);
  });

  it('renders hostile option labels as text only', async () => {
    const worker = await startMocks();
    worker.use(...createHandlers({ baseUrl: '/hostile', dataset: generateDataset({ seed: 7, end: Date.parse(NOW), hostile: true }) }));
    const alerts: unknown[] = [];
    const restoreAlert = stub(window, 'alert', (message?: unknown) => void alerts.push(message));
    try {
      const context = await setup({ endpoint: '/hostile' });
      const { filters, report } = context;
      await openPicker(filters, 0);
      const hostile = 'Chat <img src=x onerror=alert(1)>';
      expect(optionLabels(filters)).to.include(hostile);
      const index = optionLabels(filters).indexOf(hostile);
      $$(filters, '#options [role="option"]')[index]!.click();
      await settle(context);
      expect(chips(filters)).to.deep.equal([hostile]);
      expect($(filters, '[part~="chip-remove"]').getAttribute('aria-label')).to.equal(`Remove Channel: ${hostile}`);
      expect(report.store.state.filters.channel).to.have.length(1);
      // No element that could run script was made from the label, so nothing can call alert later.
      expect(filters.shadowRoot!.querySelectorAll('img, script, svg, a')).to.have.length(0);
      expect(alerts).to.deep.equal([]);
    } finally {
      restoreAlert();
    }
  });

  it('passes axe closed, with the range list open, the field menu open, the picker open and a range error', async () => {
    const context = await setup({ filters: { source: ['bot'] } });
    const { filters } = context;
    await expect(filters).to.be.accessible();

    $(filters, '#range-combo').click();
    await filters.updateComplete;
    await expect(filters).to.be.accessible();
    $(filters, '#range-option-custom').click();
    await filters.updateComplete;
    setDates(filters, '2026-11-20', '2026-11-01');
    $(filters, '[part~="apply"]').click();
    await filters.updateComplete;
    expect(text($(filters, '#range-error'))).to.not.equal('');
    await expect(filters).to.be.accessible();

    $(filters, '#add-button').click();
    await filters.updateComplete;
    await expect(filters).to.be.accessible();
    $$(filters, '[role="menuitem"]')[0]!.click();
    await filters.updateComplete;
    await waitFor(() => optionLabels(filters).length > 0);
    await sendKeys({ press: 'ArrowDown' });
    await filters.updateComplete;
    await expect(filters).to.be.accessible();
  });

  it('with for= changes the named report’s store; alone, changes its own and tells the host', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <msg-report id="linked" endpoint="/api" timezone=${ZONE} now=${NOW} lang="en"></msg-report>
        <msg-report-filters for="linked"></msg-report-filters>
      </div>`,
    );
    const report = page.querySelector('msg-report')!;
    const filters = page.querySelector('msg-report-filters')!;
    const changes: unknown[] = [];
    report.addEventListener('msg-state-change', (event) => changes.push(event.detail));
    await report.updateComplete;
    await filters.updateComplete;
    $(filters, '#range-combo').click();
    await filters.updateComplete;
    $(filters, '#range-option-last_month').click();
    await settle({ report, filters, charts: [] });
    expect(report.store.state.query).to.deep.include(EXPECTED.last_month!);
    expect(changes).to.have.length(1);
    expect(text($(filters, '#range-combo'))).to.equal('Last month');

    const alone = await fixture<MsgReportFilters>(
      html`<msg-report-filters endpoint="/api" timezone=${ZONE} now=${NOW} lang="en"></msg-report-filters>`,
    );
    const told: MsgStateChangeEvent['detail'][] = [];
    alone.addEventListener('msg-state-change', (event) => told.push(event.detail));
    $(alone, '#range-combo').click();
    await alone.updateComplete;
    $(alone, '#range-option-yesterday').click();
    await alone.updateComplete;
    await alone.updateComplete;
    expect(told.map((state) => state.preset)).to.deep.equal(['yesterday']);
    expect(alone.preset, 'its attribute is an input, left as the host set it').to.equal(undefined);
    expect(text($(alone, '#range-combo'))).to.equal('Yesterday');
  });
});
