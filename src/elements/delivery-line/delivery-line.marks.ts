/**
 * The broadcasts on the delivery line ("why a spike"): fetched beside the line from
 * `GET /broadcasts`, placed in the bucket of their send time, and drawn as one thin dashed
 * vertical mark per bucket that has any — so a day with twenty broadcasts is one mark labelled
 * "20", never a block of overlapping lines. Names are endpoint data: they only ever reach the
 * canvas escaped (./rich-text), shortened and isolated for bidirectional text, and the DOM as text.
 */
import type { ReportDataSource } from '../../core/client/data-source.js';
import { isAbortError } from '../../core/client/errors.js';
import type { Broadcast, BroadcastsParams, BroadcastsResponse, DeliveryResponse, Filters } from '../../core/contract/types.js';
import { escapeRichText, RICH_TEXT } from '../chart/rich-text.js';
import type { ChartTheme } from '../chart/chart-theme.js';

/** The most broadcasts asked for: the largest are kept; a note says when more matched. */
export const MARKS_LIMIT = 200;
/** Names listed per bucket in the tooltip and announcement; the rest are counted. */
export const NAMES_PER_BUCKET = 3;
/** Longest name shown, in graphemes (a name may be thousands long). */
const NAME_LENGTH = 40;
/** The id of the series that carries the marks. */
export const BROADCASTS_SERIES = 'broadcasts';

/** What the line shows: the delivery answer, and the broadcasts when there are any to mark. */
export interface DeliveryLineData extends DeliveryResponse {
  /** `undefined` when not asked (out of scope, switched off) or not answered (no such resource, a failure). */
  readonly marks?: BroadcastsResponse;
}

/**
 * Whether the query can count broadcast messages at all: not with a `source` filter that leaves
 * `broadcast` out, nor with `team`/`user` (outgoing, those mean messages a user sent). Then the
 * answer would be empty, so it is not asked.
 */
export function broadcastsInScope(filters: Filters): boolean {
  if (filters.source?.length && !filters.source.includes('broadcast')) return false;
  return !filters.team?.length && !filters.user?.length;
}

/**
 * The broadcasts for `params`, or `undefined` when the source has no such resource, answers 404
 * or fails: the marks are an addition, and the line stands without them. Aborts still reject.
 */
export async function fetchMarks(
  source: ReportDataSource,
  params: BroadcastsParams | undefined,
  signal: AbortSignal,
): Promise<BroadcastsResponse | undefined> {
  if (!params || !source.broadcasts) return undefined;
  try {
    return await source.broadcasts(params, { signal });
  } catch (error) {
    if (isAbortError(error) || signal.aborted) throw error;
    return undefined;
  }
}

/** `name` for display: trimmed to {@link NAME_LENGTH} characters and isolated (FSI…PDI) so RTL text cannot reorder what follows. */
export function shortName(name: string): string {
  // Graphemes, so an emoji or a letter with its marks is never cut in two.
  const graphemes = Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.replace(/\s+/g, ' ').trim()),
    (s) => s.segment,
  );
  const text = graphemes.length > NAME_LENGTH ? `${graphemes.slice(0, NAME_LENGTH - 1).join('')}…` : graphemes.join('');
  return `\u2068${text}\u2069`;
}

/** The broadcasts of each bucket (by index), from `starts`, the buckets' start instants in order. */
export function marksByBucket(broadcasts: readonly Broadcast[], starts: readonly number[]): Map<number, Broadcast[]> {
  const byBucket = new Map<number, Broadcast[]>();
  for (const broadcast of broadcasts) {
    const sent = Date.parse(broadcast.sentAt);
    // The last start at or before the send time (answers are in time order, buckets too).
    let low = 0;
    let high = starts.length - 1;
    if (high < 0 || sent < (starts[0] ?? Infinity)) continue;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((starts[mid] ?? Infinity) <= sent) low = mid;
      else high = mid - 1;
    }
    const list = byBucket.get(low);
    if (list) list.push(broadcast);
    else byBucket.set(low, [broadcast]);
  }
  return byBucket;
}

export interface MarkTexts {
  /** "Broadcasts (messages)": the heading of a bucket's list. */
  heading: string;
  count: (value: number) => string;
  /** "and 4 more". */
  more: (count: number) => string;
}

/** A bucket's broadcasts as lines of text: the heading, the largest few with their sizes, how many more. */
export function markLines(broadcasts: readonly Broadcast[], text: MarkTexts): string[] {
  if (broadcasts.length === 0) return [];
  const largest = [...broadcasts].sort((a, b) => b.count - a.count).slice(0, NAMES_PER_BUCKET);
  const lines = [text.heading, ...largest.map((b) => `${shortName(b.name)} (${text.count(b.count)})`)];
  if (broadcasts.length > largest.length) lines.push(text.more(broadcasts.length - largest.length));
  return lines;
}

/**
 * The series of the marks: no data of its own (so the lines' tooltip and keys are untouched), a
 * mark line per bucket with broadcasts at the first one's send time, drawn under the lines, thin,
 * dashed and half transparent so the series stay readable; "n" on top when a bucket has several.
 */
export function marksSeries(byBucket: ReadonlyMap<number, readonly Broadcast[]>, theme: ChartTheme): object {
  const data = [...byBucket.values()].map((list) => ({
    xAxis: Math.min(...list.map((b) => Date.parse(b.sentAt))),
    // Endpoint text never reaches a label: the label is a count (escaped all the same).
    label: { show: list.length > 1, formatter: escapeRichText(String(list.length)) },
  }));
  return {
    type: 'line',
    id: BROADCASTS_SERIES,
    data: [],
    z: 1,
    markLine: {
      silent: true,
      animation: false,
      symbol: ['none', 'circle'],
      symbolSize: 6,
      lineStyle: { color: theme.mutedColor, type: 'dashed', width: 1, opacity: 0.7 },
      itemStyle: { color: theme.mutedColor },
      label: { show: true, position: 'end', color: theme.mutedColor, fontSize: Math.round(theme.fontSize * 0.8), ...RICH_TEXT },
      data,
    },
  };
}
