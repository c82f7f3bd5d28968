/**
 * Run by server-hardening.test.ts in a child process with --expose-gc: sends 100,000 requests to the
 * router, each with a distinct spelling of a time zone (letter case varied), half of them valid
 * queries and half answered 400, and prints the heap and RSS after a full GC, before and after.
 * Before zones were canonicalised, every spelling kept a formatter (≈ 26 KB of native memory).
 */
import { createHandler } from '../../server/api/app.js';
import type { ReportStore } from '../../server/api/store.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc');

const store: ReportStore = {
  engine: 'memory',
  run: () => Promise.resolve({ direction: 'outgoing', groupBy: 'channel', total: 0, groups: [], notApplicable: [] } as never),
  ping: () => Promise.resolve(),
};
const handler = createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), logger: false });

// A canonical name (found by its lower case) and an alias (canonicalised through Intl, then cached).
const NAMES = ['America/Argentina/Rio_Gallegos', 'America/Argentina/ComodRivadavia'];
/** The `n`th spelling of `name`: bit j of n upper-cases the j-th letter. */
function spelling(name: string, n: number): string {
  let bit = 0;
  return Array.from(name, (c) => c)
    .map((c) => (/[a-z]/i.test(c) ? ((n >> bit++) & 1 ? c.toUpperCase() : c.toLowerCase()) : c))
    .join('');
}

const RANGE = 'from=2026-11-01T06:00:00.000Z&to=2026-11-08T06:00:00.000Z';
async function send(i: number): Promise<void> {
  const name = NAMES[i % 4 === 3 ? 1 : 0]!;
  const tz = encodeURIComponent(spelling(name, i + 1));
  const valid = i % 2 === 0;
  const response = await handler(new Request(`http://x/breakdown?${valid ? `${RANGE}&` : ''}tz=${tz}&direction=outgoing&groupBy=channel`));
  if (response.status !== (valid ? 200 : 400)) throw new Error(`request ${i}: ${response.status} ${await response.text()}`);
}

const memory = () => {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: Math.round(heapUsed / 1e5) / 10, rss: Math.round(rss / 1e5) / 10 };
};

const started = performance.now();
// Warm up: code, caches at their bounds.
for (let i = 0; i < 4_000; i++) await send(1_000_000 + i);
const before = memory();
for (let i = 0; i < 100_000; i++) await send(i);
const after = memory();
// Counted afterwards, so that the set does not weigh in the measurement.
const seen = new Set<string>();
for (let i = 0; i < 100_000; i++) seen.add(spelling(NAMES[i % 4 === 3 ? 1 : 0]!, i + 1));
console.log(
  JSON.stringify({
    requests: 104_000,
    spellings: seen.size,
    heapBeforeMB: before.heap,
    heapAfterMB: after.heap,
    rssBeforeMB: before.rss,
    rssAfterMB: after.rss,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  }),
);
