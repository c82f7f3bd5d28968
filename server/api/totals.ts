/**
 * Totals of listings already counted, so that the later pages of a listing skip the count (the
 * slowest part of a first page); a total is reused for a minute, per workspace and query.
 */
import { FILTER_FIELDS, type MessagesParams } from '../../src/core/contract/types.js';

export class TotalsCache {
  private readonly entries = new Map<string, { total: number; expires: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 1_000,
  ) {}

  static key(workspace: string, params: MessagesParams): string {
    const filters = FILTER_FIELDS.map((f) => [...(params.filters[f] ?? [])].sort());
    return JSON.stringify([workspace, params.kind, params.from, params.to, filters]);
  }

  get(key: string): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.total;
  }

  set(key: string, total: number): void {
    // Maps iterate in insertion order, so the first key is the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.max) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { total, expires: Date.now() + this.ttlMs });
  }
}
