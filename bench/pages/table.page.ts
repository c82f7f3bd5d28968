/**
 * `<msg-table>` alone with 10,000 rows in memory (one page, as the table test's): the time from
 * attaching it to its first rows painted, its nodes (shadow root included) at the top and after
 * scrolling to the end, and the longest frame while scrolling at three speeds.
 */
import '../../src/elements/table/msg-table.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import { countNodes, painted, sweep, syntheticRows, worstFrame } from './rows.js';

const rows = syntheticRows();
const source = {
  messages: (params: { kind: 'incoming' }) =>
    Promise.resolve({ kind: params.kind, total: rows.length, cap: 10_000, rows, nextCursor: null }),
} as unknown as ReportDataSource;

async function main() {
  // From before the element is created, as the plain list's clock starts before its DOM is built.
  const attach = performance.now();
  const table = document.createElement('msg-table');
  Object.assign(table, { dataSource: source, timezone: 'America/Mexico_City', now: '2026-11-26T18:00:00.000Z' });
  document.querySelector('#stage')!.append(table);
  await table.ready;
  const firstPaintMs = (await painted()) - attach;
  const nodesAtTop = countNodes(table.shadowRoot!);
  const scroller = table.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
  const end = scroller.scrollHeight - scroller.clientHeight;
  const frames = {
    // A row or so per frame, as a wheel scrolls.
    slow: await worstFrame(scroller, sweep(36 * 200, 200)),
    // Top to bottom in one second.
    fast: await worstFrame(scroller, sweep(end, 60)),
    // Back to the top and to the end in one frame each (a dragged scrollbar).
    jump: await worstFrame(scroller, [0, end]),
  };
  await painted();
  const nodesAtEnd = countNodes(table.shadowRoot!);
  const lastRowShown = table.shadowRoot!.querySelector(`[data-id="m_${rows.length - 1}"]`) !== null;
  return { firstPaintMs, nodesAtTop, nodesAtEnd, lastRowShown, frames };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = main();
