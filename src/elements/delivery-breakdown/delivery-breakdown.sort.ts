/** Sorting the groups of a delivery breakdown: by name, by messages, or by a status's rate. */
import type { DeliveryRow, SortKey, SortOrder } from './delivery-breakdown.types.js';

/** Code-unit order: the same in every runtime. */
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The direction a column sorts in when first picked: names A–Z, figures largest first. */
export function firstDirection(key: SortKey): SortOrder['direction'] {
  return key === 'label' ? 'ascending' : 'descending';
}

/** The order after a person picks `key`: the other direction for the same column, else its first. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: firstDirection(key) };
}

/**
 * `rows` in `order`. A status a group's channels do not report has no rate: those groups go last
 * in either direction (they are not "0 %"). Ties keep the endpoint's order.
 */
export function sortRows(rows: readonly DeliveryRow[], order: SortOrder, lang: string): DeliveryRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const { key } = order;
  return [...rows].sort((a, b) => {
    if (key === 'label') return sign * (collator.compare(a.label, b.label) || compareStrings(a.group.key, b.group.key)) || a.rank - b.rank;
    if (key === 'total') return sign * (a.group.total - b.group.total) || a.rank - b.rank;
    const ra = a.rates[key];
    const rb = b.rates[key];
    if (ra === undefined || rb === undefined) return (ra === undefined ? 1 : 0) - (rb === undefined ? 1 : 0) || a.rank - b.rank;
    return sign * (ra - rb) || a.rank - b.rank;
  });
}
