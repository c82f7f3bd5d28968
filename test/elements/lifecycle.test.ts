/**
 * Lifecycle on a real host page: the package loaded twice, elements moved, charts in hidden or
 * 0×0 boxes, and a strict page whose `window.onerror` fails on any error.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { getInstanceByDom, type ECharts } from 'echarts/core';
import '../../src/index.js';
import '../../src/elements/delivery-breakdown/msg-delivery-breakdown.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type * as DefineModule from '../../src/elements/shared/define.js';
import type * as StoreModule from '../../src/core/store/report-store.js';
import type { MessageRow } from '../../src/core/contract/types.js';
import { NOW, ZONE, chartsRendered, countingSource, settled, shadow, startMocks, stub } from './helpers.js';

const TAGS = [
  'msg-report',
  'msg-report-filters',
  'msg-breakdown-chart',
  'msg-delivery-line',
  'msg-delivery-breakdown',
  'msg-table',
  'msg-messages-report',
];

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits, frame by frame (at most ~8 s), until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (check()) return;
    await frame();
  }
  throw new Error(`timed out waiting until ${what}`);
}

function chartBoxes(element: Element): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[part~="chart"]')];
}

/** The module at `path` (relative to this file) evaluated again, as a second copy of the package would be. */
async function secondCopy<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ new URL(`${path.replace(/\.js$/, '.ts')}?second-copy`, import.meta.url).href)) as T;
}

describe('lifecycle', () => {
  before(startMocks);

  it('defines each tag once when a second copy of the package loads, warns naming the conflict, throws nothing (two copies)', async () => {
    const first = TAGS.map((tag) => customElements.get(tag));
    expect(first.every(Boolean), 'the first copy defined every tag').to.equal(true);
    const warnings: string[] = [];
    const restore = stub(console, 'warn', (...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
    try {
      // The same copy imported again under another URL defines nothing new, and says nothing.
      await secondCopy('../../src/elements/report/msg-report.js');
      expect(warnings).to.deep.equal([]);

      // A second copy: its own define module and its own classes for every tag.
      const { defineElement } = await secondCopy<typeof DefineModule>('../../src/elements/shared/define.js');
      for (const tag of TAGS) {
        const SecondCopy = class extends (customElements.get(tag) as CustomElementConstructor) {};
        expect(() => defineElement(tag, SecondCopy), tag).to.not.throw();
      }
    } finally {
      restore();
    }
    expect(
      TAGS.map((tag) => customElements.get(tag)),
      'the first definitions stay',
    ).to.deep.equal(first);
    expect(warnings).to.have.length(TAGS.length);
    TAGS.forEach((tag, i) => expect(warnings[i]).to.contain(`<${tag}> is already defined by another copy`));
    expect(document.createElement('msg-report')).to.be.instanceOf(first[0]!);
  });

  it('follows a report of another copy of the package named with for (two copies)', async () => {
    const { ReportStore } = await secondCopy<typeof StoreModule>('../../src/core/store/report-store.js');
    const { source, calls } = countingSource();
    const page = await fixture<HTMLElement>(
      html`<div>
        <div id="other-copy"></div>
        <msg-breakdown-chart for="other-copy"></msg-breakdown-chart>
      </div>`,
    );
    // What another copy's <msg-report> holds: a store of that copy's own ReportStore class.
    Object.assign(page.querySelector('#other-copy')!, { store: new ReportStore({ dataSource: source, timezone: ZONE, now: NOW }) });
    const chart = page.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    chart.requestUpdate();
    await settled(chart);
    expect(calls.breakdown).to.equal(1);
    expect(shadow(chart).querySelector('[part~="metrics"]')).to.not.equal(null);
  });

  it('keeps its chart through a move: the same ECharts instance, no new request (moves)', async () => {
    const { source, calls } = countingSource();
    const page = await fixture<HTMLElement>(
      html`<div>
        <msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}>
          <section><msg-breakdown-chart direction="incoming"></msg-breakdown-chart></section>
          <aside></aside>
        </msg-report>
        <div class="elsewhere"></div>
      </div>`,
    );
    const report = page.querySelector<MsgReport>('msg-report')!;
    const chart = report.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    await chartsRendered(chart, 2);
    const boxes = chartBoxes(chart);
    const instances = boxes.map((box) => getInstanceByDom(box));
    expect(instances.every(Boolean)).to.equal(true);
    const requests = { ...calls };

    report.querySelector('aside')!.append(chart); // the chart moves within its report
    page.querySelector('.elsewhere')!.append(report); // the whole report moves
    for (let i = 0; i < 3; i++) await frame();
    await settled(chart);
    // By identity, as booleans: an ECharts instance is too large a graph to compare or print.
    expect(
      chartBoxes(chart).map((box, i) => box === boxes[i]),
      'the same chart boxes',
    ).to.deep.equal([true, true]);
    expect(
      boxes.map((box, i) => getInstanceByDom(box) === instances[i]),
      'the same ECharts instances',
    ).to.deep.equal([true, true]);
    expect(instances.every((instance) => !(instance as ECharts).isDisposed())).to.equal(true);
    expect(calls, 'no new request').to.deep.equal(requests);
  });

  it('sizes a chart drawn in a hidden or 0×0 box once the box is shown (hidden charts)', async () => {
    const { source } = countingSource();
    const page = await fixture<HTMLElement>(
      html`<div>
        <div class="hidden" hidden>
          <msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}
            ><msg-breakdown-chart direction="incoming"></msg-breakdown-chart
          ></msg-report>
        </div>
        <div class="zero" style="width: 0; height: 0; overflow: hidden; --msg-chart-height: 0px">
          <msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}
            ><msg-breakdown-chart direction="incoming"></msg-breakdown-chart
          ></msg-report>
        </div>
      </div>`,
    );
    const [hidden, zero] = [...page.querySelectorAll<MsgBreakdownChart>('msg-breakdown-chart')] as [MsgBreakdownChart, MsgBreakdownChart];
    await settled(hidden);
    await settled(zero);
    for (let i = 0; i < 3; i++) await frame();
    const sized = (chart: MsgBreakdownChart) =>
      chartBoxes(chart).every((box) => {
        const instance = getInstanceByDom(box);
        return (
          box.clientWidth > 0 &&
          instance !== undefined &&
          instance.getWidth() === box.clientWidth &&
          instance.getHeight() === box.clientHeight
        );
      });
    for (const chart of [hidden, zero]) {
      const boxes = chartBoxes(chart);
      expect(boxes, 'a bar and a pie box').to.have.length(2);
      expect(boxes.map((box) => box.clientHeight)).to.deep.equal([0, 0]);
      expect(
        boxes.map((box) => getInstanceByDom(box) === undefined),
        'nothing drawn while the box has no size',
      ).to.deep.equal([true, true]);
    }

    page.querySelector<HTMLElement>('.hidden')!.hidden = false;
    page.querySelector<HTMLElement>('.zero')!.removeAttribute('style');
    await until(() => sized(hidden) && sized(zero), 'both charts are drawn at their boxes’ size');

    // Hidden again and narrowed while hidden: shown, it takes the new size.
    const drawnWidth = chartBoxes(hidden)[0]!.clientWidth;
    const box = page.querySelector<HTMLElement>('.hidden')!;
    box.hidden = true;
    await frame();
    box.style.width = `${drawnWidth / 2}px`;
    box.hidden = false;
    await until(() => sized(hidden) && chartBoxes(hidden)[0]!.clientWidth <= drawnWidth / 2, 'the chart takes its new size');
  });

  it('follows its box when ECharts ignores a resize, as it does one asked while it draws (resize ignored)', async () => {
    const { source } = countingSource();
    const page = await fixture<HTMLElement>(
      html`<div style="width: 640px">
        <msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}
          ><msg-breakdown-chart direction="incoming"></msg-breakdown-chart
        ></msg-report>
      </div>`,
    );
    const chart = page.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    await settled(chart);
    await until(() => chartBoxes(chart).every((box) => getInstanceByDom(box)?.getWidth() === box.clientWidth), 'both charts drawn');
    // ECharts' resize() returns without a word during its own update cycle (production build); here
    // each instance ignores the next call, as it would if that call landed in such a cycle.
    for (const box of chartBoxes(chart)) {
      const instance = getInstanceByDom(box)!;
      const resize = instance.resize.bind(instance);
      let ignored = false;
      instance.resize = (options) => {
        if (ignored) resize(options);
        ignored = true;
      };
    }
    page.style.width = '320px';
    await until(
      () => chartBoxes(chart).every((box) => box.clientWidth <= 320 && getInstanceByDom(box)?.getWidth() === box.clientWidth),
      'both charts drawn at their narrowed boxes’ width',
    );
  });

  it('never lets the table’s ResizeObserver loop reach a strict page’s window.onerror (strict host page)', async function () {
    this.timeout(20_000);
    const rows: MessageRow[] = Array.from({ length: 3_000 }, (_, i) => ({
      id: `m_${i}`,
      timestamp: new Date(Date.parse(NOW) - i * 7_000).toISOString(),
      contact: { id: `c_${i % 400}`, name: `Contacto ${i % 400}` },
      channel: { id: 'ch_1', name: 'WhatsApp Ventas', kind: 'whatsapp' },
      content: i % 3 === 0 ? `Mensaje ${'largo '.repeat(i % 40)}` : `Mensaje ${i}`,
    }));
    const source = {
      messages: (params: { kind: 'incoming'; cursor?: string; limit?: number }) => {
        const start = params.cursor ? Number(params.cursor) : 0;
        const end = Math.min(rows.length, start + (params.limit ?? 100));
        return Promise.resolve({
          kind: params.kind,
          total: rows.length,
          cap: 10_000,
          rows: rows.slice(start, end),
          nextCursor: end < rows.length ? String(end) : null,
        });
      },
    } as unknown as ReportDataSource;
    // A strict host page: any error that reaches window.onerror fails it.
    const errors: string[] = [];
    const restore = stub(window, 'onerror', (message: string | Event) => {
      errors.push(typeof message === 'string' ? message : message.type);
      return true;
    });
    try {
      const box = await fixture<HTMLElement>(
        html`<div style="width: 900px; height: 400px">
          <msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}
            ><msg-table kind="outgoing" style="height: 100%"></msg-table
          ></msg-report>
        </div>`,
      );
      const table = box.querySelector<MsgTable>('msg-table')!;
      await settled(table);
      await until(() => shadow(table).querySelector('.body [role="row"][data-id]') !== null, 'rows are on screen');
      for (let i = 0; i < 60; i++) {
        box.style.width = `${300 + ((i * 137) % 700)}px`;
        box.style.height = `${150 + ((i * 71) % 400)}px`;
        await frame();
      }
      for (let i = 0; i < 5; i++) await frame();
    } finally {
      restore();
    }
    expect(errors).to.deep.equal([]);
  });
});
