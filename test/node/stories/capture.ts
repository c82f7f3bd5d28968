/**
 * A story drawn the same way on every run, for its screenshot: the clock starts at a fixed instant
 * when the story starts (the mocks' data set ends "now", presets count from it, "Actualizado
 * hh:mm" shows it), the zone and language are fixed, motion is reduced (ECharts and the spinners
 * do not animate), no caret blinks, and the picture is taken once the story's play function ran
 * and every element said it is ready (or shows the state a story that never loads waits for).
 *
 * Each story is a page load of Storybook's preview: switching stories in one page as Storybook's
 * UI does (its `setCurrentStory` event) saved that second, but after a few minutes the mocks'
 * service worker stopped answering in a page that old (the lists showed 404s), and what a story
 * leaves behind would meet the next one.
 */
import type { Browser, Page } from 'puppeteer-core';
import { timed } from './timing.js';

/** Tuesday 24 November 2026, 12:00 in Mexico City: the stories' "now". */
export const FIXED_NOW = Date.UTC(2026, 10, 24, 18, 0, 0);
/** The widths every story is taken at: a laptop and a phone. */
export const WIDTHS = [1280, 360] as const;
/** The viewport's height; a picture takes the story's whole height all the same. */
const HEIGHT = 800;

/** Page code, as text (this Node project has no DOM types): `Date` starts at FIXED_NOW, again at each story. */
const FIXED_CLOCK = `(() => {
  let start = performance.now();
  const RealDate = Date;
  const now = () => ${FIXED_NOW} + Math.floor(performance.now() - start);
  class FixedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  globalThis.Date = FixedDate;
  globalThis.__restartFixedClock = () => { start = performance.now(); };
  addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { caret-color: transparent !important; }';
    document.head.append(style);
  });
})();`;

/**
 * Page code: resolves once story `id` rendered, its play function ran, and every msg-* element
 * in it is ready or, in a story whose endpoint never answers, shows the part its
 * `parameters.pictures.waitFor` names (`loading`, or `slow` for "taking longer than usual");
 * then the fonts and two frames.
 * Gives up waiting after 15 s, so that a broken story fails on its picture rather than hangs.
 */
const SETTLED = `(async (id) => {
  const deadline = performance.now() + 15000;
  const pause = () => new Promise((r) => setTimeout(r, 15));
  const done = new Set(['finished', 'completed', 'errored', 'aborted']);
  const preview = window.__STORYBOOK_PREVIEW__;
  // A new render of the story (not the one on screen before the switch or remount), finished.
  const rendered = () =>
    preview?.currentRender?.id === id && preview.currentRender !== window.__previousRender && done.has(preview.currentRender.phase);
  while (!rendered() && performance.now() < deadline) await pause();
  const deep = (root, selector) => root.querySelector(selector) ||
    [...root.querySelectorAll('*')].some((e) => e.shadowRoot && deep(e.shadowRoot, selector));
  const story = document.querySelector('#storybook-root');
  const waitFor = preview?.currentRender?.story?.parameters?.pictures?.waitFor;
  const elements = [...story.querySelectorAll('*')].filter((e) => e.localName.startsWith('msg-') && 'ready' in e);
  // Each element ready or, in a story that never loads, showing the part it waits for (in its
  // own shadow root or, for a report that holds others, in theirs).
  const ready = new Set();
  for (const e of elements) e.ready.then(() => ready.add(e));
  const shows = (e) => waitFor && ((e.shadowRoot && deep(e.shadowRoot, '[part~=' + waitFor + ']')) || deep(e, '[part~=' + waitFor + ']'));
  const settled = () => elements.every((e) => ready.has(e) || shows(e));
  while (!settled() && performance.now() < deadline) await pause();
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
})`;

/**
 * Page code: every ECharts chart in the story (shadow roots included) whose canvas is not the size
 * of its box (`part: drawn W×H in a W×H box`), or whose box is under a third of its element's width
 * (`part: W px wide in a W px element (its parents)`). Such a chart looks drawn and steady, so
 * neither \`ready\` nor a second picture tells it from a right one. Baselines with charts drawn
 * 40–90 px wide in full-width elements were written now and then; that was the capture (see
 * \`screenshot\`), and this check stays so that a chart left at a wrong size by the report itself
 * fails with the boxes' widths up to its element, not as a mismatched picture.
 */
const MISFIT_CHARTS = `(() => {
  const found = [];
  const visit = (root) => {
    for (const e of root.querySelectorAll('*')) {
      if (e.shadowRoot) visit(e.shadowRoot);
      if (!e.hasAttribute('_echarts_instance_')) continue;
      const canvas = e.querySelector('canvas');
      if (!canvas || e.clientWidth === 0) continue;
      const drawn = [parseFloat(canvas.style.width), parseFloat(canvas.style.height)];
      const box = [e.clientWidth, e.clientHeight];
      const name = e.getAttribute('part') ?? e.localName;
      if (Math.abs(drawn[0] - box[0]) > 1 || Math.abs(drawn[1] - box[1]) > 1)
        found.push(name + ': drawn ' + drawn.join('×') + ' in a ' + box.join('×') + ' box');
      // A box itself left narrow, its canvas with it, in a wide element: the boxes up to the element, for the cause.
      const base = e.getRootNode().querySelector('[part~=base]')?.clientWidth ?? 0;
      if (base > 400 && box[0] < base * 0.3) {
        const chain = [];
        for (let n = e.parentElement; n && chain.length < 6; n = n.parentElement)
          chain.push(n.localName + (n.className ? '.' + String(n.className).split(' ')[0] : '') + ' ' + n.clientWidth + ' ' + getComputedStyle(n).display);
        found.push(name + ': ' + box[0] + ' px wide in a ' + base + ' px element (' + chain.join(' < ') + ')');
      }
    }
  };
  visit(document.querySelector('#storybook-root'));
  return found;
})()`;

/** Page code: the next story starts from a clean page, whatever the last one did to it. */
const RESET = `(() => {
  __restartFixedClock();
  history.replaceState(null, '', location.pathname);
  document.activeElement?.blur?.();
  scrollTo(0, 0);
})()`;

/** One tab of the preview, in a browser context of its own (the mocks' worker is one per origin and context). */
export class StoryTab {
  readonly page: Page;
  readonly #origin: string;

  private constructor(page: Page, origin: string) {
    this.page = page;
    this.#origin = origin;
  }

  static async open(browser: Browser, origin: string): Promise<StoryTab> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.emulateTimezone('America/Mexico_City');
    await page.emulateMediaFeatures([
      { name: 'prefers-reduced-motion', value: 'reduce' },
      { name: 'prefers-color-scheme', value: 'light' },
    ]);
    await page.evaluateOnNewDocument(FIXED_CLOCK);
    return new StoryTab(page, origin);
  }

  /** Opens story `id` at `width` px wide and waits until it is drawn. */
  async show(id: string, width: number): Promise<void> {
    await this.page.setViewport({ width, height: HEIGHT });
    // a11y.manual: the a11y addon would run axe by itself on each story, and one page runs one axe at a time.
    const url = `${this.#origin}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`;
    await timed('load preview', () => this.page.goto(url, { waitUntil: 'load' }));
    await timed('settle', () => this.page.evaluate(`${SETTLED}(${JSON.stringify(id)})`));
    if (!(await this.page.evaluate("document.querySelector('#storybook-root')?.children.length > 0"))) {
      throw new Error(`story ${id} rendered nothing`);
    }
  }

  /**
   * The open story again at `width` px wide, rendered anew (as Storybook's `forceRemount` does) rather
   * than resized: a chart drawn at one width and resized to another could end a pixel apart from
   * run to run (its labels measured at the first width), which a picture cannot tell from a change.
   * Following a resize is each element's browser test's job (e.g. activity-heatmap.test.ts).
   */
  async rerender(id: string, width: number): Promise<void> {
    await this.page.setViewport({ width, height: HEIGHT });
    await this.page.evaluate(RESET);
    // What Storybook's forceRemount event does to the story on screen (tear down, render, play), awaited.
    await this.page.evaluate('window.__previousRender = undefined; __STORYBOOK_PREVIEW__.currentRender.remount()');
    await timed('settle', () => this.page.evaluate(`${SETTLED}(${JSON.stringify(id)})`));
  }

  /**
   * The open story's charts drawn at another size than their box's (see MISFIT_CHARTS), still so
   * after a few frames (a chart follows a resize of its box in the next frame); none when all fit.
   */
  async misfitCharts(): Promise<string[]> {
    let misfits: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) await this.nextFrames();
      misfits = (await this.page.evaluate(MISFIT_CHARTS)) as string[];
      if (misfits.length === 0) break;
    }
    return misfits;
  }

  /** A PNG of the open story's root, the whole of its height (not just the viewport). */
  async screenshot(): Promise<Uint8Array> {
    // The pointer off every chart: a slice under it shows its full label.
    await this.page.mouse.move(0, 0);
    let box = await this.#rootBox();
    // The whole story inside the viewport, by a resize of the viewport's height done and settled
    // before the capture. Not `captureBeyondViewport`: Chromium resizes the page for such a
    // capture (puppeteer#7251, to as little as 1 px wide), and the charts, which follow their boxes
    // a frame later, were now and then caught at that passing width — 40–90 px wide in a full-width
    // element, a picture steady from one capture to the next since each capture does the same,
    // written as a baseline eight times and failing every comparison after.
    const viewport = this.page.viewport();
    if (viewport && box.y + box.height > viewport.height) {
      await this.page.setViewport({ ...viewport, height: box.y + box.height });
      await this.nextFrames();
      box = await this.#rootBox();
    }
    return timed('screenshot', () => this.page.screenshot({ clip: box, captureBeyondViewport: false, optimizeForSpeed: true }));
  }

  /** The story root's box, in whole pixels. */
  async #rootBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    return (await this.page.evaluate(`(() => {
      const r = document.querySelector('#storybook-root').getBoundingClientRect();
      return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.max(1, Math.ceil(r.height)) };
    })()`)) as { x: number; y: number; width: number; height: number };
  }

  /** Two frames and a little more: what a chart resizing once more after it said it is ready needs. */
  async nextFrames(): Promise<void> {
    await timed('retry wait', () =>
      this.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))'),
    );
  }

  async close(): Promise<void> {
    await this.page.browserContext().close();
  }
}
