import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import { NOW, ZONE, countingSource, requests, resetRequests, settled, shadow, startMocks } from './helpers.js';
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
  // A list asks for more rows only once its virtualizer has laid out the first ones, which it
  // does only on screen: wait for the rows of every list in view, and a frame for their report.
  const onScreen = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  };
  for (const table of root.querySelectorAll('msg-table')) {
    await waitUntil(() => !onScreen(table) || shadow(table).querySelector('[part~="row"], .state'), 'the list shows rows or a state');
  }
  await nextFrame();
}

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
    expect(sections).to.have.length(6);
    for (const section of sections) {
      const own = headings(section);
      expect(
        own.map((h) => h.localName),
        section.getAttribute('part')!,
      ).to.deep.equal(['h2']);
    }
  });

  it('makes one request per element on load and per element on a filter change', async () => {
    const { source, calls, reset } = countingSource();
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report .dataSource=${source} timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    // Two breakdowns, one delivery line, three lists (first page each).
    expect(calls).to.deep.include({ breakdown: 2, delivery: 1, messages: 3 });
    reset();
    host.state = { filters: { channel: ['ch_1'] } };
    await allSettled(host);
    expect(calls).to.deep.include({ breakdown: 2, delivery: 1, messages: 3 });
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
    expect(log.map(({ resource, params }) => [resource, 'groupBy' in params ? params.groupBy : undefined])).to.deep.equal([
      ['breakdown', 'source'],
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
