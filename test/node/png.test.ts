/**
 * The story pictures' comparison (test/node/stories/png.ts): what counts as a changed pixel.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countDiffering, decodePng, encodePng, reduced, type Image } from './stories/png.js';

/** A 20×10 picture of one colour, with `changed` pixels of another. */
function picture(colour: [number, number, number], changed = 0, other: [number, number, number] = colour): Image {
  const rgb = new Uint8Array(20 * 10 * 3);
  for (let i = 0; i < 200; i++) rgb.set(i < changed ? other : colour, i * 3);
  return { width: 20, height: 10, rgb };
}

test('counts a border moved from #374151 to #4b5563 as changed, and anti-aliasing a few steps off as not', () => {
  const gray700: [number, number, number] = [0x37, 0x41, 0x51];
  assert.equal(countDiffering(picture(gray700), picture(gray700, 50, [0x4b, 0x55, 0x63])), 50);
  assert.equal(countDiffering(picture(gray700), picture(gray700, 50, [0x37 + 3, 0x41 - 2, 0x51 + 1])), 0);
});

test('stores a picture so that it reads back as the same pixels (the baselines are palette PNGs)', () => {
  const image = reduced(picture([10, 200, 30], 37, [250, 250, 250]));
  assert.equal(countDiffering(image, decodePng(encodePng(image)), 0), 0);
});
