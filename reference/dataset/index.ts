/** The seeded reference data set: generator, types and the PRNG it runs on. */
export {
  generateDataset,
  defaultEnd,
  resolveDatasetOptions,
  DEFAULT_MESSAGES_PER_DAY,
  DEFAULT_MONTHS,
  DEFAULT_SEED,
  DEFAULT_TIMEZONE,
  type GenerationProgress,
} from './generate.js';
export { createRandom, type Random } from './prng.js';
export type * from './types.js';
