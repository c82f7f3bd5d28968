/**
 * The ECharts option of the delivery line: a pure function of the numbers, the theme and the
 * texts, so it can be tested without drawing. The x axis is a time axis whose ticks sit on the
 * bucket starts computed by the endpoint in the report's zone, labelled through `Intl` (ECharts'
 * own time ticks would follow the browser's zone). Every string drawn comes from the i18n layer
 * and `Intl`, and the tooltip uses ECharts' rich-text mode: nothing is ever parsed as HTML.
 */
import { STATUSES, type Broadcast, type DeliveryBucket, type Interval, type Status } from '../../core/contract/types.js';
import { formatPlainDate, localParts } from '../../core/query/zoned-time.js';
import { baseOption, slotColor, type ChartTheme } from '../chart/chart-theme.js';
import { escapeRichText } from '../chart/rich-text.js';
import { statusSlot } from '../shared/palette.js';
import type { EChartsCoreOption } from '../chart/echarts.js';
import { markLines, marksSeries, type MarkTexts } from './delivery-line.marks.js';

/**
 * Most x-axis labels drawn per bucket size (weeks read `semana del 3 nov`, so fewer fit), on a
 * wide chart and on a narrow one (a phone); ECharts hides any that would still overlap.
 */
export const MAX_AXIS_LABELS: Readonly<Record<Interval, number>> = { hour: 8, day: 8, week: 5, month: 8 };
export const MAX_AXIS_LABELS_NARROW: Readonly<Record<Interval, number>> = { hour: 4, day: 4, week: 3, month: 4 };
/** Charts at most this wide (CSS pixels) are laid out for a phone: fewer ticks, a compact legend. */
export const NARROW_CHART = 480;
/**
 * Hours between hourly ticks: steps that divide a day, so every local midnight is a tick and the
 * ticks fall on the same hours each day; then whole days.
 */
const HOUR_STEPS = [1, 2, 3, 4, 6, 12, 24, 48, 72, 168];
/** Days between ticks beyond the longest step (hourly ranges end well before it). */
const LONGEST_HOUR_STEP = 168;
/** Longer series draw their lines without a dot per bucket. */
export const MAX_SYMBOLS = 60;

/** The id of the series that carries the open-window mark. */
export const OPEN_WINDOW_SERIES = 'open-window';

/** With patterns, each status's line has a dash and a symbol of its own, so colour is not needed. */
const STATUS_PATTERNS: Record<Status, { type: string | number[]; symbol: string }> = {
  sent: { type: 'solid', symbol: 'circle' },
  delivered: { type: 'dashed', symbol: 'rect' },
  read: { type: 'dotted', symbol: 'triangle' },
  failed: { type: [8, 3, 2, 3], symbol: 'diamond' },
};

export interface LineInput {
  series: readonly DeliveryBucket[];
  interval: Interval;
  /** The report's time zone: ticks fall on its hours and days. */
  timeZone: string;
  /** The end of the range (exclusive), as an instant: where the last bucket ends. */
  to: number;
  /** Statuses none of the channels in scope reports: no line, and "not reported" in the tooltip. */
  notReported: readonly Status[];
  /** Buckets starting after this instant have no data yet and draw no point. */
  now: number;
  /** The span whose statuses may still change, marked on the chart. */
  openWindow: { start: number; end: number } | undefined;
  /** The broadcasts of each bucket (by index), marked at their send time; none when empty. */
  marks: ReadonlyMap<number, readonly Broadcast[]>;
}

export interface LineTexts {
  status: (status: Status) => string;
  count: (value: number) => string;
  /**
   * Short label of a bucket start, for the axis; `withDate` (hours only): the first tick of a day,
   * which names the day.
   */
  axisLabel: (instant: number, withDate: boolean) => string;
  /** Full label of a bucket start, for the tooltip. */
  bucketLabel: (instant: number) => string;
  notReported: string;
  /** The mark of the open window: "statuses may still change". */
  mayChange: string;
  marks: MarkTexts;
  /** The tooltip's last line: a click on the point shows that period's messages in the lists. */
  drillHint?: string;
}

/** Every `step`-th bucket start, so that at most `max` labels are drawn. */
export function labelledStarts(starts: readonly number[], max: number): number[] {
  const step = Math.max(1, Math.ceil(starts.length / max));
  return starts.filter((_, i) => i % step === 0);
}

/**
 * Hourly ticks, at most about `max`: every `step` hours on the hour of the report's zone (00:00,
 * 06:00, 12:00…), or every `step / 24` local midnights, so that ticks are evenly spaced, every day
 * boundary among them is a tick, and labels read in time order.
 */
export function hourTicks(starts: readonly number[], timeZone: string, max: number): number[] {
  const step = HOUR_STEPS.find((hours) => Math.ceil(starts.length / hours) <= max) ?? LONGEST_HOUR_STEP;
  const onTheHour = starts.filter((start) => localParts(start, timeZone).minute === 0);
  if (step < 24) return onTheHour.filter((start) => localParts(start, timeZone).hour % step === 0);
  return onTheHour.filter((start) => localParts(start, timeZone).hour === 0).filter((_, i) => i % (step / 24) === 0);
}

/** The ticks of the x axis for at most about `max` labels. */
export function axisTicks(starts: readonly number[], interval: Interval, timeZone: string, max: number): number[] {
  return interval === 'hour' ? hourTicks(starts, timeZone, max) : labelledStarts(starts, max);
}

/**
 * The x axis for `ticks`: its labels, each hourly tick that starts a new local day (and the first)
 * naming its date, so a day boundary never goes by unmarked. The breakdown's trend lays out its
 * time axis with it too.
 */
export function timeAxisLabels(
  ticks: readonly number[],
  timeZone: string,
  axisLabel: (instant: number, withDate: boolean) => string,
): EChartsCoreOption {
  const labels = new Map<number, string>();
  let day = '';
  for (const tick of ticks) {
    const tickDay = formatPlainDate(localParts(tick, timeZone));
    labels.set(tick, axisLabel(tick, tickDay !== day));
    day = tickDay;
  }
  return {
    axisTick: { customValues: ticks },
    axisLabel: { customValues: ticks, formatter: (value: number) => labels.get(value) ?? axisLabel(value, true) },
  };
}

/**
 * The themed time axis from `min` to `max` (its ticks and labels come from {@link timeAxisLabels}
 * in the media entries) and the count axis: the delivery line's, which the breakdown's trend shares.
 */
export function timeAndCountAxes(
  theme: ChartTheme,
  min: number | undefined,
  max: number,
  count: (value: number) => string,
): { xAxis: object; yAxis: object } {
  return {
    xAxis: {
      type: 'time',
      min,
      max,
      axisLine: { lineStyle: { color: theme.borderColor } },
      axisTick: { lineStyle: { color: theme.borderColor } },
      axisLabel: { hideOverlap: true, color: theme.mutedColor },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: theme.mutedColor, formatter: (value: number) => count(value) },
      splitLine: { lineStyle: { color: theme.borderColor } },
    },
  };
}

export function lineOption(input: LineInput, theme: ChartTheme, text: LineTexts, description: string): EChartsCoreOption {
  const starts = input.series.map((bucket) => Date.parse(bucket.start));
  const ends = starts.map((_, i) => starts[i + 1] ?? input.to);
  const notReported = new Set(input.notReported);
  const drawn = STATUSES.filter((status) => !notReported.has(status));
  const open = input.openWindow;
  const wideAxis = timeAxisLabels(
    axisTicks(starts, input.interval, input.timeZone, MAX_AXIS_LABELS[input.interval]),
    input.timeZone,
    text.axisLabel,
  );
  const narrowAxis = timeAxisLabels(
    axisTicks(starts, input.interval, input.timeZone, MAX_AXIS_LABELS_NARROW[input.interval]),
    input.timeZone,
    text.axisLabel,
  );

  const tooltipText = (index: number): string => {
    const bucket = input.series[index];
    const start = starts[index];
    const end = ends[index];
    if (!bucket || start === undefined || end === undefined) return '';
    const lines = [text.bucketLabel(start)];
    for (const status of STATUSES) {
      lines.push(`${text.status(status)}: ${notReported.has(status) ? text.notReported : text.count(bucket[status])}`);
    }
    if (open && end > open.start && start < open.end) lines.push(text.mayChange);
    // Names are endpoint text: escaped, since the rich-text tooltip would read `{style|…}` in them.
    lines.push(...markLines(input.marks.get(index) ?? [], text.marks).map(escapeRichText));
    if (text.drillHint) lines.push(text.drillHint);
    return lines.join('\n');
  };

  const series: object[] = drawn.map((status) => ({
    type: 'line',
    id: status,
    name: text.status(status),
    color: slotColor(theme, statusSlot(status)),
    showSymbol: starts.length <= MAX_SYMBOLS,
    symbolSize: 6,
    ...(theme.patterns ? { symbol: STATUS_PATTERNS[status].symbol, symbolSize: 8 } : {}),
    lineStyle: { width: 2, ...(theme.patterns ? { type: STATUS_PATTERNS[status].type } : {}) },
    emphasis: { focus: 'series' },
    data: input.series.map((bucket) => {
      const start = Date.parse(bucket.start);
      return [start, start > input.now ? null : bucket[status]];
    }),
  }));
  if (open) {
    // A series of its own, with no data and no legend entry, so hiding a status keeps the mark.
    series.push({
      type: 'line',
      id: OPEN_WINDOW_SERIES,
      data: [],
      markArea: {
        silent: true,
        itemStyle: { color: theme.mutedColor, opacity: 0.1 },
        label: { show: true, position: 'insideTopRight', color: theme.mutedColor, fontSize: Math.round(theme.fontSize * 0.85) },
        // To the axis' end: the buckets after now have no points yet, and theirs may change too.
        data: [[{ name: text.mayChange, xAxis: open.start }, { xAxis: Math.max(open.end, input.to) }]],
      },
    });
  }

  // Under the lines (z), and after the band so the media entries below still line up by position.
  if (input.marks.size > 0) series.push(marksSeries(input.marks, theme));

  const legendText = { color: theme.textColor };
  // Media options merge series by position: an empty entry for each line, the band's label last.
  const markLabel = (show: boolean) => series.map((entry) => ('markArea' in entry ? { markArea: { label: { show } } } : {}));
  const option: EChartsCoreOption = {
    ...baseOption(theme, description),
    // ECharts 6 keeps axis labels inside the box by itself (grid.outerBounds defaults to 'auto').
    grid: { left: 8, right: 16, top: 16, bottom: 40 },
    legend: {
      bottom: 0,
      data: drawn.map((status) => text.status(status)),
      textStyle: legendText,
      inactiveColor: theme.borderColor,
    },
    tooltip: {
      trigger: 'axis',
      // Rich text is drawn on the canvas: no HTML, whatever the labels hold.
      renderMode: 'richText',
      backgroundColor: theme.surfaceColor,
      borderColor: theme.borderColor,
      textStyle: { color: theme.textColor, fontFamily: theme.fontFamily },
      formatter: (params: { dataIndex: number }[] | { dataIndex: number }) => tooltipText([params].flat()[0]?.dataIndex ?? -1),
    },
    // Each point sits at its bucket's start and the axis runs to the range's end, so the last
    // bucket keeps its width and the open window is shaded over the time it really covers.
    ...timeAndCountAxes(theme, starts[0], input.to, text.count),
    series,
  };
  return {
    ...option,
    // ECharts' media queries, on the chart's own width: a phone gets fewer ticks, fewer value
    // labels and a legend compact enough for one line under the dates. The first entry, with no
    // query, is what a wide chart goes back to: ECharts merges an entry into the chart's option,
    // so it sets every property the phone's entry sets (the legend's font size too), or a chart
    // widened after a phone's width would keep them.
    media: [
      {
        option: {
          xAxis: wideAxis,
          yAxis: { splitNumber: 5 },
          legend: { itemGap: 10, itemWidth: 25, textStyle: { ...legendText, fontSize: theme.fontSize } },
          series: markLabel(true),
        },
      },
      {
        query: { maxWidth: NARROW_CHART },
        option: {
          xAxis: narrowAxis,
          yAxis: { splitNumber: 3 },
          // The band's words would cross the lines on a phone; the note above the chart says them.
          series: markLabel(false),
          legend: { itemGap: 8, itemWidth: 14, textStyle: { ...legendText, fontSize: Math.round(theme.fontSize * 0.85) } },
        },
      },
    ],
  };
}
