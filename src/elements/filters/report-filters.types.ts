import type { ReactiveElement } from 'lit';
import { PRESETS, type Preset } from '../../core/query/presets.js';
import type { StateChange } from '../../core/query/state-change.js';
import type { PlainDate } from '../../core/query/zoned-time.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';

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

/**
 * What the parts of `<msg-report-filters>` (range picker, value picker, chips, label cache) use of
 * the element. Its report and store are protected members, so it hands its parts these instead.
 */
export interface FiltersHost {
  /** The element: the parts are its controllers and render into its shadow root. */
  readonly element: ReactiveElement;
  /** The report's state now, or `undefined` while the element has none. */
  report(): ReportSnapshot | undefined;
  /** A person's change of range or filters: the report's store applies it as one new state. */
  change(change: StateChange): void;
  /** The first element of the shadow root that matches `selector`. */
  find(selector: string): HTMLElement | null;
  /** Every element of the shadow root that matches `selector`. */
  findAll(selector: string): HTMLElement[];
  /** Renders again, then focuses what `target` finds then (an element the render may create). */
  focusAfterRender(target: () => HTMLElement | null | undefined): void;
  /**
   * Work a person's action started that ends in a render (a part's code loading on first use,
   * then the render it was for): the element's `updateComplete` waits for it.
   */
  loading(work: Promise<unknown>): void;
}
