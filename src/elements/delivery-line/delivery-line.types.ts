import type { Status } from '../../core/contract/types.js';

/** The metrics strip's entries: all outgoing messages, then each status in funnel order. */
export type DeliveryMetricKey = 'total' | Status;

/** One entry of the metrics strip as the element shows it. */
export interface DeliveryMetric {
  readonly key: DeliveryMetricKey;
  readonly label: string;
  /** `undefined` when no channel in scope reports the status. */
  readonly count: number | undefined;
  /** Share of all outgoing messages, 0–1. */
  readonly share: number;
  /** The count in the previous period of the same length, when compared. */
  readonly previousCount?: number;
}
