/**
 * The sample data `npm start` seeds on first start: the deterministic data set the mocks, the
 * stories and the tests use (reference/dataset), sized by message count. The one module of the
 * server that reaches into reference/: only seeding calls it, never the request path.
 */
import { DEFAULT_MONTHS, generateDataset, type GenerationProgress } from '../reference/dataset/index.js';
import type { Dataset, DatasetOptions } from '../reference/dataset/types.js';

export type { Dataset, DatasetMessage, DatasetOptions } from '../reference/dataset/types.js';

export interface SeedPlan {
  /** At least this many messages (default 1,000,000). */
  messages?: number;
  /** Generator options besides the size; `messagesPerDay` is derived from `messages` unless set. */
  dataset?: DatasetOptions;
}

export const DEFAULT_SEED_MESSAGES = 1_000_000;

/**
 * A data set with at least `plan.messages` messages: the generator's size knob is messages per
 * day, so it is derived from the range, checked, and raised if the set came out short.
 * `onProgress` hears how far generation is, 0 to 1 (from 0 again in the rare second attempt).
 */
export function generateSeedData(plan: SeedPlan = {}, onProgress?: GenerationProgress): Dataset {
  const target = plan.messages ?? DEFAULT_SEED_MESSAGES;
  const months = plan.dataset?.months ?? DEFAULT_MONTHS;
  if (plan.dataset?.messagesPerDay !== undefined) return generateDataset({ ...plan.dataset, months }, onProgress);
  const days = Math.max(1, months * 30.44);
  // Measured: the generator yields ≈ 0.95 × messagesPerDay × days; aim a little above the target.
  let perDay = Math.ceil(target / (days * 0.93));
  for (;;) {
    const dataset = generateDataset({ ...plan.dataset, months, messagesPerDay: perDay }, onProgress);
    if (dataset.messages.length >= target || target === 0) return dataset;
    perDay = Math.ceil(perDay * (target / Math.max(1, dataset.messages.length)) * 1.02);
  }
}
