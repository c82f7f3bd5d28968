/**
 * Charts by keyboard: arrow keys move through bars, slices and points and announce each one, Enter
 * cross-filters as a click does, new figures are announced once; and a keyboard-only walk through
 * the whole report reaches the filters, a chart and a table row.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgDeliveryLine } from '../../src/elements/delivery-line/delivery-line.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import { NOW, ZONE, chartsRendered, shadow, startMocks } from './helpers.js';

const announced = (element: Element) => shadow(element).querySelector('[role="status"].announcer')?.textContent.trim() ?? '';

/** The focused element, through every open shadow root. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The `msg-*` element whose shadow root holds `element` (or `element` itself). */
function hostOf(element: Element): Element | undefined {
  let node: Node = element;
  while (node.getRootNode() instanceof ShadowRoot) {
    const host: Element = (node.getRootNode() as ShadowRoot).host;
    if (/^msg-(report-filters|breakdown-chart|delivery-line|table)$/.test(host.localName)) return host;
    node = host;
  }
  return undefined;
}

describe('charts by keyboard', () => {
  before(async function () {
    // Loading ECharts and starting the mocks' worker takes longer on a busy machine.
    this.timeout(60_000);
    await startMocks();
    const style = document.createElement('style');
    style.textContent = '.keys-test { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });

  it('moves through the bars with the arrow keys, announces each, and cross-filters with Enter', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report class="keys-test" endpoint="/api" timezone=${ZONE} now=${NOW} cross-filter>
        <msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>
      </msg-report>`,
    );
    const element = report.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    await chartsRendered(element, 2);
    const box = shadow(element).querySelector<HTMLElement>('[part~="bar"]')!;
    expect(box.getAttribute('role')).to.equal('img');
    expect(box.getAttribute('aria-label'), 'ECharts’ aria description').to.match(/^Gráfico de barras, Mensajes entrantes por canal: /);
    const labels = [...shadow(element).querySelectorAll('[part~="metric"]:not([part~="total"]) .metric-label')].map((label) =>
      label.textContent.trim(),
    );

    box.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(announced(element)).to.match(new RegExp(`^${labels[0]}: .+, 1 de \\d+$`));
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(announced(element)).to.match(new RegExp(`^${labels[1]}: .+, 2 de \\d+$`));

    const key = shadow(element).querySelectorAll('[part~="metric"]:not([part~="total"])')[1]!.getAttribute('data-key');
    await sendKeys({ press: 'Enter' });
    expect(report.store.state.filters.channel).to.deep.equal([key]);
    // The new figures are announced once they have settled.
    await waitUntil(() => announced(element).startsWith('Mensajes entrantes por canal actualizado: Total'), 'figures announced', {
      timeout: 5_000,
    });
  });

  it('moves through the points of the delivery line and announces every status', async () => {
    const element = await fixture<MsgDeliveryLine>(
      html`<msg-delivery-line class="keys-test" endpoint="/api" timezone=${ZONE} now=${NOW} lang="en"></msg-delivery-line>`,
    );
    await chartsRendered(element, 1);
    const box = shadow(element).querySelector<HTMLElement>('[part~="line"]')!;
    expect(box.getAttribute('aria-label')).to.match(/^Line chart, Outgoing message delivery: \d+ points from /);
    box.focus();
    await sendKeys({ press: 'End' });
    await element.updateComplete;
    expect(announced(element)).to.match(/^.+: Sent [\d,]+, Delivered [\d,]+, Read [\d,]+, Failed [\d,]+$/);
  });

  it('a keyboard-only walk reaches the filters, then a chart to traverse, then a table row', async () => {
    const report = await fixture<MsgMessagesReport>(
      html`<msg-messages-report class="keys-test" endpoint="/api" timezone=${ZONE} now=${NOW}></msg-messages-report>`,
    );
    await report.ready;
    (document.activeElement as HTMLElement | null)?.blur();
    const reached: string[] = [];
    let chartBox: Element | undefined;
    let tableRow: Element | undefined;
    for (let tab = 0; tab < 200 && !tableRow; tab++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      const host = active && hostOf(active);
      if (!active || !host) continue;
      if (reached.at(-1) !== host.localName) reached.push(host.localName);
      if (!chartBox && active.matches('[part~="chart"]')) {
        chartBox = active;
        await sendKeys({ press: 'ArrowRight' });
        await (host as Element & { updateComplete: Promise<boolean> }).updateComplete;
        expect(announced(host), 'the chart announces the item the keys reach').to.match(/, 1 de \d+$/);
      }
      if (host.localName === 'msg-table' && active.closest('[role="row"]')) tableRow = active;
    }
    expect(reached[0]).to.equal('msg-report-filters');
    expect(reached.indexOf('msg-breakdown-chart')).to.be.greaterThan(0);
    expect(reached.indexOf('msg-table')).to.be.greaterThan(reached.indexOf('msg-breakdown-chart'));
    expect(chartBox, 'a chart reached by Tab').to.not.equal(undefined);
    expect(tableRow, 'a table row reached by Tab').to.not.equal(undefined);
  });
});
