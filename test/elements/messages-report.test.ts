import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import { NOW, ZONE, requests, resetRequests, settled, shadow, startMocks } from './helpers.js';
import type { MsgDataElement } from '../../src/elements/shared/data-element.js';

/** Waits until every chart and list of the report has settled. */
async function allSettled(host: MsgMessagesReport): Promise<void> {
  await host.updateComplete;
  const root = shadow(host);
  for (const element of root.querySelectorAll<MsgDataElement<unknown, unknown, unknown>>(
    'msg-breakdown-chart, msg-delivery-line, msg-table',
  )) {
    await settled(element);
  }
  await root.querySelector('msg-report-filters')!.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const byResource = () => {
  const counts: Record<string, number> = {};
  for (const url of requests) {
    const resource = url.pathname.replace(/^.*\/api\//, '').replace(/^options\/.*/, 'options');
    counts[resource] = (counts[resource] ?? 0) + 1;
  }
  return counts;
};

describe('<msg-messages-report>', () => {
  before(startMocks);
  beforeEach(resetRequests);

  it('lays out every part of the Spanish page, in its order', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    const root = shadow(host);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent!.trim())).to.deep.equal([
      'Mensajes entrantes',
      'Mensajes salientes',
      'Entrega de mensajes salientes',
      'Lista de mensajes entrantes',
      'Lista de mensajes salientes',
      'Registro de mensajes fallidos',
    ]);
    const report = root.querySelector('[part~="report"]')!;
    expect([...report.children].map((child) => child.localName)).to.deep.equal([
      'msg-report-filters',
      'div',
      'div',
      'div',
      'div',
      'div',
      'div',
    ]);
    expect([...root.querySelectorAll('msg-table')].map((table) => table.getAttribute('kind'))).to.deep.equal([
      'incoming',
      'outgoing',
      'failed',
    ]);
    await expect(host).to.be.accessible();
  });

  it('makes one request per element on load and per element on a filter change', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    const onLoad = byResource();
    // Two breakdowns, one delivery line, three lists (first page each).
    expect(onLoad.breakdown).to.equal(2);
    expect(onLoad.delivery).to.equal(1);
    expect(onLoad.messages).to.equal(3);
    resetRequests();
    host.state = { filters: { channel: ['ch_1'] } };
    await allSettled(host);
    const onChange = byResource();
    expect(onChange.breakdown).to.equal(2);
    expect(onChange.delivery).to.equal(1);
    expect(onChange.messages).to.equal(3);
  });

  it('switches the outgoing grouping from its radio group, with one new request', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    resetRequests();
    const radio = shadow(host).querySelector<HTMLInputElement>('input[value="source"]')!;
    radio.click();
    await allSettled(host);
    const outgoing = shadow(host).querySelector('msg-breakdown-chart[direction="outgoing"]')!;
    expect(outgoing.getAttribute('group-by')).to.equal('source');
    expect(requests.map((url) => url.searchParams.get('groupBy'))).to.deep.equal(['source']);
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
    expect(host.state!.filters).to.deep.equal({ source: ['bot'] });
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
