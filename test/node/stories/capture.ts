/**
 * A story drawn the same way on every run, for its screenshot: the clock starts at a fixed instant
 * (the mocks' data set ends "now", presets count from it, "Actualizado hh:mm" shows it), the zone
 * and language are fixed, motion is reduced (ECharts and the spinners do not animate), no caret
 * blinks, and the picture is taken once the story's play function ran and every element said it
 * is ready (or, for stories that never finish loading, after a fixed wait).
 */
import type { Browser, Page } from 'puppeteer-core';
import { decodePng, type Image } from './png.js';

/** Tuesday 24 November 2026, 12:00 in Mexico City: the stories' "now". */
export const FIXED_NOW = Date.UTC(2026, 10, 24, 18, 0, 0);
/** The widths every story is taken at: a laptop and a phone. */
export const WIDTHS = [1280, 360] as const;
/** Stories that never become ready (an endpoint that never answers) are taken this long after their render. */
const NOT_READY_MS = 3_000;

/** Page code, as text (this Node project has no DOM types): `Date` starts at FIXED_NOW and runs on from there. */
const FIXED_CLOCK = `(() => {
  const start = performance.now();
  const RealDate = Date;
  const now = () => ${FIXED_NOW} + Math.floor(performance.now() - start);
  class FixedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  globalThis.Date = FixedDate;
  addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { caret-color: transparent !important; }';
    document.head.append(style);
  });
})();`;

/** Page code: resolves once the story's render and play ran and its msg-* elements are ready. */
const SETTLED = `(async () => {
  const done = new Set(['finished', 'completed', 'errored', 'aborted']);
  for (let waited = 0; waited < 15000 && !done.has(window.__STORYBOOK_PREVIEW__?.currentRender?.phase); waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const root = document.querySelector('#storybook-root');
  const elements = [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('msg-') && 'ready' in e);
  const ready = await Promise.race([
    Promise.all(elements.map((e) => e.ready)).then(() => true),
    new Promise((r) => setTimeout(() => r(false), ${NOT_READY_MS})),
  ]);
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return ready;
})()`;

/** A page in a context of its own (the mocks' service worker is one per origin and context). */
export async function deterministicPage(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.emulateTimezone('America/Mexico_City');
  await page.emulateMediaFeatures([
    { name: 'prefers-reduced-motion', value: 'reduce' },
    { name: 'prefers-color-scheme', value: 'light' },
  ]);
  await page.evaluateOnNewDocument(FIXED_CLOCK);
  return { page, close: () => context.close() };
}

/** Opens story `id` at `width` px wide and waits until it is drawn. */
export async function openStory(page: Page, origin: string, id: string, width: number): Promise<void> {
  await page.setViewport({ width, height: 800 });
  // a11y.manual: the a11y addon would run axe by itself on each story, and one page runs one axe at a time.
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'load' });
  await page.waitForFunction("document.querySelector('#storybook-root')?.children.length > 0").catch(() => {
    throw new Error(`story ${id} rendered nothing`);
  });
  await page.evaluate(SETTLED);
}

/**
 * The open story at `width` px wide: the charts resize and the lists lay out again as on a
 * phone turned or a window narrowed, without loading the story again (half the time).
 */
export async function resizeStory(page: Page, width: number): Promise<void> {
  await page.setViewport({ width, height: 800 });
  await page.evaluate(SETTLED);
  // ECharts and the virtualised lists follow the size through ResizeObserver and a frame or two.
  await new Promise((done) => setTimeout(done, 150));
  await page.evaluate(SETTLED);
}

/** Pictures taken until two in a row are equal, at most this many: a chart may still resize once after it said it is ready. */
const MAX_PICTURES = 6;

/**
 * The picture of the open story's root, the whole of its height (not just the viewport), once it
 * stopped changing: a chart resizes once more when the tiles above it wrap after the data came.
 */
export async function pictureOf(page: Page): Promise<Image> {
  // The pointer off every chart: a slice under it shows its full label.
  await page.mouse.move(0, 0);
  let previous: Uint8Array | undefined;
  for (let taken = 0; ; taken++) {
    const box = (await page.evaluate(`(() => {
      const r = document.querySelector('#storybook-root').getBoundingClientRect();
      return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.max(1, Math.ceil(r.height)) };
    })()`)) as { x: number; y: number; width: number; height: number };
    const png = await page.screenshot({ clip: box, captureBeyondViewport: true });
    if ((previous && Buffer.from(png).equals(previous)) || taken === MAX_PICTURES) return decodePng(png);
    previous = png;
    await new Promise((done) => setTimeout(done, 250));
    await page.evaluate(SETTLED);
  }
}
