/**
 * Every story of the documentation site, opened alone in Chromium (one build of the site, one
 * browser, shared by both tests):
 * - passes axe with no violation (its default rules: WCAG 2 A and AA, and best practices);
 * - looks as its committed picture in test/screenshots/, at 1280 and 360 px wide, drawn
 *   deterministically (stories/capture.ts). `npm run screenshots:update` rewrites the pictures;
 *   a mismatch leaves the new picture and a diff beside each other in test/screenshots/failed/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { deterministicPage, openStory, pictureOf, resizeStory, WIDTHS } from './stories/capture.js';
import { compare, decodePng, encodePng, reduced } from './stories/png.js';
import { openSite, root, type Site } from './stories/site.js';

const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Set by `npm run screenshots:update`: write the pictures instead of comparing (and skip axe). */
const UPDATE = process.env.SCREENSHOTS === 'update';
/**
 * Pictures are taken when updating or on `npm run screenshots:compare`, not in `npm test` yet:
 * while two runs still disagree on a few of them (below), comparing could only report, and the
 * 186 pictures cost `npm test` about four minutes on two cores. axe runs on every story either way.
 */
const PICTURES = UPDATE || process.env.SCREENSHOTS === 'compare';
const BASELINES = resolve(root, 'test/screenshots');
const FAILED = resolve(BASELINES, 'failed');
/** Pixels that may differ before a picture counts as changed: stray anti-aliasing, not a moved label. */
const TOLERATED_PIXELS = 40;
/** axe's violations on the open story, each as `rule (nodes): first targets`. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.evaluate(axeSource);
  // Page code as text: this Node project has no DOM types.
  return (await page.evaluate(`axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 2).map((n) => n.target.join(' > ')).join('; ')))`)) as string[];
}

/**
 * Every story once, opened at the first width: its picture, axe (unless updating), then each
 * narrower width and its picture. Two tabs share the queue (about half the time on two cores),
 * each in a context of its own: the mocks' service worker is one per origin and context, and
 * would route a tab's requests to the handlers of the story open in the other.
 */
async function visitStories(site: Site): Promise<{ violations: string[]; pictures: string[]; taken: Set<string> }> {
  const found = { violations: [] as string[], pictures: [] as string[], taken: new Set<string>() };
  const queue = [...site.storyIds];
  await Promise.all(
    [0, 1].map(async () => {
      const tab = await deterministicPage(site.browser);
      for (let id = queue.shift(); id; id = queue.shift()) {
        for (const [i, width] of (PICTURES ? WIDTHS : WIDTHS.slice(0, 1)).entries()) {
          if (i === 0) await openStory(tab.page, site.origin, id, width);
          else await resizeStory(tab.page, width);
          if (PICTURES) {
            const problem = checkPicture(id, width, reduced(await pictureOf(tab.page)));
            found.taken.add(`${id}--${width}.png`);
            if (problem) found.pictures.push(problem);
          }
          if (i === 0 && !UPDATE) for (const violation of await violations(tab.page)) found.violations.push(`${id}: ${violation}`);
        }
      }
      await tab.close();
    }),
  );
  return found;
}

/** What is wrong with the picture of story `id` at `width`, or nothing; writes the picture when updating. */
function checkPicture(id: string, width: number, actual: ReturnType<typeof reduced>): string | undefined {
  const name = `${id}--${width}.png`;
  const baseline = resolve(BASELINES, name);
  if (UPDATE) {
    writeFileSync(baseline, encodePng(actual));
    return undefined;
  }
  if (!existsSync(baseline)) return `${name}: no picture yet — run \`npm run screenshots:update\` and commit test/screenshots/${name}`;
  const expected = decodePng(readFileSync(baseline));
  const { differing, diff } = compare(expected, actual);
  const resized = expected.width !== actual.width || expected.height !== actual.height;
  if (!resized && differing <= TOLERATED_PIXELS) return undefined;
  mkdirSync(FAILED, { recursive: true });
  const shown = resolve(FAILED, name.replace(/\.png$/, '.actual.png'));
  const marked = resolve(FAILED, name.replace(/\.png$/, '.diff.png'));
  writeFileSync(shown, encodePng(actual));
  writeFileSync(marked, encodePng(diff));
  const size = resized ? `size ${expected.width}×${expected.height} → ${actual.width}×${actual.height}, ` : '';
  return `${name}: ${size}${differing} pixels differ — see ${marked} (new picture: ${shown}); if the change is meant, run \`npm run screenshots:update\``;
}

describe('the documentation site', () => {
  let site: Site;
  let found: Awaited<ReturnType<typeof visitStories>>;

  before(async () => {
    site = await openSite();
    rmSync(FAILED, { recursive: true, force: true });
    found = await visitStories(site);
  });

  after(async () => {
    await site.close();
  });

  it('has no axe violation in any story', { skip: UPDATE && 'updating the pictures' }, () => {
    assert.ok(site.storyIds.length > 50, `${site.storyIds.length} stories`);
    assert.deepEqual(found.violations, []);
  });

  // Reported, not yet failing `npm test`: two runs still disagree on a few pictures (the delivery
  // legend lands a few pixels apart at 1280, the Loading stories' height at 360), which would fail
  // every landing at random. A todo runs and prints its mismatches and their diffs all the same.
  const unstable = 'pictures not yet stable from run to run (issue 8)';
  const notAsked = !PICTURES && 'pictures only on npm run screenshots:compare or :update, until they are stable (issue 8)';
  it('draws every story as its committed picture, at 1280 and 360 px wide', { skip: notAsked, todo: UPDATE ? false : unstable }, () => {
    const problems = [...found.pictures];
    // Pictures of stories that are gone: removed when updating, reported otherwise.
    for (const file of readdirSync(BASELINES).filter((name) => name.endsWith('.png') && !found.taken.has(name))) {
      if (UPDATE) rmSync(resolve(BASELINES, file));
      else problems.push(`${file}: no story draws it any more — run \`npm run screenshots:update\``);
    }
    assert.deepEqual(problems, []);
  });
});
