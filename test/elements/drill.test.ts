import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DeliveryResponse, MessagesResponse } from '../../src/core/contract/types.js';
import '../../src/index.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgStateChangeEvent } from '../../src/elements/shared/events.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import { NOW, ZONE, mockAnswer, requests, resetRequests, settled, shadow, startMocks } from './helpers.js';

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
});
