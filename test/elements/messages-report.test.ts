import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MsgErrorEvent, MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import '../../src/index.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import { NOW, ZONE, countingSource, requests, resetRequests, settled, shadow, startMocks } from './helpers.js';
import { allSettled } from './messages-report.helpers.js';
import type { MsgTable } from '../../src/elements/table/table.js';

describe('<msg-messages-report>', () => {
  before(startMocks);
  beforeEach(resetRequests);

  it('lays out every part of the Spanish page, in its order', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    const root = shadow(host);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent.trim())).to.deep.equal([
      'Mensajes entrantes',
      'Mensajes salientes',
      'Mensajes salientes por canal en el tiempo',
      'Entrega de mensajes salientes',
      'Entrega por grupo',
      'Actividad por día y hora',
      'Lista de mensajes entrantes',
      'Lista de mensajes salientes',
      'Registro de mensajes fallidos',
    ]);
    const report = root.querySelector('[part~="report"]')!;
    const sections = [...report.children].filter((child) => child.getAttribute('part') !== 'updated');
    expect(sections.map((child) => child.localName)).to.deep.equal(['msg-report-filters', ...Array<string>(9).fill('div')]);
    expect([...root.querySelectorAll('msg-table')].map((table) => table.getAttribute('kind'))).to.deep.equal([
      'incoming',
      'outgoing',
      'failed',
    ]);
    await expect(host).to.be.accessible();
  });

  it('titles each section once, with one heading level under the page', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    // Every heading a person sees under `root`, through the shadow roots of the elements it holds.
    const headings = (root: ParentNode): HTMLElement[] => [
      ...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]'),
      ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? headings(el.shadowRoot) : [])),
    ];
    const texts = headings(shadow(host)).map((h) => h.textContent.trim());
    expect(new Set(texts).size, texts.join(' | ')).to.equal(texts.length);
    const sections = [...shadow(host).querySelectorAll('.section')];
    expect(sections).to.have.length(9);
    for (const section of sections) {
      const own = headings(section);
      expect(
        own.map((h) => h.localName),
        section.getAttribute('part')!,
      ).to.deep.equal(['h2']);
    }
  });

  it('leaves the lists below the fold unpainted until a person scrolls to them, then shows their rows', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    const failedList = shadow(host).querySelector<MsgTable>('msg-table[kind="failed"]')!;
    const firstRow = () => shadow(failedList).querySelector('[part~="row"]');
    // The list has loaded its first rows (ready), but the browser skips them while off screen.
    expect(failedList.getBoundingClientRect().top).to.be.greaterThan(innerHeight * 2);
    expect(firstRow(), 'the rows are built while off screen').to.not.equal(null);
    expect(firstRow()!.checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
    // The charts above are painted meanwhile.
    const chart = shadow(host).querySelector('msg-breakdown-chart')!;
    expect(shadow(chart).querySelector('[part~="chart"] canvas')!.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);

    failedList.scrollIntoView();
    await waitUntil(() => firstRow()?.checkVisibility({ contentVisibilityAuto: true }), 'the list is painted once on screen');
    expect(firstRow()!.getBoundingClientRect().height).to.be.greaterThan(20);
    expect(firstRow()!.textContent).to.not.equal('');
  });

  it('makes one request per element on load and per element on a filter change', async () => {
    const { source, calls, reset } = countingSource();
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report .dataSource=${source} timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    // Two breakdowns and the outgoing trend (which asks for the outgoing breakdown too: the same
    // query, one HTTP request in the report's client), the delivery line and its broadcasts, the
    // delivery breakdown, the activity heatmap, three lists (first page each).
    const perElement = {
      breakdown: 3,
      breakdownTrend: 1,
      delivery: 1,
      broadcasts: 1,
      deliveryBreakdown: 1,
      activity: 1,
      messages: 3,
    };
    expect(calls).to.deep.equal({ ...perElement, options: 0 });
    reset();
    host.state = { filters: { channel: ['ch_1'] } };
    await allSettled(host);
    // (The filters also ask for the new chip's name: an `options` request.)
    expect(calls).to.deep.include(perElement);
  });

  it('switches the outgoing grouping from its radio group, with one new request', async () => {
    const { source, log, reset } = countingSource();
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report .dataSource=${source} timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    reset();
    const radio = shadow(host).querySelector<HTMLInputElement>('input[value="source"]')!;
    radio.click();
    await allSettled(host);
    const outgoing = shadow(host).querySelector('msg-breakdown-chart[direction="outgoing"]')!;
    expect(outgoing.getAttribute('group-by')).to.equal('source');
    // The outgoing chart and the trend follow the grouping; nothing else asks again.
    expect(log.map(({ resource, params }) => [resource, 'groupBy' in params ? params.groupBy : undefined])).to.have.deep.members([
      ['breakdown', 'source'],
      ['breakdown', 'source'],
      ['breakdownTrend', 'source'],
    ]);
  });

  it('with cross-filter, picking a source filters every element by it', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report cross-filter endpoint="/api" timezone=${ZONE} now=${NOW} outgoing-group-by="source"></msg-messages-report>`,
    );
    await allSettled(host);
    resetRequests();
    const outgoing = shadow(host).querySelector('msg-breakdown-chart[direction="outgoing"]')!;
    const bot = shadow(outgoing).querySelector<HTMLButtonElement>('[data-key="bot"] button')!;
    bot.click();
    await allSettled(host);
    expect(host.state.filters).to.deep.equal({ source: ['bot'] });
    expect(shadow(outgoing).querySelector('[data-key="bot"] button')!.getAttribute('aria-pressed')).to.equal('true');
    // Every outgoing query carries the filter; incoming ones cannot honour it and are not sent.
    const sent = requests.filter((url) => !url.pathname.includes('/options/'));
    expect(sent.length).to.be.greaterThan(0);
    expect(sent.every((url) => url.searchParams.getAll('source').join() === 'bot')).to.equal(true);
    expect(sent.some((url) => url.searchParams.get('direction') === 'incoming' || url.searchParams.get('kind') === 'incoming')).to.equal(
      false,
    );
    const incoming = shadow(host).querySelector('msg-breakdown-chart[direction="incoming"]')!;
    expect(shadow(incoming).querySelector('[part~="not-applicable"]')).to.not.equal(null);
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const frame = await fixture<HTMLElement>(
      html`<div style="width: 360px">
        <msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>
      </div>`,
    );
    const host = frame.querySelector('msg-messages-report')!;
    await allSettled(host);
    expect(host.scrollWidth).to.be.at.most(360);
    for (const section of shadow(host).querySelectorAll('.section')) {
      expect(section.scrollWidth, section.getAttribute('part')!).to.be.at.most(section.clientWidth + 1);
    }
  });
});

describe('<msg-messages-report> view choices in the state and the URL', () => {
  before(startMocks);
  beforeEach(() => {
    resetRequests();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  const radio = (root: ParentNode, name: string, value: string) =>
    root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;

  it('keeps the outgoing grouping, the delivery interval and a list order a person picks: events, URL, and the same report after a reload', async () => {
    const first = countingSource();
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report sync-url .dataSource=${first.source} timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    const changes: MsgStateChangeEvent['detail'][] = [];
    host.addEventListener('msg-state-change', (event) => changes.push(event.detail));
    const root = shadow(host);

    radio(root, 'outgoing-group-by', 'source').click();
    const delivery = root.querySelector('msg-delivery-line')!;
    await settled(delivery);
    await waitUntil(() => radio(shadow(delivery), 'interval', 'hour'), 'the interval switch');
    radio(shadow(delivery), 'interval', 'hour').click();
    const failed = root.querySelector<MsgTable>('msg-table[kind="failed"]')!;
    await settled(failed);
    await waitUntil(() => shadow(failed).querySelector('[part~="sort"]'), 'the failed list');
    shadow(failed).querySelector<HTMLButtonElement>('[part~="sort"]')!.click();
    await host.updateComplete;

    expect(changes.map((change) => [change.outgoingGroupBy, change.interval, change.listOrder])).to.deep.equal([
      ['source', undefined, undefined],
      ['source', 'hour', undefined],
      ['source', 'hour', { failed: 'asc' }],
    ]);
    const saved = JSON.parse(new URL(location.href).searchParams.get('report')!) as Record<string, unknown>;
    expect(saved).to.deep.include({ outgoingGroupBy: 'source', interval: 'hour', listOrder: { failed: 'asc' } });

    // The host's own settings are inputs, not a person's changes: no event.
    host.outgoingGroupBy = 'type';
    await host.updateComplete;
    expect(host.state.outgoingGroupBy).to.equal('type');
    expect(radio(root, 'outgoing-group-by', 'type').checked).to.equal(true);
    expect(changes, 'no msg-state-change for what the host sets').to.have.length(3);
    host.outgoingGroupBy = 'source';
    await host.updateComplete;

    // A reload: a new report on the same URL shows the same choices, and asks for them.
    host.remove();
    const second = countingSource();
    const reloaded = await fixture<MsgMessagesReport>(
      html`<msg-messages-report sync-url .dataSource=${second.source} timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    expect(reloaded.state).to.deep.include({ outgoingGroupBy: 'source', interval: 'hour', listOrder: { failed: 'asc' } });
    expect(radio(shadow(reloaded), 'outgoing-group-by', 'source').checked).to.equal(true);
    const asked = (resource: string) =>
      second.log.filter((call) => call.resource === resource).map((call) => call.params as Record<string, unknown>);
    const firstPages = () => asked('messages').filter((params) => params.cursor === undefined);
    await waitUntil(
      () => asked('breakdown').length === 3 && asked('delivery').length === 1 && firstPages().length === 3,
      'every element asked',
    );
    expect(asked('breakdown').map((params) => [params.direction, params.groupBy])).to.have.deep.members([
      ['incoming', 'channel'],
      ['outgoing', 'source'],
      ['outgoing', 'source'],
    ]);
    expect(asked('delivery').map((params) => params.interval)).to.deep.equal(['hour']);
    expect(firstPages().map((params) => [params.kind, params.order])).to.have.deep.members([
      ['incoming', 'desc'],
      ['outgoing', 'desc'],
      ['failed', 'asc'],
    ]);
  });

  it('drops bad view choices in the URL, says which, and keeps the rest of the link', async () => {
    const link = {
      preset: 'last_14_days',
      outgoingGroupBy: 'planet',
      interval: 'fortnight',
      listOrder: { failed: 'sideways', spam: 'asc' },
    };
    history.replaceState(null, '', `?report=${encodeURIComponent(JSON.stringify(link))}`);
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const host = document.createElement('msg-messages-report');
    const errors: { code: string; severity: string; message: string }[] = [];
    host.addEventListener('msg-error', (event: MsgErrorEvent) => {
      if (event.detail.source === 'input') errors.push(event.detail);
    });
    Object.assign(host, { dataSource: countingSource().source, timezone: ZONE, now: NOW, syncUrl: '' });
    page.append(host);
    await host.updateComplete;
    await waitUntil(() => errors.some((error) => error.code === 'badState'), 'the dropped parts are reported');
    const reported = errors.find((error) => error.code === 'badState')!;
    expect(reported.severity).to.equal('warning');
    for (const part of ['outgoingGroupBy "planet"', 'interval "fortnight"', 'order "sideways" for the failed list', 'list "spam"'])
      expect(reported.message, part).to.contain(part);
    expect(host.state).to.include({ preset: 'last_14_days' });
    expect(host.state.outgoingGroupBy).to.equal(undefined);
    expect(host.state.listOrder).to.equal(undefined);
    expect(radio(shadow(host), 'outgoing-group-by', 'channel').checked, 'the default grouping').to.equal(true);
  });
});
