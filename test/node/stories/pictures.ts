/**
 * A story's picture against its committed baseline. Comparing, the first picture that matches
 * passes: a chart may still resize once after it said it is ready (the tiles above it wrap), so a
 * picture that differs is taken again a few frames later, and only one that still differs after
 * RETRIES fails. Updating, pictures are taken until two in a row are equal, and one that never holds
 * still is reported rather than written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StoryTab } from './capture.js';
import { countDiffering, decodePng, diffImage, encodePng, reduced, type Image } from './png.js';
import { root } from './site.js';
import { timed } from './timing.js';

export const BASELINES = resolve(root, 'test/screenshots');
export const FAILED = resolve(BASELINES, 'failed');
/** Pixels that may differ before a picture counts as changed: stray anti-aliasing, not a moved label. */
const TOLERATED_PIXELS = 40;
/** Pictures taken again, a few frames apart, before one that differs fails (or, updating, before the last one is kept). */
const RETRIES = 8;

/**
 * Checks (or, with `update`, writes) picture `name` of the story open in `tab`; what is wrong
 * with it, or nothing.
 */
export async function pictureOf(tab: StoryTab, name: string, update: boolean): Promise<string | undefined> {
  const baseline = resolve(BASELINES, name);
  if (update) {
    let previous = await tab.screenshot();
    for (let retry = 0; retry < RETRIES; retry++) {
      await tab.nextFrames();
      const png = await tab.screenshot();
      if (Buffer.from(png).equals(previous)) {
        writeFileSync(baseline, encodePng(decodePng(png)));
        return undefined;
      }
      previous = png;
    }
    // Never a moving picture as a baseline: on a loaded machine one was once a chart caught drawn
    // at a passing width, which every later comparison then failed on.
    return `${name}: still changing after ${RETRIES} tries, not written — run \`npm run screenshots:update\` again`;
  }
  if (!existsSync(baseline)) return `${name}: no picture yet — run \`npm run screenshots:update\` and commit test/screenshots/${name}`;
  const expected = decodePng(readFileSync(baseline));
  let actual: Image | undefined;
  let differing = 0;
  for (let retry = 0; retry <= RETRIES; retry++) {
    if (retry > 0) await tab.nextFrames();
    const png = await tab.screenshot();
    // The picture as its baseline would store it (palette-reduced), so that equal drawings compare equal.
    actual = await timed('compare', () => reduced(decodePng(png)));
    differing = await timed('compare', () => countDiffering(expected, actual!));
    if (expected.width === actual.width && expected.height === actual.height && differing <= TOLERATED_PIXELS) return undefined;
  }
  return reportMismatch(name, expected, actual!, differing);
}

/** Writes the new picture and a diff to test/screenshots/failed/ and says where. */
function reportMismatch(name: string, expected: Image, actual: Image, differing: number): string {
  mkdirSync(FAILED, { recursive: true });
  const shown = resolve(FAILED, name.replace(/\.png$/, '.actual.png'));
  const marked = resolve(FAILED, name.replace(/\.png$/, '.diff.png'));
  writeFileSync(shown, encodePng(actual));
  writeFileSync(marked, encodePng(diffImage(expected, actual)));
  const resized = expected.width !== actual.width || expected.height !== actual.height;
  const size = resized ? `size ${expected.width}×${expected.height} → ${actual.width}×${actual.height}, ` : '';
  return `${name}: ${size}${differing} pixels differ — see ${marked} (new picture: ${shown}); if the change is meant, run \`npm run screenshots:update\``;
}
