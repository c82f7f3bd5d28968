/**
 * The events the elements fire, typed for hosts: each augments `GlobalEventHandlersEventMap`, so
 * `el.addEventListener('msg-error', (e) => e.detail.message)` type-checks.
 */
import type { ReportErrorKind } from '../../core/client/errors.js';
import type { Direction, FilterField, GroupBy, Problem } from '../../core/contract/types.js';
import type { StateChange } from '../../core/query/state-change.js';
import type { InputProblem, SerializableState } from '../../core/query/report-state.js';

/** Detail of `msg-error`: bad input from the host, or a failed request. */
export type MsgErrorDetail =
  | {
      /** The host's attributes or properties hold a value the report cannot use. */
      readonly source: 'input';
      readonly code: InputProblem['code'];
      readonly severity: InputProblem['severity'];
      /** The problem in the report's language. */
      readonly message: string;
    }
  | {
      /** A request to the endpoint failed (after any retries). */
      readonly source: 'request';
      readonly kind: ReportErrorKind;
      readonly status: number | undefined;
      readonly problem: Problem | undefined;
      readonly message: string;
    };

export type MsgErrorEvent = CustomEvent<MsgErrorDetail>;
export type MsgStateChangeEvent = CustomEvent<SerializableState>;
/**
 * Detail of `msg-filter-change`: a change of range and filters that an element of the report
 * asks its `<msg-report>` to apply as one state change (`{ range?, filters? }`).
 */
export type MsgFilterChangeDetail = StateChange;
export type MsgFilterChangeEvent = CustomEvent<MsgFilterChangeDetail>;

/** Detail of `msg-point-select`: the user clicked a bar or slice. */
export interface MsgPointSelectDetail {
  readonly direction: Direction;
  readonly groupBy: GroupBy;
  /** The filter field the grouping maps to; `undefined` for subtypes, which no filter takes. */
  readonly field: FilterField | undefined;
  /** The group's key: a channel id, a source or type key, a subtype name. */
  readonly value: string;
  /** The group's label as shown. */
  readonly label: string;
}
export type MsgPointSelectEvent = CustomEvent<MsgPointSelectDetail>;

/** Detail of `msg-chart-rendered`: which chart of the element drew a frame (`bar`, `pie`, …). */
export type MsgChartRenderedEvent = CustomEvent<{ readonly chart: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'msg-error': MsgErrorEvent;
    'msg-state-change': MsgStateChangeEvent;
    'msg-chart-rendered': MsgChartRenderedEvent;
    'msg-filter-change': MsgFilterChangeEvent;
    'msg-point-select': MsgPointSelectEvent;
  }
}

/**
 * Fires a typed event. `msg-error` and `msg-state-change` bubble and cross shadow roots to reach the
 * host page; `msg-chart-rendered` stays on the element (hosts listen on the chart they measure).
 */
export function fire<K extends 'msg-error' | 'msg-state-change' | 'msg-chart-rendered' | 'msg-filter-change' | 'msg-point-select'>(
  target: EventTarget,
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): void {
  const bubbles = type !== 'msg-chart-rendered';
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles, composed: bubbles }));
}
