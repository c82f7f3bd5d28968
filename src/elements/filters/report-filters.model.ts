/**
 * The element's small pure rules, kept apart from rendering so they read (and test) on their own:
 * enum options, filter edits, the custom-range check, how a local day is written.
 */
import { FILTER_FIELDS, MESSAGE_TYPES, SOURCES, type FilterField, type Filters } from '../../core/contract/types.js';
import { DEFAULT_PRESET, validateRange } from '../../core/query/presets.js';
import type { ReportState } from '../../core/query/report-state.js';
import { parsePlainDate, type PlainDate } from '../../core/query/zoned-time.js';
import { formatDay } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { enumValueLabel } from '../../i18n/value-labels.js';
import { foldForSearch } from '../shared/list-navigation-controller.js';
import { ENUM_FIELDS, type DraftProblem, type EnumField, type OptionView } from './report-filters.types.js';

export function isEnumField(field: FilterField): field is EnumField {
  return (ENUM_FIELDS as readonly string[]).includes(field);
}

/** Our label for an enum value, or `undefined` for a value the contract does not list. */
export function enumLabel(lang: Lang, field: EnumField, value: string): string | undefined {
  return enumValueLabel(lang, field, value);
}

/**
 * An enum field's values, labelled in `lang`, in contract order, narrowed by `q` as the endpoint
 * narrows its own (case- and accent-insensitive, anywhere in the label).
 */
export function enumOptions(lang: Lang, field: EnumField, q: string): OptionView[] {
  const values: readonly string[] = field === 'source' ? SOURCES : MESSAGE_TYPES;
  const needle = foldForSearch(q.trim());
  return values
    .map((value) => ({ value, label: enumLabel(lang, field, value) ?? value }))
    .filter((option) => !needle || foldForSearch(option.label).includes(needle));
}

/** `filters` with `field` holding `values` (the field dropped when empty), fields in menu order. */
export function withValues(filters: Filters, field: FilterField, values: readonly string[]): Filters {
  const result: Partial<Record<FilterField, readonly string[]>> = {};
  for (const name of FILTER_FIELDS) {
    const next = name === field ? values : filters[name];
    if (next && next.length > 0) result[name] = [...next];
  }
  return result;
}

/** `filters` with `value` added to `field`, or removed when it is there. */
export function toggleValue(filters: Filters, field: FilterField, value: string): Filters {
  const current = filters[field] ?? [];
  return withValues(filters, field, current.includes(value) ? current.filter((item) => item !== value) : [...current, value]);
}

/** True when the state is what "Clear all" gives: the default preset and no filters. */
export function isDefaultState(state: ReportState): boolean {
  return 'preset' in state.range && state.range.preset === DEFAULT_PRESET && FILTER_FIELDS.every((field) => !state.filters[field]?.length);
}

/**
 * Checks a custom range as typed (two `YYYY-MM-DD` texts) with the core's rule: from not after to,
 * at most 366 days, not starting after `today` in the report's zone.
 */
export function checkDraft(from: string, to: string, today: PlainDate): DraftProblem | undefined {
  const first = parsePlainDate(from);
  const last = parsePlainDate(to);
  if (!first || !last) {
    const missing: ('from' | 'to')[] = [];
    if (!first) missing.push('from');
    if (!last) missing.push('to');
    return { code: 'incomplete', missing };
  }
  const problem = validateRange(first, last, today);
  if (!problem) return undefined;
  if (problem.code === 'range-too-long') return { code: 'range-too-long', days: problem.days, max: problem.max };
  if (problem.code === 'future') return { code: 'future', today: problem.today };
  return { code: 'from-after-to' };
}

/** A local day as the report's language writes it (`26 nov 2026`). */
export function formatPlain(lang: Lang, date: PlainDate): string {
  return formatDay(lang, 'UTC', Date.UTC(date.year, date.month - 1, date.day, 12));
}
