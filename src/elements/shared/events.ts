/**
 * Every event the elements fire, in one place, with one typed `emit`. Each augments
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('msg-error', (e) => e.detail.message)`
 * type-checks in a host's code.
 */
import type { ReportErrorKind } from '../../core/client/errors.js';
import type { Direction, FilterField, GroupBy, MessageKind, NamedRef, Order, Problem, ReportQuery } from '../../core/contract/types.js';
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

/** Detail of `msg-point-select`: the user picked a bar, slice or metric. */
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

/** Detail of `msg-chart-rendered`: which chart of the element drew a frame (`bar`, `pie`, …). */
export interface MsgChartRenderedDetail {
  readonly chart: string;
}

/**
 * What an element settled in when it fired `msg-ready`: its data drawn, or the state it shows
 * instead (no data, a failed load, bad settings, filters that do not apply to it).
 */
export type ReadyState = 'data' | 'empty' | 'error' | 'invalid' | 'not-applicable';

/** Detail of `msg-ready`: the element drew what it has to show. */
export interface MsgReadyDetail {
  readonly state: ReadyState;
}

/** Detail of `msg-contact-select`: the contact of the row whose contact cell was activated. */
export interface MsgContactSelectDetail {
  readonly contact: NamedRef;
  /** The message row's id. */
  readonly rowId: string;
  readonly kind: MessageKind;
}

/** Detail of `msg-data-export`: the query whose full result the user wants beyond the row cap. */
export interface MsgDataExportDetail {
  readonly kind: MessageKind;
  readonly order: Order;
  /** The report query (instants, zone and filters), as every resource takes it. */
  readonly query: ReportQuery;
  /** Every message matching the query. */
  readonly total: number;
  /** The most rows the list shows. */
  readonly cap: number;
  /**
   * Where the link leads: the validated `data-export-href`, else the endpoint's own export of the
   * query (when its capabilities advertise one); `undefined` when the action is a button.
   */
  readonly href: string | undefined;
}

export type MsgErrorEvent = CustomEvent<MsgErrorDetail>;
/** `detail` is the report's JSON-serialisable state after a change a person made. */
export type MsgStateChangeEvent = CustomEvent<SerializableState>;
export type MsgPointSelectEvent = CustomEvent<MsgPointSelectDetail>;
export type MsgChartRenderedEvent = CustomEvent<MsgChartRenderedDetail>;
export type MsgReadyEvent = CustomEvent<MsgReadyDetail>;
export type MsgContactSelectEvent = CustomEvent<MsgContactSelectDetail>;
export type MsgDataExportEvent = CustomEvent<MsgDataExportDetail>;

/** The elements' events by type. */
export interface MsgEventMap {
  'msg-error': MsgErrorEvent;
  'msg-state-change': MsgStateChangeEvent;
  'msg-point-select': MsgPointSelectEvent;
  'msg-chart-rendered': MsgChartRenderedEvent;
  'msg-ready': MsgReadyEvent;
  'msg-contact-select': MsgContactSelectEvent;
  'msg-data-export': MsgDataExportEvent;
}

declare global {
  // Merged into the DOM's map, so `addEventListener('msg-error', …)` knows the detail's type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends MsgEventMap {}
}

/** Events that stay on their element: hosts listen on the element they measure or wait for. */
const LOCAL: ReadonlySet<keyof MsgEventMap> = new Set(['msg-chart-rendered', 'msg-ready']);
/** Events whose default action a host may prevent. */
const CANCELABLE: ReadonlySet<keyof MsgEventMap> = new Set(['msg-data-export']);

/**
 * Fires a typed event from `target`. Every event but `msg-chart-rendered` and `msg-ready` bubbles and crosses
 * shadow roots to reach the host page. Returns `false` when a listener prevented its default.
 */
export function emit<K extends keyof MsgEventMap>(target: EventTarget, type: K, detail: MsgEventMap[K]['detail']): boolean {
  const bubbles = !LOCAL.has(type);
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles, composed: bubbles, cancelable: CANCELABLE.has(type) }));
}
