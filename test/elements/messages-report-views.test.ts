/**
 * The views issue 12 added to `<msg-messages-report>`: the outgoing trend, the broadcasts on the
 * delivery line, delivery per group and activity by day and hour — shown by default from the
 * mocks, each switched off by its `no-*` attribute with its request, switchable, and reached by
 * the keyboard in the page's order.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import { NOW, ZONE, countingSource, requests, resetRequests, shadow, startMocks, stub } from './helpers.js';
import { allSettled } from './messages-report.helpers.js';

/** The HTTP requests per path of the endpoint since the last reset (strings excepted). */
function perPath(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const url of requests) {
    const path = url.pathname.replace(/^\/api/, '');
    counts[path] = (counts[path] ?? 0) + 1;
  }
  return counts;
}

/** The parts naming the report's sections, in the page's order. */
const sectionNames = (host: MsgMessagesReport) =>
  [...shadow(host).querySelectorAll('.section')].map((section) => section.getAttribute('part')!.replace('section ', ''));

/** The focused element, through the shadow roots holding it. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The report section holding `element` (crossing shadow roots up to the report's). */
function sectionOf(element: Element | null): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.classList.contains('section')) return node.getAttribute('part')!.replace('section ', '');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

describe('<msg-messages-report> issue 12 views', () => {
  before(startMocks);
  beforeEach(resetRequests);

  it('shows the trend, delivery per group and activity by default, from the mocks, with one request each and no console error', async () => {
    const logged: unknown[][] = [];
    const restore = [
      stub(console, 'error', (...args: unknown[]) => void logged.push(args)),
      stub(console, 'warn', (...args: unknown[]) => void logged.push(args)),
    ];
    try {
      const host = await fixture<MsgMessagesReport>(
        html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
      );
      await allSettled(host);
      const root = shadow(host);
      expect(sectionNames(host)).to.deep.equal([
        'incoming',
        'outgoing',
        'outgoing-trend',
        'delivery',
        'delivery-breakdown',
        'activity',
        'incoming-list',
        'outgoing-list',
        'failed-list',
      ]);
      // Each view drew the mocks' figures.
      const trend = root.querySelector('[part~="outgoing-trend"] msg-breakdown-chart')!;
      expect(shadow(trend).querySelectorAll('[part~="trend-legend"] li').length).to.be.greaterThan(1);
      const byGroup = root.querySelector('msg-delivery-breakdown')!;
      expect(byGroup.getAttribute('group-by')).to.equal('channel');
      expect(shadow(byGroup).querySelectorAll('[part~="groups"] tbody tr').length).to.be.greaterThan(1);
      const activity = root.querySelector('msg-activity-heatmap')!;
      expect(activity.getAttribute('direction')).to.equal('incoming');
      expect(shadow(activity).querySelectorAll('table tbody tr')).to.have.length(7);
      // The report's load: one HTTP request per view (the trend's shares are the outgoing chart's).
      expect(perPath()).to.deep.equal({
        '/breakdown': 2,
        '/breakdown-trend': 1,
        '/delivery': 1,
        '/broadcasts': 1,
        '/delivery-breakdown': 1,
        '/activity': 1,
        '/messages': 3,
      });
      expect(logged, JSON.stringify(logged)).to.deep.equal([]);
    } finally {
      for (const undo of restore) undo();
    }
  });

  const views = [
    { attribute: 'no-trend', section: 'outgoing-trend', resource: 'breakdownTrend' },
    { attribute: 'no-broadcasts', section: undefined, resource: 'broadcasts' },
    { attribute: 'no-delivery-breakdown', section: 'delivery-breakdown', resource: 'deliveryBreakdown' },
    { attribute: 'no-activity', section: 'activity', resource: 'activity' },
  ] as const;
  for (const { attribute, section, resource } of views) {
    it(`${attribute} removes its view and its request, and keeps the others`, async () => {
      const { source, calls } = countingSource();
      // As a host writes it: the attribute is there when the report starts.
      const page = await fixture<HTMLElement>(html`<div></div>`);
      const host = Object.assign(document.createElement('msg-messages-report'), { dataSource: source });
      host.setAttribute('timezone', ZONE);
      host.setAttribute('now', NOW);
      host.setAttribute(attribute, '');
      page.append(host);
      await allSettled(host);
      expect(calls[resource], `${resource} requests`).to.equal(0);
      for (const other of views) if (other.resource !== resource) expect(calls[other.resource], other.resource).to.equal(1);
      if (section) expect(sectionNames(host)).to.not.include(section);
      else expect(shadow(host).querySelector('msg-delivery-line')!.hasAttribute('no-broadcasts')).to.equal(true);
      expect(sectionNames(host)).to.include.members(['incoming', 'outgoing', 'delivery', 'failed-list']);
    });
  }

  it('switches the delivery grouping and the activity direction from their radio groups, one request each', async () => {
    const { source, log, reset } = countingSource();
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report .dataSource=${source} timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    reset();
    const root = shadow(host);
    root.querySelector<HTMLInputElement>('input[name="delivery-group-by"][value="broadcast"]')!.click();
    root.querySelector<HTMLInputElement>('input[name="activity-direction"][value="outgoing"]')!.click();
    await allSettled(host);
    expect(root.querySelector('msg-delivery-breakdown')!.getAttribute('group-by')).to.equal('broadcast');
    expect(root.querySelector('msg-activity-heatmap')!.getAttribute('direction')).to.equal('outgoing');
    expect(
      log.map(({ resource, params }) => [
        resource,
        (params as { groupBy?: string; direction?: string }).groupBy ?? (params as { direction?: string }).direction,
      ]),
    ).to.have.deep.members([
      ['deliveryBreakdown', 'broadcast'],
      ['activity', 'outgoing'],
    ]);
  });

  it('lets the keyboard reach the new views in the page order: grouping, trend, delivery, its breakdown, activity, lists', async () => {
    const host = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await allSettled(host);
    shadow(host).querySelector<HTMLInputElement>('input[name="outgoing-group-by"]:checked')!.focus();
    const visited: string[] = [];
    const reached: string[] = [];
    for (let press = 0; press < 150 && visited.at(-1) !== 'incoming-list'; press++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      const section = sectionOf(active);
      if (section && visited.at(-1) !== section) visited.push(section);
      if (active instanceof HTMLInputElement && active.type === 'radio') reached.push(active.name);
    }
    expect(visited).to.deep.equal(['outgoing', 'outgoing-trend', 'delivery', 'delivery-breakdown', 'activity', 'incoming-list']);
    expect(reached).to.include.members(['delivery-group-by', 'activity-direction']);
  });
});
