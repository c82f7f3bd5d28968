/**
 * Totals of listings already counted, so that the later pages of a listing skip the count (the
 * slowest part of a first page); a total is reused for a minute, per workspace and query. At most
 * `max` listings are remembered (least recently used forgotten first).
 */
import { FILTER_FIELDS, type MessagesParams } from '../../src/core/contract/types.js';
import { LruCache } from './lru.js';

export class TotalsCache {
  private readonly entries: LruCache<string, { total: number; expires: number }>;

  constructor(
    private readonly ttlMs = 60_000,
    max = 1_000,
  ) {
    this.entries = new LruCache(max);
  }

  static key(workspace: string, params: MessagesParams): string {
    const filters = FILTER_FIELDS.map((f) => [...(params.filters[f] ?? [])].sort());
    return JSON.stringify([workspace, params.kind, params.status ?? null, params.from, params.to, filters]);
  }

  get size(): number {
    return this.entries.size;
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
    this.entries.set(key, { total, expires: Date.now() + this.ttlMs });
  }
}
