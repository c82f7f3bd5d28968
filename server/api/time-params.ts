/**
 * The two texts a query's range is made of, parsed strictly: RFC 3339 instants (within the years
 * the contract accepts) and IANA zone names (any spelling, to the canonical name). Apart from the
 * resources' parameters (./params.ts) because they are the delicate part — offsets, leap days,
 * zone aliases, a cache bounded against endless spellings — and the rest only calls them.
 */
import { isValidTimeZone, parsePlainDate } from '../../src/core/query/zoned-time.js';
import { LruCache } from './lru.js';

/** Instants are accepted from 1970-01-01T00:00:00Z up to 2101-01-01T00:00:00Z (years 1970–2100). */
export const MIN_INSTANT = Date.UTC(1970, 0, 1);
export const MAX_INSTANT = Date.UTC(2101, 0, 1);

/** The longest zone name accepted (the longest IANA name has 32 characters). */
const MAX_ZONE_LENGTH = 64;
/** Spellings seen recently → canonical zone (or null: not a zone). Bounded: spellings are unbounded. */
const canonicalZones = new LruCache<string, string | null>(1_000);

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * The runtime's canonical zones by their lower-case names: most spellings are found here without
 * building a formatter (≈ 70 µs each); aliases (`US/Eastern`) and unknown names take the slow path.
 */
function knownZones(): Map<string, string> {
  if (!zonesByLowerCase) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zonesByLowerCase = new Map([...zones, 'UTC'].map((zone) => [zone.toLowerCase(), zone]));
  }
  return zonesByLowerCase;
}

/**
 * The canonical IANA name of `text` (`aMeRiCa/mexico_city` → `America/Mexico_City`, `US/Eastern`
 * → `America/New_York`, `utc` → `UTC`), or `undefined` when it names no zone. Every zone the
 * server computes in is canonical, so the formatters cached per zone (src/core/query/zoned-time.ts)
 * number at most the runtime's zones, however many spellings requests try.
 */
export function canonicalTimeZone(text: string): string | undefined {
  // Runtimes with ES2024 offset zones accept '+05:00' too; those are not IANA names.
  if (text === '' || text.length > MAX_ZONE_LENGTH || /^[+\-\u2212]/.test(text)) return undefined;
  const known = knownZones().get(text.toLowerCase());
  if (known !== undefined) return known;
  let canonical = canonicalZones.get(text);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (canonical !== null && !isValidTimeZone(canonical)) canonical = null;
    canonicalZones.set(text, canonical);
  }
  return canonical ?? undefined;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+\- ])(\d{2}):(\d{2}))$/;

/**
 * Epoch ms of an RFC 3339 instant (date, time with seconds, and `Z` or an offset, as openapi.yaml's
 * `Instant`), or `undefined`.
 * A space where the offset sign should be is read as `+`: it is what an unencoded `+` becomes in a
 * query string.
 */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const date = parsePlainDate(`${m[1]}-${m[2]}-${m[3]}`);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (!date || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offset;
}
