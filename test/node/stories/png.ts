/**
 * Just enough PNG for the screenshot baselines, on node:zlib alone (no image library to install):
 * read Chromium's screenshots (8-bit RGB or RGBA) and our own baselines (8-bit palette), write
 * 8-bit palette PNGs, which keep a baseline a third of the size of Chromium's RGBA, and compare two
 * images pixel by pixel with a tolerance.
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
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (channels === 1) palette.copy(rgb, pixel * 3, rows[pixel]! * 3, rows[pixel]! * 3 + 3);
    else for (let c = 0; c < 3; c++) rgb[pixel * 3 + c] = rows[pixel * channels + c]!;
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
  const index = new Map<number, number>(palette.map((colour, i) => [colour, i]));
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
  const indices = new Uint8Array(image.width * image.height);
  for (let i = 0, pixel = 0; i < rgb.length; i += 3, pixel++) {
    const colour = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    let at = index.get(colour);
    if (at === undefined) index.set(colour, (at = nearest(colour)));
    indices[pixel] = at;
  }
  return { palette, indices };
}

/** The image as its palette-reduced pixels (what a baseline written by {@link encodePng} reads back as). */
export function reduced(image: Image): Image {
  const { palette, indices } = quantize(image);
  const rgb = new Uint8Array(indices.length * 3);
  indices.forEach((at, pixel) => {
    const colour = palette[at]!;
    rgb.set([(colour >> 16) & 255, (colour >> 8) & 255, colour & 255], pixel * 3);
  });
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

/** How two images differ: pixels whose colour moved by more than `channelTolerance` on a channel, and a picture of where. */
export function compare(expected: Image, actual: Image, channelTolerance = 24): { differing: number; diff: Image } {
  if (
    expected.width === actual.width &&
    expected.height === actual.height &&
    Buffer.from(expected.rgb.buffer, expected.rgb.byteOffset, expected.rgb.byteLength).equals(actual.rgb)
  ) {
    return { differing: 0, diff: expected };
  }
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const diff = new Uint8Array(width * height * 3);
  let differing = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 3;
      const inside = x < expected.width && y < expected.height && x < actual.width && y < actual.height;
      const a = (y * expected.width + x) * 3;
      const b = (y * actual.width + x) * 3;
      let moved = !inside;
      for (let c = 0; c < 3 && !moved; c++) moved = Math.abs(expected.rgb[a + c]! - actual.rgb[b + c]!) > channelTolerance;
      if (moved) {
        differing++;
        diff.set([230, 0, 60], out);
      } else {
        // The expected picture, faded, so that the red stands out where it lies.
        const grey = Math.round((expected.rgb[a]! + expected.rgb[a + 1]! + expected.rgb[a + 2]!) / 3);
        diff.fill(200 + (grey >> 3), out, out + 3);
      }
    }
  }
  return { differing, diff: { width, height, rgb: diff } };
}
