/**
 * Fresh figures (issue 8): `refresh-interval` reloads a report quietly — the figures stay on screen,
 * with no loading state, until the new answers replace them — and not while the page is hidden;
 * `<msg-messages-report>` says when its figures were loaded. The timers and the clock are the
 * report's seam (`refreshClock`), so nothing here waits 30 s.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type { BreakdownResponse } from '../../src/core/contract/types.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import { refreshClock } from '../../src/elements/shared/auto-refresh.js';
import type { MsgErrorEvent } from '../../src/elements/shared/events.js';
import { NOW, ZONE, countingSource, metrics, nextEvent, settled, shadow, startMocks, statePart, stub } from './helpers.js';

/** The report's timers, held instead of run: the test fires them, and moves the clock. */
function fakeClock(start = Date.parse(NOW)) {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const clock = { now: start, timers };
  const restore = [
    stub(refreshClock, 'now', () => clock.now),
    stub(refreshClock, 'setTimeout', (callback: () => void, ms: number) => {
      timers.set(++next, { callback, ms });
      return next;
    }),
    stub(refreshClock, 'clearTimeout', (timer: unknown) => {
      timers.delete(timer as number);
    }),
  ];
  return {
    clock,
    /** The one timer waiting, if any. */
    pending: () => [...timers.values()].at(-1),
    /** Moves the clock to the waiting timer's time and runs it. */
    fire() {
      const [id, timer] = [...timers.entries()].at(-1)!;
      timers.delete(id);
      clock.now += timer.ms;
      timer.callback();
    },
    restore: () => restore.forEach((undo) => undo()),
  };
}

/** A data source whose next breakdown answer waits until the test lets it through. */
function gatedSource() {
  const counting = countingSource();
  let gate: { open: (change: (answer: BreakdownResponse) => BreakdownResponse) => void } | undefined;
  const source: ReportDataSource = {
    ...counting.source,
    breakdown: async (params, options) => {
      const answer = await counting.source.breakdown(params, options);
      if (!gate) return answer;
      const change = await new Promise<(answer: BreakdownResponse) => BreakdownResponse>((open) => (gate = { open }));
      return change(answer);
    },
  };
  return {
    source,
    calls: counting.calls,
    /** The next breakdown answer waits. */
    hold: () => (gate = { open: () => {} }),
    release: (change: (answer: BreakdownResponse) => BreakdownResponse) => {
      const held = gate;
      gate = undefined;
      held?.open(change);
    },
  };
}

let visibility: DocumentVisibilityState = 'visible';
function showPage(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('refresh-interval and the time of the figures', () => {
  let time: ReturnType<typeof fakeClock>;
  before(startMocks);
  beforeEach(() => {
    time = fakeClock();
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    time.restore();
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('reloads after the interval without a loading state, and replaces the figures when the answer arrives', async () => {
    const data = gatedSource();
    const report = await fixture<MsgReport>(
      html`<msg-report refresh-interval="60" .dataSource=${data.source} timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    await settled(chart);
    const before = metrics(chart);
    expect(data.calls.breakdown).to.equal(1);
    expect(time.pending()?.ms, 'a reload a minute later').to.equal(60_000);

    data.hold();
    time.fire();
    await waitUntil(() => data.calls.breakdown === 2, 'asked again');
    await chart.updateComplete;
    expect(shadow(chart).querySelector('[part~="loading"]'), 'no loading state').to.equal(null);
    expect(shadow(chart).querySelector('[aria-busy="true"], .busy'), 'not dimmed').to.equal(null);
    expect(metrics(chart), 'the figures stay until the answer').to.deep.equal(before);

    data.release((answer) => ({ ...answer, groups: answer.groups.map((group) => ({ ...group, count: group.count + 1000 })) }));
    await waitUntil(() => JSON.stringify(metrics(chart)) !== JSON.stringify(before), 'the new figures');
    expect(metrics(chart).map(([key]) => key)).to.deep.equal(before.map(([key]) => key));
    expect(time.pending()?.ms, 'and again a minute later').to.equal(60_000);
  });

  it('keeps the figures and their time when a reload fails, and reports the failure', async () => {
    const data = countingSource();
    let failing = false;
    const source: ReportDataSource = {
      ...data.source,
      breakdown: (params, options) => (failing ? Promise.reject(new Error('endpoint down')) : data.source.breakdown(params, options)),
    };
    const report = await fixture<MsgReport>(
      html`<msg-report refresh-interval="60" .dataSource=${source} timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    await settled(chart);
    await report.ready;
    await waitUntil(() => report.lastUpdated, 'the time of the figures');
    const loadedAt = report.lastUpdated!.getTime();
    const before = metrics(chart);

    failing = true;
    const failure = new Promise<MsgErrorEvent>((resolve) => report.addEventListener('msg-error', resolve, { once: true }));
    time.fire();
    expect((await failure).detail.source, 'the failure is reported').to.equal('request');
    await chart.updateComplete;
    expect(statePart(chart), 'no error state in place of the figures').to.equal(undefined);
    expect(metrics(chart)).to.deep.equal(before);
    await report.ready;
    expect(report.lastUpdated!.getTime(), 'the figures are as old as before').to.equal(loadedAt);
  });

  it('asks nothing while the page is hidden, and reloads at once back in view when a reload fell due', async () => {
    const data = countingSource();
    const report = await fixture<MsgReport>(
      html`<msg-report refresh-interval="30" .dataSource=${data.source} timezone=${ZONE} now=${NOW}>
        <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics"></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
    await settled(chart);
    expect(data.calls.breakdown).to.equal(1);

    showPage('hidden');
    expect(time.pending(), 'no timer while hidden').to.equal(undefined);
    time.clock.now += 10 * 60_000;
    await chart.updateComplete;
    expect(data.calls.breakdown, 'nothing asked while hidden').to.equal(1);

    showPage('visible');
    await waitUntil(() => data.calls.breakdown === 2, 'overdue: asked at once');
    await settled(chart);

    // Hidden and back before the next one falls due: it waits for the rest of the interval.
    showPage('hidden');
    time.clock.now += 10_000;
    showPage('visible');
    await chart.updateComplete;
    expect(data.calls.breakdown).to.equal(2);
    expect(time.pending()?.ms).to.equal(20_000);
  });

  it('refuses a refresh-interval under 30 s with a localised warning, and never reloads', async () => {
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const report = document.createElement('msg-report');
    const warned = new Promise<MsgErrorEvent>((resolve) => report.addEventListener('msg-error', resolve, { once: true }));
    Object.assign(report, { dataSource: countingSource().source, timezone: ZONE, now: NOW, lang: 'es' });
    report.setAttribute('refresh-interval', '10');
    page.append(report);
    const { detail } = await warned;
    expect(detail).to.include({ source: 'input', code: 'badAttribute', severity: 'warning' });
    expect(detail.message).to.equal('el atributo refresh-interval no puede ser «10»; use uno de: 30–86400.');
    await report.updateComplete;
    expect(time.pending()).to.equal(undefined);
  });

  it('says when the figures were loaded, in the report’s zone and language, and again after a reload', async () => {
    time.clock.now = Date.parse('2026-11-26T18:04:00Z');
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const host = document.createElement('msg-messages-report');
    Object.assign(host, { dataSource: countingSource().source, timezone: ZONE, now: NOW });
    /** The next time every figure is drawn, and the report has rendered since. */
    const drawn = async () => {
      await nextEvent(host, 'msg-ready');
      await host.updateComplete;
    };
    const updated = () => shadow(host).querySelector('[part~="updated"]')?.textContent.trim();
    const first = drawn();
    page.append(host);
    await first;
    expect(updated()).to.equal('Actualizado 12:04');
    expect(host.lastUpdated?.toISOString()).to.equal('2026-11-26T18:04:00.000Z');

    time.clock.now = Date.parse('2026-11-26T18:35:00Z');
    const reloaded = drawn();
    host.refresh();
    await reloaded;
    expect(updated()).to.equal('Actualizado 12:35');

    host.lang = 'en';
    await host.updateComplete;
    expect(updated()).to.match(/^Updated 12:35\sPM$/);
  });
});
