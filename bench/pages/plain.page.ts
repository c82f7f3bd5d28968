/**
 * The plain baselines of the table: the same first 40 rows as plain DOM (first paint, nodes), and a
 * plain scrolling list holding all 10,000 rows (the longest frame while scrolling it at the same
 * three speeds). Cells get the same text, times through the same kind of `Intl` formatter.
 */
import { countNodes, painted, sweep, syntheticRows, worstFrame } from './rows.js';

const rows = syntheticRows();

function list(count: number): HTMLElement {
  const time = new Intl.DateTimeFormat('es', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const scroller = document.createElement('div');
  scroller.className = 'plain';
  for (const row of rows.slice(0, count)) {
    const element = document.createElement('div');
    element.className = 'row';
    for (const text of [time.format(Date.parse(row.timestamp)), row.contact.id, row.contact.name, row.channel.name, row.content]) {
      const cell = document.createElement('div');
      cell.textContent = text;
      element.append(cell);
    }
    scroller.append(element);
  }
  return scroller;
}

async function main() {
  const stage = document.querySelector('#stage')!;
  const attach = performance.now();
  const first = list(40);
  stage.append(first);
  const firstPaintMs = (await painted()) - attach;
  const nodes = countNodes(first);
  first.remove();
  const whole = list(rows.length);
  stage.append(whole);
  await painted();
  const end = whole.scrollHeight - whole.clientHeight;
  const frames = {
    slow: await worstFrame(whole, sweep(36 * 200, 200)),
    fast: await worstFrame(whole, sweep(end, 60)),
    jump: await worstFrame(whole, [0, end]),
  };
  return { firstPaintMs, nodesAtTop: nodes, nodesAtEnd: nodes, lastRowShown: true, frames };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = main();
