/**
 * Every story of the documentation site, opened in Chromium (one build of the site, one browser,
 * shared by both tests):
 * - passes axe with no violation (its default rules: WCAG 2 A and AA, and best practices);
 * - looks as its committed picture in test/screenshots/, at 1280 and 360 px wide, drawn
 *   deterministically (stories/capture.ts). `npm run screenshots:update` rewrites the pictures;
 *   a mismatch leaves the new picture and a diff beside each other in test/screenshots/failed/.
 *   `STORIES=regexp` narrows either to the stories whose id matches.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { StoryTab, WIDTHS } from './stories/capture.js';
import { BASELINES, FAILED, pictureOf } from './stories/pictures.js';
import { openSite, root, type Site } from './stories/site.js';
import { timed, timings } from './stories/timing.js';

const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Set by `npm run screenshots:update`: write the pictures instead of comparing (and skip axe). */
const UPDATE = process.env.SCREENSHOTS === 'update';
/**
 * The Chromium that drew the baselines, as its `--version` says, in test/screenshots/ beside them.
 * Another version may draw text and curves a little differently, so its pictures are not evidence
 * of a change in the report; another machine with the same Debian Chromium draws the same pictures
 * (seen: 232 of 234 equal; the other two were baselines holding a chart drawn narrower than its box).
 */
const CHROMIUM_FILE = resolve(BASELINES, 'chromium-version.txt');
const chromium = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
const baselinesChromium = existsSync(CHROMIUM_FILE) ? readFileSync(CHROMIUM_FILE, 'utf8').trim() : 'none recorded';
/**
 * Pictures are compared on every `npm test` where the Chromium is the one that drew the baselines
 * (another version may draw text and curves a little differently, so its pictures are no evidence
 * of a change in the report: the comparison is skipped, naming both versions, and
 * `npm run screenshots:compare` runs it anyway). `SCREENSHOTS=off` skips them.
 */
const SAME_CHROMIUM = chromium === baselinesChromium;
const PICTURES = UPDATE || process.env.SCREENSHOTS === 'compare' || (process.env.SCREENSHOTS !== 'off' && SAME_CHROMIUM);
/** `STORIES=heatmap` (a regular expression): only the stories whose id matches, e.g. to update a few pictures. */
const ONLY = process.env.STORIES ? new RegExp(process.env.STORIES) : undefined;
/** Tabs working through the stories at once: two cores. */
const TABS = 2;

/** axe's violations on the open story, each as `rule (nodes): first targets`. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.evaluate(axeSource);
  // Page code as text: this Node project has no DOM types.
  return (await page.evaluate(`axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 2).map((n) => n.target.join(' > ')).join('; ')))`)) as string[];
}

/**
 * Every story once, opened at the first width: its picture, axe (unless updating), then each
 * narrower width and its picture. The tabs take every TABS-th story each, the same ones on every
 * run, so that whatever a story leaves behind in its tab meets the same next story each time.
 */
async function visitStories(
  site: Site,
): Promise<{ violations: string[]; misfits: string[]; pictures: string[]; rerendered: string[]; taken: Set<string> }> {
  const found = {
    violations: [] as string[],
    misfits: [] as string[],
    pictures: [] as string[],
    rerendered: [] as string[],
    taken: new Set<string>(),
  };
  await Promise.all(
    Array.from({ length: TABS }, async (_, first) => {
      const tab = await StoryTab.open(site.browser, site.origin);
      for (const id of site.storyIds.filter((id, i) => i % TABS === first && (!ONLY || ONLY.test(id)))) {
        const start = performance.now();
        for (const [i, width] of (PICTURES ? WIDTHS : WIDTHS.slice(0, 1)).entries()) {
          if (i === 0) await tab.show(id, width);
          else await tab.rerender(id, width);
          let misfits = await tab.misfitCharts();
          if (misfits.length) {
            // Printed, then one fresh render before it counts, as for a picture: a chart the report
            // itself leaves at a wrong size stays so on a second render, a passing fault does not.
            // (The narrow charts once pictured were the capture's doing: see capture.ts.)
            console.log(`misdrawn, drawn again: ${id} at ${width} px: ${misfits.join('; ')}`);
            await tab.rerender(id, width);
            misfits = await tab.misfitCharts();
          }
          for (const misfit of misfits) found.misfits.push(`${id} at ${width} px: ${misfit}`);
          if (PICTURES) {
            const name = `${id}--${width}.png`;
            // Never a misdrawn chart as a baseline: it would look steady, and fail every comparison.
            let problem = UPDATE && misfits.length ? `${name}: not written, a chart is misdrawn` : await pictureOf(tab, name, UPDATE);
            if (problem && !UPDATE) {
              // One fresh render before a mismatch counts: on a loaded machine a render now and
              // then draws a pie label cut a letter apart, which the next render does not. Each such
              // picture is printed, so a story that needs it often shows.
              await tab.rerender(id, width);
              problem = await pictureOf(tab, name, false);
              if (!problem) found.rerendered.push(name);
            }
            found.taken.add(name);
            if (problem) found.pictures.push(problem);
          }
          if (i === 0 && !UPDATE)
            for (const violation of await timed('axe', () => violations(tab.page))) found.violations.push(`${id}: ${violation}`);
        }
        if (process.env.STORIES_TIMING) console.log(`${id}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
      }
      await tab.close();
    }),
  );
  return found;
}

describe('the documentation site', () => {
  let site: Site;
  let found: Awaited<ReturnType<typeof visitStories>>;

  before(async () => {
    site = await timed('build and browser', () => openSite());
    rmSync(FAILED, { recursive: true, force: true });
    found = await visitStories(site);
    // Where the time went, summed over the tabs (they run at once): see README, "Screenshot tests".
    console.log(`stories: ${site.storyIds.length}; ${timings()}`);
    if (found.rerendered.length) console.log(`pictures equal only when drawn again: ${found.rerendered.join(', ')}`);
  });

  after(async () => {
    await site.close();
  });

  it('has no axe violation in any story', { skip: UPDATE && 'updating the pictures' }, () => {
    assert.ok(ONLY || site.storyIds.length > 50, `${site.storyIds.length} stories`);
    assert.deepEqual(found.violations, []);
  });

  it('draws every chart at the size of its box', () => {
    assert.deepEqual(found.misfits, []);
  });

  it(
    'draws every story as its committed picture, at 1280 and 360 px wide',
    {
      skip:
        !PICTURES &&
        (SAME_CHROMIUM
          ? 'SCREENSHOTS=off'
          : `the baselines were drawn by ${baselinesChromium}, this is ${chromium}: run npm run screenshots:compare to compare anyway`),
    },
    () => {
      const problems = [...found.pictures];
      if (!UPDATE && chromium !== baselinesChromium)
        problems.unshift(`the baselines were drawn by ${baselinesChromium}, this is ${chromium}`);
      // Pictures of stories that are gone: removed when updating, reported otherwise.
      for (const file of readdirSync(BASELINES).filter((name) => !ONLY && name.endsWith('.png') && !found.taken.has(name))) {
        if (UPDATE) rmSync(resolve(BASELINES, file));
        else problems.push(`${file}: no story draws it any more — run \`npm run screenshots:update\``);
      }
      // The Chromium that drew them, once every picture is in.
      if (UPDATE && !ONLY && problems.length === 0) writeFileSync(CHROMIUM_FILE, `${chromium}\n`);
      assert.deepEqual(problems, []);
    },
  );
});
