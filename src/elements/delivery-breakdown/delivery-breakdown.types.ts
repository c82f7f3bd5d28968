import type { DeliveryBreakdownGroup, Status } from '../../core/contract/types.js';

/** What the table sorts by: the group's name, its messages, or a status's rate. */
export type SortKey = 'label' | 'total' | Status;
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/** The order the endpoint answers in: most messages first. */
export const DEFAULT_SORT: SortOrder = { key: 'total', direction: 'descending' };

/** One group as the element shows it: localised label, and each status as count and rate. */
export interface DeliveryRow {
  readonly group: DeliveryBreakdownGroup;
  readonly label: string;
  /** The subtype's kind, localised, for subtypes. */
  readonly kind?: string;
  /** Each status's share of the group's messages, 0–1; `undefined` when the group's channels do not report it. */
  readonly rates: Readonly<Record<Status, number | undefined>>;
  /** The endpoint's rank: ties keep it. */
  readonly rank: number;
}

/**
 * The disjoint parts of a 100 % bar, in funnel order: read, delivered but not read, sent but not
 * delivered, and failed. Each is drawn in its status's colour, as on the delivery line.
 */
export const SEGMENTS = ['read', 'delivered', 'sent', 'failed'] as const satisfies readonly Status[];
