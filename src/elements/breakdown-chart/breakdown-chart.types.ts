import type { SubtypeKind } from '../../core/contract/types.js';

/** The parts `<msg-breakdown-chart>` can show, in display order. */
export const BREAKDOWN_PARTS = ['metrics', 'bar', 'pie'] as const;
export type BreakdownPart = (typeof BREAKDOWN_PARTS)[number];
/** Every part `show` takes: the default three, and `trend` (issue 12), shown only when asked for. */
export const SHOW_PARTS = [...BREAKDOWN_PARTS, 'trend'] as const;
export type ShowPart = (typeof SHOW_PARTS)[number];

/** One group as the element shows it: a localised label and its share of the total. */
export interface BreakdownItem {
  key: string;
  label: string;
  count: number;
  share: number;
  /** The count in the previous period of the same length, when compared. */
  previousCount?: number;
  /** Subtypes only: a Facebook message tag or a WhatsApp template. */
  kind?: SubtypeKind;
  /** Its colour slot (palette.ts): the same in every chart, whatever its rank. None for the total. */
  slot?: string;
}

/** The subtypes of one kind, shown apart from the other kind's. */
export interface SubtypeKindGroup {
  readonly kind: SubtypeKind;
  /** `Plantillas de mensajes de WhatsApp`. */
  readonly label: string;
  readonly count: number;
  /** Largest first. */
  readonly items: readonly BreakdownItem[];
}

/** Key of the metrics strip's total entry: never a group key, which the endpoint sends. */
export const TOTAL_KEY = '__total__';
/** Key of the entry summing the groups too small to draw. */
export const OTHER_KEY = '__other__';
