import { PRESETS, type Preset } from '../../core/query/presets.js';
import type { PlainDate } from '../../core/query/zoned-time.js';

/** What the date-range list offers, in menu order: the seven presets, then a custom range. */
export const RANGE_CHOICES = [...PRESETS, 'custom'] as const;
export type RangeChoice = Preset | 'custom';

/** Filter fields whose values are contract enumerations: listed and labelled locally, never fetched. */
export const ENUM_FIELDS = ['source', 'type'] as const;
export type EnumField = (typeof ENUM_FIELDS)[number];

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Options asked for per search; more than a person scans, and the search narrows them. */
export const OPTIONS_LIMIT = 50;

/** Options asked for when looking up the labels of values set from outside (a URL, the host). */
export const LABEL_LOOKUP_LIMIT = 200;

/** The popups of the element. */
export type PopupName = 'range' | 'add';

/** One value the picker offers. `label` is untrusted text from the endpoint (or ours, for enums). */
export interface OptionView {
  readonly value: string;
  readonly label: string;
}

/** Why the custom range typed in is not applied. */
export type DraftProblem =
  | { readonly code: 'incomplete'; readonly missing: readonly ('from' | 'to')[] }
  | { readonly code: 'from-after-to' }
  | { readonly code: 'range-too-long'; readonly days: number; readonly max: number }
  | { readonly code: 'future'; readonly today: PlainDate };
