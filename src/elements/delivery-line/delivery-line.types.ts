import { INTERVALS, type Interval, type Status } from '../../core/contract/types.js';

/** What the `interval` attribute takes: `auto` (the default) or a bucket size of the contract. */
export const INTERVAL_CHOICES = ['auto', ...INTERVALS] as const;
export type IntervalChoice = (typeof INTERVAL_CHOICES)[number];

/** The metrics strip's entries: all outgoing messages, then each status in funnel order. */
export type DeliveryMetricKey = 'total' | Status;

/** One entry of the metrics strip as the element shows it. */
export interface DeliveryMetric {
  key: DeliveryMetricKey;
  label: string;
  /** `undefined` when no channel in scope reports the status. */
  count: number | undefined;
  /** Share of all outgoing messages, 0–1. */
  share: number;
  /** The count in the previous period of the same length, when compared. */
  previousCount?: number;
}

/** Which bucket sizes the range allows, and the one `auto` picks. */
export interface IntervalPlan {
  auto: Interval;
  available: Readonly<Record<Interval, boolean>>;
}

/** Detail of `msg-interval-change`: the user picked a bucket size in the element. */
export interface MsgIntervalChangeDetail {
  readonly interval: IntervalChoice;
}
export type MsgIntervalChangeEvent = CustomEvent<MsgIntervalChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'msg-interval-change': MsgIntervalChangeEvent;
  }
}
