import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getInstanceByDom } from 'echarts/core';
import type { DeliveryResponse, MessagesResponse } from '../../src/core/contract/types.js';
import '../../src/index.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgErrorEvent, MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import { NOW, ZONE, chartsRendered, mockAnswer, requests, resetRequests, settled, shadow, startMocks } from './helpers.js';

/** The element that has focus, through the shadow roots it is in. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const DAY_MS = 86_400_000;

/** The code of an input problem's `msg-error`. */
const codeOf = ({ detail }: MsgErrorEvent) => (detail.source === 'input' ? detail.code : undefined);

/** The lists' drill ("see these messages", issue 12): from a figure to its messages and back. */
describe('see these messages (drill)', () => {
  before(startMocks);
  beforeEach(() => {
    resetRequests();
    history.replaceState(null, '', location.pathname);
  });
  after(() => history.replaceState(null, '', location.pathname));

  async function report(): Promise<{ host: MsgReport; outgoing: MsgTable; incoming: MsgTable }> {
    const host = await fixture<MsgReport>(
      html`<msg-report sync-url endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_7_days" .filters=${{ channel: ['ch_1', 'ch_2'] }}>
        <msg-breakdown-chart direction="outgoing" group-by="source" show="metrics"></msg-breakdown-chart>
        <msg-delivery-line></msg-delivery-line>
        <msg-table kind="incoming"></msg-table>
        <msg-table kind="outgoing"></msg-table>
      </msg-report>`,
    );
    const incoming = host.querySelector<MsgTable>('msg-table[kind="incoming"]')!;
    const outgoing = host.querySelector<MsgTable>('msg-table[kind="outgoing"]')!;
    for (const element of host.querySelectorAll<MsgTable>('msg-breakdown-chart, msg-delivery-line, msg-table')) await settled(element);
    return { host, outgoing, incoming };
  }

  const chip = (table: MsgTable) => shadow(table).querySelector('[part~="drill-chip"]');
  const lastListRequest = (kind: string) =>
    requests.filter((url) => url.pathname.endsWith('/messages') && url.searchParams.get('kind') === kind).at(-1);

  it('a status tile narrows the lists to "delivered, not read", with a chip, and Back restores them', async () => {
    const { host, outgoing, incoming } = await report();
    const query = host.store.state.query!;
    const before = outgoing.total;
    const changes: MsgStateChangeEvent[] = [];
    host.addEventListener('msg-state-change', (event) => changes.push(event));
    const line = host.querySelector('msg-delivery-line')!;
    const notRead = shadow(line).querySelector<HTMLButtonElement>('[data-key="read"] [part~="drill-see"]:last-of-type')!;
    expect(notRead.textContent.trim()).to.equal('Entregados, no leídos');
    notRead.click();
    await settled(outgoing);
    await settled(incoming);

    // The list: that status, the user's filters kept, its total that of the delivery totals.
    expect(lastListRequest('outgoing')!.searchParams.get('status')).to.equal('not-read');
    expect(lastListRequest('outgoing')!.searchParams.getAll('channel')).to.deep.equal(['ch_1', 'ch_2']);
    const params = { from: query.from, to: query.to, tz: query.tz, channel: ['ch_1', 'ch_2'] };
    const { totals } = await mockAnswer<DeliveryResponse>('delivery', { ...params, interval: 'day' });
    expect(outgoing.total).to.equal(totals.delivered - totals.read);
    expect(outgoing.total).not.to.equal(before);
    expect(chip(outgoing)!.textContent).to.contain('Mostrando: Entregados, no leídos');
    // The incoming list cannot take a status: it says so, and asks nothing.
    expect(shadow(incoming).querySelector('[part~="not-applicable"]')!.textContent).to.contain('no tienen estado de entrega');
    expect(lastListRequest('incoming')?.searchParams.has('status') ?? false).to.equal(false);
    // The report's filters and figures are untouched; the change is a person's, in the URL.
    expect(host.store.state.filters).to.deep.equal({ channel: ['ch_1', 'ch_2'] });
    expect(changes.map((event) => event.detail.drill)).to.deep.equal([{ status: 'not-read' }]);
    const link = JSON.parse(new URL(location.href).searchParams.get('report')!) as { drill?: unknown };
    expect(link.drill).to.deep.equal({ status: 'not-read' });
    await expect(outgoing).to.be.accessible();

    // Back: the lists as they were.
    const restored = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
    history.back();
    await restored;
    await settled(outgoing);
    await settled(incoming);
    expect(host.store.state.drill).to.equal(undefined);
    expect(chip(outgoing)).to.equal(null);
    expect(outgoing.total).to.equal(before);
    expect(shadow(incoming).querySelector('[part~="not-applicable"]')).to.equal(null);
    expect(host.store.state.filters, 'the filters survive the round trip').to.deep.equal({ channel: ['ch_1', 'ch_2'] });
  });

  it("a group's tile narrows the lists to it; the chip's × and Escape restore them", async () => {
    const { host, outgoing } = await report();
    const before = outgoing.total;
    const chart = host.querySelector('msg-breakdown-chart')!;
    shadow(chart).querySelector<HTMLButtonElement>('[data-key="bot"] [part~="drill-see"]')!.click();
    await settled(outgoing);
    expect(lastListRequest('outgoing')!.searchParams.getAll('source')).to.deep.equal(['bot']);
    const bot = await mockAnswer<MessagesResponse>('messages', {
      ...{ from: host.store.state.query!.from, to: host.store.state.query!.to, tz: ZONE },
      channel: ['ch_1', 'ch_2'],
      source: 'bot',
      kind: 'outgoing',
    });
    expect(outgoing.total).to.equal(bot.total);
    expect(chip(outgoing)!.textContent).to.contain('Mostrando: Bot');
    expect(host.store.state.filters, 'a drill is no filter').to.deep.equal({ channel: ['ch_1', 'ch_2'] });

    shadow(outgoing).querySelector<HTMLButtonElement>('[part~="drill-clear"]')!.click();
    await settled(outgoing);
    expect(chip(outgoing)).to.equal(null);
    expect(outgoing.total).to.equal(before);

    shadow(chart).querySelector<HTMLButtonElement>('[data-key="bot"] [part~="drill-see"]')!.click();
    await settled(outgoing);
    expect(chip(outgoing)).not.to.equal(null);
    shadow(outgoing)
      .querySelector<HTMLElement>('[part~="drill-clear"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settled(outgoing);
    expect(chip(outgoing)).to.equal(null);
    expect(outgoing.total).to.equal(before);
  });

  it("a point of the delivery line narrows the lists to its bucket's time window", async () => {
    const { host, outgoing } = await report();
    const line = host.querySelector('msg-delivery-line')!;
    const box = shadow(line).querySelector<HTMLElement>('[part~="chart"]')!;
    await waitUntil(() => box.querySelector('canvas'), 'the line is drawn');
    box.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'Enter']) box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await settled(outgoing);
    const { series } = await mockAnswer<DeliveryResponse>('delivery', {
      from: host.store.state.query!.from,
      to: host.store.state.query!.to,
      tz: ZONE,
      channel: ['ch_1', 'ch_2'],
      interval: 'day',
    });
    expect(host.store.state.drill).to.deep.equal({ window: { from: series[1]!.start, to: series[2]!.start } });
    const request = lastListRequest('outgoing')!;
    expect([request.searchParams.get('from'), request.searchParams.get('to')]).to.deep.equal([series[1]!.start, series[2]!.start]);
    expect(chip(outgoing)!.textContent).to.match(/Mostrando: \d+ nov 2026/);
  });

  it('the tooltips say how to see the messages: Shift+click on a bar or slice, a click on a point of the line', async () => {
    const host = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_7_days">
        <msg-breakdown-chart direction="outgoing" group-by="source" show="bar pie"></msg-breakdown-chart>
        <msg-delivery-line></msg-delivery-line>
      </msg-report>`,
    );
    const chart = host.querySelector('msg-breakdown-chart')!;
    const line = host.querySelector('msg-delivery-line')!;
    await Promise.all([chartsRendered(chart, 2), chartsRendered(line, 1)]);
    type Tip = { tooltip: { formatter: (params: unknown) => string }[] };
    const tip = (element: Element, part: string, params: unknown) =>
      (getInstanceByDom(shadow(element).querySelector<HTMLElement>(`[part~="${part}"]`)!)!.getOption() as Tip).tooltip[0]!.formatter(
        params,
      );
    for (const part of ['bar', 'pie']) expect(tip(chart, part, { dataIndex: 0 }).split('\n').at(-1)).to.equal('Mayús+clic: ver mensajes');
    expect(
      tip(line, 'line', [{ dataIndex: 0 }])
        .split('\n')
        .at(-1),
    ).to.equal('Clic: ver los mensajes de este periodo');
  });

  it('closing the chip gives focus back to the control that opened the drill, else to the list', async () => {
    const { host, outgoing } = await report();
    const chart = host.querySelector('msg-breakdown-chart')!;
    const see = shadow(chart).querySelector<HTMLButtonElement>('[data-key="bot"] [part~="drill-see"]')!;
    const clear = () => shadow(outgoing).querySelector<HTMLButtonElement>('[part~="drill-clear"]')!;
    see.focus();
    see.click();
    await settled(outgoing);
    clear().focus();
    clear().click();
    await settled(outgoing);
    expect(focused(), 'the button the drill was opened with').to.equal(see);

    // Escape on the ×, the drill from a saved state (no control opened it): the list's heading.
    host.store.change({ drill: { status: 'read' } });
    await settled(outgoing);
    clear().focus();
    await sendKeys({ press: 'Escape' });
    await settled(outgoing);
    expect(host.store.state.drill).to.equal(undefined);
    expect(focused()).to.equal(shadow(outgoing).querySelector('[part~="title"]'));

    // The control gone from the page since: the list's heading again, never the body.
    see.focus();
    see.click();
    await settled(outgoing);
    chart.remove();
    clear().click();
    await settled(outgoing);
    expect(focused()).to.equal(shadow(outgoing).querySelector('[part~="title"]'));
  });

  it('a drill in an old link is fitted to the range, said in the list and by msg-error, the filters kept', async () => {
    const errors: MsgErrorEvent[] = [];
    const listen = (event: MsgErrorEvent) => errors.push(event);
    document.addEventListener('msg-error', listen);
    try {
      // A bucket from weeks ago under a preset that has moved on, with a status: the status stays.
      const stale = { window: { from: '2026-11-01T06:00:00.000Z', to: '2026-11-02T06:00:00.000Z' }, status: 'read' };
      history.replaceState(
        null,
        '',
        `?report=${encodeURIComponent(JSON.stringify({ preset: 'last_7_days', filters: { channel: ['ch_1', 'ch_2'] }, drill: stale }))}`,
      );
      let { host, outgoing } = await report();
      let query = host.store.state.query!;
      expect(host.store.state.drill).to.deep.equal({ status: 'read' });
      let request = lastListRequest('outgoing')!;
      expect([request.searchParams.get('from'), request.searchParams.get('to')], 'the whole range, never from = to').to.deep.equal([
        query.from,
        query.to,
      ]);
      expect(request.searchParams.getAll('channel')).to.deep.equal(['ch_1', 'ch_2']);
      expect(request.searchParams.get('status')).to.equal('read');
      expect(shadow(outgoing).querySelector('[part~="drill-note"]')!.textContent).to.contain(
        'El periodo al que se acotaban las listas queda fuera del rango del informe',
      );
      await waitUntil(() => errors.some((event) => codeOf(event) === 'drillOutsideRange'), 'msg-error names the dropped window');
      const error = errors.find((event) => codeOf(event) === 'drillOutsideRange')!.detail;
      expect(error).to.include({ source: 'input', severity: 'warning' });
      expect(error.message).to.contain('queda fuera del rango del informe');

      // Across the range's start: cut to it; a group the filters exclude: dropped, the filters kept.
      errors.length = 0;
      const across = {
        group: { field: 'channel', value: 'ch_9', label: 'Otro' },
        window: { from: '2026-11-19T06:00:00.000Z', to: '2026-11-21T06:00:00.000Z' },
      };
      history.replaceState(
        null,
        '',
        `?report=${encodeURIComponent(JSON.stringify({ preset: 'last_7_days', filters: { channel: ['ch_1', 'ch_2'] }, drill: across }))}`,
      );
      ({ host, outgoing } = await report());
      query = host.store.state.query!;
      expect(query.from).to.equal('2026-11-20T06:00:00.000Z');
      expect(host.store.state.drill).to.deep.equal({ window: { from: query.from, to: '2026-11-21T06:00:00.000Z' } });
      request = lastListRequest('outgoing')!;
      expect([request.searchParams.get('from'), request.searchParams.get('to')]).to.deep.equal([query.from, '2026-11-21T06:00:00.000Z']);
      expect(request.searchParams.getAll('channel')).to.deep.equal(['ch_1', 'ch_2']);
      expect(chip(outgoing)!.textContent).to.contain('Mostrando: 20 nov 2026');
      await waitUntil(() => errors.length >= 2, 'msg-error names both changes');
      expect(errors.map(codeOf).sort()).to.deep.equal(['drillClipped', 'drillOutsideFilters']);
    } finally {
      document.removeEventListener('msg-error', listen);
    }
  });

  it("the chip names a source or type in the report's language, whatever language the link was saved in", async () => {
    // Saved from a Spanish report, opened in an English one: "Broadcast" is ours to say, not the link's.
    const drill = { group: { field: 'source', value: 'broadcast', label: 'Transmisión' }, status: 'not-read' };
    const host = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="en" state=${JSON.stringify({ preset: 'last_7_days', drill })}>
        <msg-table kind="outgoing"></msg-table>
      </msg-report>`,
    );
    const outgoing = host.querySelector<MsgTable>('msg-table')!;
    await settled(outgoing);
    expect(chip(outgoing)!.textContent.replace(/\s+/g, ' ')).to.contain('Broadcast · Delivered, not read');
  });

  it("a person's new range drops a bucket's window, new filters a group they exclude: one msg-state-change each", async () => {
    const { host, outgoing } = await report();
    const query = host.store.state.query!;
    const window = { from: query.from, to: new Date(Date.parse(query.from) + DAY_MS).toISOString() };
    const bot = { field: 'source', value: 'bot', label: 'Bot' } as const;
    host.store.change({ drill: { group: bot, window, status: 'read' } });
    await settled(outgoing);
    const changes: MsgStateChangeEvent[] = [];
    host.addEventListener('msg-state-change', (event) => changes.push(event));

    // The bucket was a point of the line the new range replaced; the group and status still mean the same.
    host.store.change({ range: { preset: 'last_30_days' } });
    await settled(outgoing);
    expect(changes.map((event) => event.detail.drill)).to.deep.equal([{ group: bot, status: 'read' }]);
    const wider = host.store.state.query!;
    let request = lastListRequest('outgoing')!;
    expect([request.searchParams.get('from'), request.searchParams.get('to')]).to.deep.equal([wider.from, wider.to]);
    expect(request.searchParams.getAll('source')).to.deep.equal(['bot']);
    expect(chip(outgoing)!.textContent).to.contain('Mostrando: Bot · Leídos');
    expect(shadow(outgoing).querySelector('[part~="drill-note"]'), "a person's own change is no misfit").to.equal(null);

    // Filtered to agents: narrowing to the bot would show what the filters leave out.
    host.store.change({ filters: { channel: ['ch_1', 'ch_2'], source: ['agent'] } });
    await settled(outgoing);
    expect(changes.map((event) => event.detail.drill)).to.deep.equal([{ group: bot, status: 'read' }, { status: 'read' }]);
    request = lastListRequest('outgoing')!;
    expect(request.searchParams.getAll('source')).to.deep.equal(['agent']);
    expect(chip(outgoing)!.textContent).to.contain('Mostrando: Leídos');
  });

  it('on a phone (360 px) "See messages" sits under its card, and a long hostile name in the chip wraps inside the list', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 360px">
        <msg-report endpoint="/api" timezone=${ZONE} now=${NOW} preset="last_7_days">
          <msg-breakdown-chart direction="outgoing" group-by="source" show="metrics"></msg-breakdown-chart>
          <msg-table kind="outgoing"></msg-table>
          <msg-table kind="incoming"></msg-table>
        </msg-report>
      </div>`,
    );
    const host = wrapper.querySelector<MsgReport>('msg-report')!;
    const chart = host.querySelector('msg-breakdown-chart')!;
    const [outgoing, incoming] = [...host.querySelectorAll<MsgTable>('msg-table')] as [MsgTable, MsgTable];
    for (const element of [chart, outgoing, incoming]) await settled(element);
    for (const tile of shadow(chart).querySelectorAll('[part~="metric"]:has([part~="drill-see"])')) {
      const card = tile.querySelector('.metric-card')!.getBoundingClientRect();
      const see = tile.querySelector('[part~="drill-see"]')!.getBoundingClientRect();
      expect(see.top, `${tile.getAttribute('data-key')}: under its card`).to.be.at.least(card.bottom - 1);
      expect(see.height, 'a 24 px target').to.be.at.least(24);
    }
    const label = `<img src=x onerror=alert(1)> {a|x} ${'SinEspacios'.repeat(12)}`;
    host.store.change({ drill: { group: { field: 'channel', value: 'ch_long', label }, status: 'read' } });
    await settled(outgoing);
    await settled(incoming);
    for (const list of [outgoing, incoming]) {
      const chipBox = chip(list)!;
      expect(chipBox.textContent).to.contain(label);
      expect(chipBox.querySelector('img')).to.equal(null);
      expect(chipBox.getBoundingClientRect().right, 'the chip inside the list').to.be.at.most(list.getBoundingClientRect().right + 0.5);
      expect(list.getBoundingClientRect().width, 'the list no wider than the phone').to.be.at.most(360);
    }
  });
});
