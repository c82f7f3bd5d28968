/** The 10,000 rows both table pages show (as the table test's synthetic rows), and frame and node counters. */
import type { MessageRow } from '../../src/core/contract/types.js';

export const ROWS = 10_000;

export function syntheticRows(count = ROWS): MessageRow[] {
  const start = Date.parse('2026-11-26T17:00:00Z');
  return Array.from({ length: count }, (_, i) => ({
    id: `m_${i}`,
    timestamp: new Date(start - i * 7_000).toISOString(),
    contact: { id: `c_${i % 400}`, name: `Contacto ${i % 400}` },
    channel: { id: 'ch_1', name: 'WhatsApp Ventas', kind: 'whatsapp' },
    content: i % 10 === 0 ? `Mensaje ${i} ${'con un texto largo que no cabe en la celda '.repeat(4)}` : `Mensaje ${i}`,
  }));
}

/** Every node under `root`, shadow roots included: elements, text and comments. */
export function countNodes(root: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    count++;
    if (node instanceof Element && node.shadowRoot) count += countNodes(node.shadowRoot);
  }
  return count;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves after the next paint: a task queued from the frame's animation callbacks runs after it. */
export function painted(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
}

/**
 * Scrolls `scroller` by setting `scrollTop` once per frame along `positions`, and returns the
 * longest frame: the largest gap between two animation frames, and the longest long animation
 * frame reported (Chromium's LoAF, frames over 50 ms; 0 when none).
 */
export async function worstFrame(scroller: HTMLElement, positions: number[]): Promise<{ gapMs: number; loafMs: number }> {
  let loafMs = 0;
  const since = performance.now();
  const observer = new PerformanceObserver((list) => {
    // Only frames of the scrolling: an earlier long frame may still be reported after `observe`.
    for (const entry of list.getEntries()) if (entry.startTime >= since) loafMs = Math.max(loafMs, entry.duration);
  });
  observer.observe({ type: 'long-animation-frame', buffered: false });
  let last = await frame();
  let gapMs = 0;
  for (const position of positions) {
    scroller.scrollTop = position;
    const now = await frame();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }
  // Two more frames, so the last position's work is in a frame too.
  for (let i = 0; i < 2; i++) {
    const now = await frame();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }
  observer.disconnect();
  return { gapMs, loafMs };
}

/** Scroll positions: `steps` even steps from the top to `end`. */
export function sweep(end: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => Math.round(((i + 1) / steps) * end));
}
