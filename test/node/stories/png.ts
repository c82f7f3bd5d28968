/**
 * Just enough PNG for the screenshot baselines, on node:zlib alone (no image library to install):
 * read Chromium's screenshots (8-bit RGB or RGBA) and our own baselines (8-bit palette), write
 * 8-bit palette PNGs, which keep a baseline a third of the size of Chromium's RGBA, and compare two
 * images pixel by pixel with a tolerance. Every loop runs on millions of bytes per picture: typed arrays, no call or allocation per pixel.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** An opaque image: `rgb` holds width × height × 3 bytes, row by row. */
export interface Image {
  width: number;
  height: number;
  rgb: Uint8Array;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Decodes a non-interlaced 8-bit PNG of colour type 2 (RGB), 3 (palette) or 6 (RGBA); alpha is dropped. */
export function decodePng(file: Uint8Array): Image {
  const buffer = Buffer.from(file);
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let colourType = 0;
  let palette = Buffer.alloc(0);
  const data: Buffer[] = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const body = buffer.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9]!;
      if (body[8] !== 8 || body[12] !== 0 || ![2, 3, 6].includes(colourType))
        throw new Error('unsupported PNG (8-bit RGB, RGBA or palette, not interlaced)');
    } else if (type === 'PLTE') palette = Buffer.from(body);
    else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 1;
  const rows = unfilter(inflateSync(Buffer.concat(data)), width, height, channels);
  const rgb = new Uint8Array(width * height * 3);
  // Plain loops over typed arrays: a call per pixel (Buffer.copy) took 1.5 s on the largest picture.
  const colours = new Uint8Array(768);
  colours.set(palette.subarray(0, 768));
  for (let pixel = 0, out = 0, at = 0; out < rgb.length; pixel++, out += 3, at += channels) {
    const from = channels === 1 ? rows[pixel]! * 3 : at;
    const source = channels === 1 ? colours : rows;
    rgb[out] = source[from]!;
    rgb[out + 1] = source[from + 1]!;
    rgb[out + 2] = source[from + 2]!;
  }
  return { width, height, rgb };
}

/** Undoes PNG's per-row filters (none, sub, up, average, Paeth); one loop per filter, as this runs on millions of bytes. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const above = row - stride;
    out.set(raw.subarray(src, src + stride), row);
    if (filter === 1) for (let x = bpp; x < stride; x++) out[row + x] = (out[row + x]! + out[row + x - bpp]!) & 255;
    else if (filter === 2 && y > 0) for (let x = 0; x < stride; x++) out[row + x] = (out[row + x]! + out[above + x]!) & 255;
    else if (filter === 3)
      for (let x = 0; x < stride; x++) {
        const left = x >= bpp ? out[row + x - bpp]! : 0;
        const up = y > 0 ? out[above + x]! : 0;
        out[row + x] = (out[row + x]! + ((left + up) >> 1)) & 255;
      }
    else if (filter === 4)
      for (let x = 0; x < stride; x++) {
        const left = x >= bpp ? out[row + x - bpp]! : 0;
        const up = y > 0 ? out[above + x]! : 0;
        const upLeft = y > 0 && x >= bpp ? out[above + x - bpp]! : 0;
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        out[row + x] = (out[row + x]! + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 255;
      }
  }
  return out;
}

const COUNTS = new Uint32Array(1 << 24);
/** Each colour's palette index plus one, while one image is quantized (0: not looked up yet). */
const INDEX = new Uint16Array(1 << 24);

/**
 * The image reduced to at most 256 colours, the same way every time for the same pixels: all of
 * them when there are that few, else the 256 most frequent (flat fills, text, lines) and every
 * other colour (anti-aliased edges) mapped to the nearest of those.
 */
export function quantize(image: Image): { palette: number[]; indices: Uint8Array } {
  // One counter per 24-bit colour (64 MB, made once): a Map here took a second per large picture.
  const { rgb } = image;
  const seen: number[] = [];
  for (let i = 0; i < rgb.length; i += 3) {
    const colour = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    if (COUNTS[colour] === 0) seen.push(colour);
    COUNTS[colour] = COUNTS[colour]! + 1;
  }
  const counted = seen.map((colour) => [colour, COUNTS[colour]!] as const);
  for (const colour of seen) COUNTS[colour] = 0;
  const palette = counted
    .sort(([a, countA], [b, countB]) => countB - countA || a - b)
    .slice(0, 256)
    .map(([colour]) => colour);
  palette.forEach((colour, i) => (INDEX[colour] = i + 1));
  const nearest = (colour: number): number => {
    let best = 0;
    let bestDistance = Infinity;
    palette.forEach((candidate, i) => {
      const distance =
        (((candidate >> 16) & 255) - ((colour >> 16) & 255)) ** 2 +
        (((candidate >> 8) & 255) - ((colour >> 8) & 255)) ** 2 +
        ((candidate & 255) - (colour & 255)) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    return best;
  };
  // A table, not a Map, from colour to index: a lookup per pixel, millions of them.
  const indices = new Uint8Array(image.width * image.height);
  for (let i = 0, pixel = 0; i < rgb.length; i += 3, pixel++) {
    const colour = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    let at = INDEX[colour]!;
    if (at === 0) INDEX[colour] = at = nearest(colour) + 1;
    indices[pixel] = at - 1;
  }
  for (const colour of seen) INDEX[colour] = 0;
  return { palette, indices };
}

/** The image as its palette-reduced pixels (what a baseline written by {@link encodePng} reads back as). */
export function reduced(image: Image): Image {
  const { palette, indices } = quantize(image);
  const colours = new Uint8Array(palette.length * 3);
  palette.forEach((colour, i) => colours.set([(colour >> 16) & 255, (colour >> 8) & 255, colour & 255], i * 3));
  const rgb = new Uint8Array(indices.length * 3);
  for (let pixel = 0, out = 0; pixel < indices.length; pixel++, out += 3) {
    const from = indices[pixel]! * 3;
    rgb[out] = colours[from]!;
    rgb[out + 1] = colours[from + 1]!;
    rgb[out + 2] = colours[from + 2]!;
  }
  return { width: image.width, height: image.height, rgb };
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** The image as an 8-bit palette PNG (colours reduced by {@link quantize}), compressed as far as zlib goes. */
export function encodePng(image: Image): Buffer {
  const { palette, indices } = quantize(image);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, i) => plte.set([(colour >> 16) & 255, (colour >> 8) & 255, colour & 255], i * 3));
  // Filter "none" on every row: for palette indices it compresses best.
  const raw = Buffer.alloc((image.width + 1) * image.height);
  for (let y = 0; y < image.height; y++) raw.set(indices.subarray(y * image.width, (y + 1) * image.width), y * (image.width + 1) + 1);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Whether a channel of two pixels moved by more than `tolerance`; a pixel outside either image always has. */
function moved(expected: Image, actual: Image, x: number, y: number, tolerance: number): boolean {
  if (x >= expected.width || y >= expected.height || x >= actual.width || y >= actual.height) return true;
  const a = (y * expected.width + x) * 3;
  const b = (y * actual.width + x) * 3;
  return (
    Math.abs(expected.rgb[a]! - actual.rgb[b]!) > tolerance ||
    Math.abs(expected.rgb[a + 1]! - actual.rgb[b + 1]!) > tolerance ||
    Math.abs(expected.rgb[a + 2]! - actual.rgb[b + 2]!) > tolerance
  );
}

/**
 * How far a channel may move before a pixel counts as changed. Measured: a comparison of all 234
 * pictures on the machine that drew them was exact, every one at 0 (each after at most a retry);
 * 8 leaves room for another CPU's anti-aliasing and still catches a border moved from #374151 to
 * #4b5563 (20–30 a channel), which the 24 allowed before let through.
 */
export const CHANNEL_TOLERANCE = 8;

/** How many pixels differ between two images: their colour moved by more than `channelTolerance` on a channel. */
export function countDiffering(expected: Image, actual: Image, channelTolerance = CHANNEL_TOLERANCE): number {
  const same = expected.width === actual.width && expected.height === actual.height;
  if (same && Buffer.from(expected.rgb.buffer, expected.rgb.byteOffset, expected.rgb.byteLength).equals(actual.rgb)) return 0;
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  let differing = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (moved(expected, actual, x, y, channelTolerance)) differing++;
  return differing;
}

/** A picture of where two images differ: red where a pixel moved, the expected picture faded elsewhere. */
export function diffImage(expected: Image, actual: Image, channelTolerance = CHANNEL_TOLERANCE): Image {
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 3;
      if (moved(expected, actual, x, y, channelTolerance)) rgb.set([230, 0, 60], out);
      else {
        const a = (y * expected.width + x) * 3;
        const grey = Math.round((expected.rgb[a]! + expected.rgb[a + 1]! + expected.rgb[a + 2]!) / 3);
        rgb.fill(200 + (grey >> 3), out, out + 3);
      }
    }
  }
  return { width, height, rgb };
}
