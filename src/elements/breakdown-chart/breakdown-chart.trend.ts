/**
 * `show="trend"` of `<msg-breakdown-chart>` (issue 12): the breakdown over time from
 * `/breakdown-trend` — the top groups and "Others" as stacked bars per bucket of the delivery line,
 * on a time axis laid out as the delivery line's (ticks on the report zone's hours and days, the
 * date named at each day boundary). Colours by key, as the other charts of the answer; "Others"
 * neutral grey. Pure: the option is built for the theme when drawn, and the texts are the i18n
 * layer's, drawn as rich text (no HTML) with the endpoint's names escaped.
 */
import type { BreakdownTrendResponse, GroupBy } from '../../core/contract/types.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { chartTable, type ChartAccess, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import { baseOption, slotColor, slotDecal, themed, type ChartOption } from '../chart/chart-theme.js';
import { escapeRichText } from '../chart/rich-text.js';
import { axisLabel, bucketIso, bucketLabel } from '../delivery-line/delivery-line.format.js';
import {
  axisTicks,
  MAX_AXIS_LABELS,
  MAX_AXIS_LABELS_NARROW,
  NARROW_CHART,
  timeAndCountAxes,
  timeAxisLabels,
} from '../delivery-line/delivery-line.options.js';
import { OTHER_SLOT } from '../shared/palette.js';
import { OTHER_KEY } from './breakdown-chart.types.js';

/** One stacked series: a group, or "Others". */
export interface TrendSeries {
  readonly key: string;
  readonly label: string;
  readonly slot: string | undefined;
  /** One count per bucket. */
  readonly counts: readonly number[];
}

export interface TrendPresentation {
  readonly series: readonly TrendSeries[];
  readonly option: ChartOption;
  readonly access: ChartAccess;
  readonly table: ChartTable;
}

/**
 * What the trend shows for one answer: `labelOf` localises a group's name as the breakdown does,
 * `slotOf` gives its colour slot from the breakdown's answer (every group's, so they agree).
 */
export function presentTrend(
  data: BreakdownTrendResponse,
  tz: string,
  lang: Lang,
  title: string,
  labelOf: (groupBy: GroupBy, key: string, label: string) => string,
  slotOf: (key: string) => string | undefined,
): TrendPresentation {
  const count = (n: number) => formatCount(lang, n);
  const starts = data.series.map((bucket) => Date.parse(bucket.start));
  const series: TrendSeries[] = data.groups.map((group, i) => ({
    key: group.key,
    label: labelOf(data.groupBy, group.key, group.label),
    slot: slotOf(group.key),
    counts: data.series.map((bucket) => bucket.counts[i] ?? 0),
  }));
  if (data.others > 0) {
    series.push({
      key: OTHER_KEY,
      label: translate(lang, 'trend.others', { count: count(data.otherGroups) }),
      slot: OTHER_SLOT,
      counts: data.series.map((bucket) => bucket.others),
    });
  }
  const label = (start: number) => bucketLabel(lang, tz, data.interval, start);
  const figures = (i: number) => series.map((s) => `${s.label} ${count(s.counts[i] ?? 0)}`).join(', ');
  const description = translate(lang, 'a11y.trendDescription', {
    title,
    count: starts.length,
    first: starts[0] === undefined ? '' : label(starts[0]),
    last: starts.at(-1) === undefined ? '' : label(starts.at(-1) ?? 0),
    groups: series.map((s) => s.label).join(', '),
  });
  const access: ChartAccess = {
    description,
    count: starts.length,
    describe: (i) => (starts[i] === undefined ? '' : translate(lang, 'a11y.point', { bucket: label(starts[i] ?? 0), values: figures(i) })),
    highlight: false,
  };
  interface Row {
    readonly start: number;
    readonly i: number;
  }
  const columns: DataTableColumn<Row>[] = [
    {
      header: translate(lang, `delivery.interval.${data.interval}`),
      cell: (row) => label(row.start),
      value: (row) => bucketIso(tz, data.interval, row.start),
    },
    ...series.map((s): DataTableColumn<Row> => ({
      header: s.label,
      cell: (row) => count(s.counts[row.i] ?? 0),
      value: (row) => s.counts[row.i] ?? 0,
      numeric: true,
    })),
  ];
  const texts = {
    axisLabel: (instant: number, withDate: boolean) => axisLabel(lang, tz, data.interval, instant, withDate),
    tooltip: (i: number) =>
      [label(starts[i] ?? 0), ...series.map((s) => `${escapeRichText(s.label)}: ${count(s.counts[i] ?? 0)}`)].join('\n'),
    count,
  };
  const to = starts.length > 1 ? (starts.at(-1) ?? 0) + ((starts.at(-1) ?? 0) - (starts.at(-2) ?? 0)) : (starts[0] ?? 0) + 3_600_000;
  return {
    series,
    option: themed((theme) => {
      const wide = timeAxisLabels(axisTicks(starts, data.interval, tz, MAX_AXIS_LABELS[data.interval]), tz, texts.axisLabel);
      const narrow = timeAxisLabels(axisTicks(starts, data.interval, tz, MAX_AXIS_LABELS_NARROW[data.interval]), tz, texts.axisLabel);
      return {
        ...baseOption(theme, description),
        grid: { left: 8, right: 16, top: 16, bottom: 24 },
        tooltip: {
          trigger: 'axis',
          renderMode: 'richText',
          backgroundColor: theme.surfaceColor,
          borderColor: theme.borderColor,
          textStyle: { color: theme.textColor, fontFamily: theme.fontFamily },
          formatter: (params: { dataIndex: number }[] | { dataIndex: number }) => texts.tooltip([params].flat()[0]?.dataIndex ?? -1),
        },
        ...timeAndCountAxes(theme, starts[0], Math.max(to, starts.at(-1) ?? 0), count),
        series: series.map((s) => ({
          type: 'bar',
          id: s.key,
          name: escapeRichText(s.label),
          stack: 'groups',
          // Each bar spans its bucket, from its start.
          barCategoryGap: '10%',
          color: slotColor(theme, s.slot),
          itemStyle: { decal: slotDecal(theme, s.slot) },
          emphasis: { focus: 'series' },
          data: starts.map((start, i) => [start, s.counts[i] ?? 0]),
        })),
        media: [{ option: { xAxis: wide } }, { query: { maxWidth: NARROW_CHART }, option: { xAxis: narrow } }],
      };
    }),
    access,
    table: chartTable(
      translate(lang, 'chart.tableCaption', { title }),
      columns,
      starts.map((start, i) => ({ start, i })),
    ),
  };
}
