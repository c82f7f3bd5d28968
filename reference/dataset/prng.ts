/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) and the few
 * distributions the data set needs. Deterministic on every engine: 32-bit integer maths and exactly
 * rounded float operations only (no Math.exp/log/sin, whose precision engines may differ on).
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A float in [min, max) peaking in the middle (sum of two uniforms). */
  triangular(min: number, max: number): number;
  /** An independent generator derived from this one and `label` (stable whatever else is drawn). */
  fork(label: string): Random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over UTF-16 code units: turns a label into 32 bits for {@link Random.fork}. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A generator seeded with `seed` (any number; only its low 32 bits matter). */
export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const raw = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator).
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) raw();

  const next = () => raw() / 4_294_967_296;
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick needs at least one item');
      return item;
    },
    weighted: (items) => {
      let sum = 0;
      for (const [, weight] of items) sum += weight;
      let roll = next() * sum;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      // Float rounding can leave the roll just above zero after the last weight: the last item.
      const last = items.at(-1);
      if (last === undefined) throw new RangeError('weighted needs at least one item');
      return last[0];
    },
    triangular: (min, max) => min + ((next() + next()) / 2) * (max - min),
    fork: (label) => createRandom((seed ^ hashLabel(label)) >>> 0),
  };
  return random;
}
