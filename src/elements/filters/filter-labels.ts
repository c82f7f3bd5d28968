/**
 * The names of filter values, so chips show "Ana López", not `usr_81`. Values picked here come
 * with their label; values set from outside (a shared link, the host's code) are looked up once.
 */
import { Task } from '@lit/task';
import { FILTER_FIELDS, type FilterField } from '../../core/contract/types.js';
import type { Lang } from '../../i18n/locales.js';
import { AbortOnDisconnect } from '../shared/task-lifecycle.js';
import { enumLabel, isEnumField } from './report-filters.model.js';
import { LABEL_LOOKUP_LIMIT, type FiltersHost } from './report-filters.types.js';

/** Labels kept in memory at most (values of active filters always stay). */
const MAX_LABELS = 2000;

// A field and a value in one string key, with separators no id or label holds.
const VALUE_SEPARATOR = '\u0000';
const KEY_SEPARATOR = '\u0001';
const labelKey = (field: FilterField, value: string) => `${field}${VALUE_SEPARATOR}${value}`;
const splitKey = (key: string) => key.split(VALUE_SEPARATOR) as [FilterField, string];

export class FilterLabels {
  readonly #host: FiltersHost;
  /** Labels of every value seen in an answer, by field and value, the most recent last. */
  readonly #labels = new Map<string, string>();
  /** Values already looked up, found or not: none is asked for twice. */
  readonly #lookedUp = new Set<string>();

  constructor(host: FiltersHost) {
    this.#host = host;
    // Its arguments are the values still without a label, one string, so it runs when they change.
    const lookup = new Task(host.element, {
      args: () => [host.report()?.dataSource, this.#unknownKeys()] as const,
      task: async ([source, unknown], { signal }) => {
        if (!source || !unknown) return;
        const byField = new Map<FilterField, string[]>();
        for (const key of unknown.split(KEY_SEPARATOR)) {
          const [field, value] = splitKey(key);
          byField.set(field, [...(byField.get(field) ?? []), value]);
        }
        await Promise.all(
          [...byField].map(async ([field, values]) => {
            try {
              const answer = await source.options({ field, limit: LABEL_LOOKUP_LIMIT }, { signal });
              for (const option of answer.options) this.remember(field, option.value, option.label);
            } catch (error) {
              if (signal.aborted) throw error;
            }
            // Found or not, never asked again: a value the lookup misses shows as its id.
            for (const value of values) this.#lookedUp.add(labelKey(field, value));
          }),
        );
      },
    });
    new AbortOnDisconnect(host.element, lookup);
  }

  /** Keeps a label; past a few thousand, the oldest ones no active filter uses are forgotten. */
  remember(field: FilterField, value: string, label: string): void {
    const key = labelKey(field, value);
    this.#labels.delete(key);
    this.#labels.set(key, label);
    if (this.#labels.size <= MAX_LABELS) return;
    const filters = this.#host.report()?.filters ?? {};
    for (const old of this.#labels.keys()) {
      if (this.#labels.size <= MAX_LABELS) break;
      const [oldField, oldValue] = splitKey(old);
      if (!filters[oldField]?.includes(oldValue)) this.#labels.delete(old);
    }
  }

  /** A value's label in `lang`: ours for enumerations, the endpoint's otherwise, else the value itself. */
  labelFor(lang: Lang, field: FilterField, value: string): string {
    if (isEnumField(field)) return enumLabel(lang, field, value) ?? value;
    return this.#labels.get(labelKey(field, value)) ?? value;
  }

  /** The active values with no label yet and not looked up, as one key. */
  #unknownKeys(): string {
    const filters = this.#host.report()?.filters;
    if (!filters) return '';
    const keys: string[] = [];
    for (const field of FILTER_FIELDS) {
      if (isEnumField(field)) continue;
      for (const value of filters[field] ?? []) {
        const key = labelKey(field, value);
        if (!this.#labels.has(key) && !this.#lookedUp.has(key)) keys.push(key);
      }
    }
    return keys.join(KEY_SEPARATOR);
  }
}
