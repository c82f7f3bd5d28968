/**
 * `GET /options/{field}` in memory: every field's values with their folded labels, sorted once
 * (lookups by name, enums in menu order), and the first matches of a search. Apart from the engine
 * (./engine.ts) because it reads only the lookups, never the messages.
 */
import {
  type FILTER_FIELDS,
  MESSAGE_TYPES,
  SOURCES,
  type FilterOption,
  type OptionsParams,
  type OptionsResponse,
} from '../src/core/contract/types.js';
import { compareStrings, foldForSearch, SOURCE_LABELS, TYPE_LABELS } from '../server/api/labels.js';
import { DEFAULT_OPTIONS_LIMIT } from '../server/api/params.js';
import type { Dataset } from './dataset/types.js';

export function createOptions(dataset: Dataset): (params: OptionsParams) => OptionsResponse {
  interface Indexed {
    option: FilterOption;
    folded: string;
  }
  const byLabel = (a: Indexed, b: Indexed) =>
    compareStrings(a.folded, b.folded) || compareStrings(a.option.label, b.option.label) || compareStrings(a.option.value, b.option.value);
  const index = (options: FilterOption[], sort: boolean): Indexed[] => {
    const indexed = options.map((option) => ({ option, folded: foldForSearch(option.label) }));
    return sort ? indexed.sort(byLabel) : indexed;
  };
  const optionIndex: Record<(typeof FILTER_FIELDS)[number], Indexed[]> = {
    channel: index(
      dataset.channels.map((c) => ({ value: c.id, label: c.name, kind: c.kind, reports: [...c.reports] })),
      true,
    ),
    contact: index(
      dataset.contacts.map((c) => ({ value: c.id, label: c.name })),
      true,
    ),
    // Enum fields keep their menu order; their labels are the client's to localise anyway.
    source: index(
      SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] })),
      false,
    ),
    type: index(
      MESSAGE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })),
      false,
    ),
    team: index(
      dataset.teams.map((t) => ({ value: t.id, label: t.name })),
      true,
    ),
    user: index(
      dataset.users.map((u) => ({ value: u.id, label: u.name })),
      true,
    ),
    broadcast: index(
      dataset.broadcasts.map((b) => ({ value: b.id, label: b.name })),
      true,
    ),
  };

  return function options(params: OptionsParams): OptionsResponse {
    const limit = params.limit ?? DEFAULT_OPTIONS_LIMIT;
    const needle = params.q ? foldForSearch(params.q.trim()) : '';
    const found: FilterOption[] = [];
    for (const { option, folded } of optionIndex[params.field]) {
      if (found.length >= limit) break;
      if (needle && !folded.includes(needle)) continue;
      found.push(option.reports ? { ...option, reports: [...option.reports] } : { ...option });
    }
    return { field: params.field, options: found };
  };
}
