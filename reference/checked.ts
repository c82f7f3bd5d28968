/**
 * Checked reads for the oracle and the generator. Both index arrays and tables they built
 * themselves, so a miss is a bug in this code; a non-null assertion would let it through as
 * `undefined` (NaN in a count, "undefined" in a text), these throw and name what was missing.
 */

/** `items[index]`, for an index the caller knows is in range. */
export function at<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`Index ${index} is outside a list of ${items.length}`);
  return item;
}

/** `value`, which the caller's own tables guarantee; `what` names it in the error when they do not. */
export function required<T>(value: T, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`Missing ${what}`);
  return value;
}
