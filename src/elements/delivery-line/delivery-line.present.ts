/**
 * What the delivery line shows for one answer, computed once per answer: the metrics, the line's
 * option, the notes and the table behind the chart. Everything reads the query the answer was
 * fetched for (its range, zone and interval), never the report's state at drawing time.
 */
import {
  STATUSES,
  type Broadcast,
  type BroadcastsParams,
  type DeliveryBucket,
  type DeliveryParams,
  type DeliveryResponse,
  type Status,
} from '../../core/contract/types.js';
import { openStatusWindow } from '../../core/query/intervals.js';
import { formatCount, formatDateTime } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { chartTable, type ChartAccess, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import { themed, type ChartOption } from '../chart/chart-theme.js';
import { axisLabel, bucketIso, bucketLabel } from './delivery-line.format.js';
import { markLines, marksByBucket, type DeliveryLineData, type MarkTexts } from './delivery-line.marks.js';
import { lineOption } from './delivery-line.options.js';
import type { DeliveryMetric } from './delivery-line.types.js';

/** What the element asks: the query's parameters, and the instant presets counted from, if pinned. */
export interface DeliveryRequest {
  readonly params: DeliveryParams;
  readonly pinnedNow: number | undefined;
  /** The broadcasts to mark: the same query; `undefined` when they are out of scope or switched off. */
  readonly broadcasts: BroadcastsParams | undefined;
}

export interface DeliveryPresentation {
  readonly metrics: readonly DeliveryMetric[];
  readonly notReported: readonly Status[];
  /** The 30-day rule, and which part of the range may still change. */
  readonly note: string;
  readonly option: ChartOption;
  readonly access: ChartAccess;
  readonly table: ChartTable;
  readonly summary: string;
  /** How many broadcasts are marked and how many matched; `undefined` when none is marked. */
  readonly marks: { readonly shown: number; readonly total: number } | undefined;
}

function metricsOf(lang: Lang, data: DeliveryResponse, notReported: readonly Status[]): DeliveryMetric[] {
  const { totals } = data;
  // The previous period lies before any data when it has none: then no change is shown.
  const previous = (data.previousTotals?.total ?? 0) > 0 ? data.previousTotals : undefined;
  const share = (count: number) => (totals.total > 0 ? count / totals.total : 0);
  return [
    {
      key: 'total',
      label: translate(lang, 'chart.total'),
      count: totals.total,
      share: 1,
      ...(previous ? { previousCount: previous.total } : {}),
    },
    ...STATUSES.map((status) => ({
      key: status,
      label: translate(lang, `status.${status}`),
      count: notReported.includes(status) ? undefined : totals[status],
      share: share(totals[status]),
      ...(previous ? { previousCount: previous[status] } : {}),
    })),
  ];
}

function tableOf(
  lang: Lang,
  title: string,
  data: DeliveryResponse,
  tz: string,
  notReported: readonly Status[],
  marks: ReadonlyMap<number, readonly Broadcast[]>,
  markText: (index: number) => string,
): ChartTable {
  const interval = data.interval;
  const rows = data.series.map((bucket, index) => ({ bucket, index }));
  const notReportedText = translate(lang, 'delivery.notReported');
  type Row = { bucket: DeliveryBucket; index: number };
  const columns: DataTableColumn<Row>[] = [
    {
      header: translate(lang, `delivery.interval.${interval}`),
      cell: ({ bucket }) => bucketLabel(lang, tz, interval, Date.parse(bucket.start)),
      value: ({ bucket }) => bucketIso(tz, interval, Date.parse(bucket.start)),
    },
    ...STATUSES.map((status): DataTableColumn<Row> =>
      notReported.includes(status)
        ? { header: translate(lang, `status.${status}`), cell: () => notReportedText, numeric: true }
        : {
            header: translate(lang, `status.${status}`),
            cell: ({ bucket }) => formatCount(lang, bucket[status]),
            value: ({ bucket }) => bucket[status],
            numeric: true,
          },
    ),
  ];
  // A column of the broadcasts only when there are marks: the chart's marks, in words.
  if (marks.size > 0) {
    columns.push({
      header: translate(lang, 'delivery.broadcasts'),
      cell: ({ index }) => markText(index),
      // The file gets every name whole, without the isolation marks the screen needs.
      value: ({ index }) => (marks.get(index) ?? []).map((b) => `${b.name} (${b.count})`).join('; '),
    });
  }
  return chartTable(translate(lang, 'chart.tableCaption', { title }), columns, rows);
}

export function presentDelivery(
  request: DeliveryRequest,
  data: DeliveryLineData,
  receivedAt: number,
  lang: Lang,
  title: string,
): DeliveryPresentation {
  const from = Date.parse(request.params.from);
  const to = Date.parse(request.params.to);
  const tz = request.params.tz;
  const now = request.pinnedNow ?? receivedAt;
  const openWindow = openStatusWindow(from, to, now);
  const notReported = STATUSES.filter((status) => data.notReported.includes(status));
  const statusLabel = (status: Status) => translate(lang, `status.${status}`);
  const windowText = !openWindow
    ? ''
    : openWindow.start <= from
      ? translate(lang, 'delivery.windowAll')
      : translate(lang, 'delivery.windowSince', { start: formatDateTime(lang, tz, openWindow.start) });
  const starts = data.series.map((bucket) => Date.parse(bucket.start));
  const marks = marksByBucket(data.marks?.broadcasts ?? [], starts);
  const markTexts: MarkTexts = {
    heading: translate(lang, 'delivery.broadcastsHeading'),
    count: (value) => formatCount(lang, value),
    more: (count) => translate(lang, 'delivery.broadcastsMore', { count: formatCount(lang, count) }),
  };
  /** A bucket's broadcasts in one line of text, for the table and screen readers. */
  const markText = (index: number) => {
    const [, ...names] = markLines(marks.get(index) ?? [], markTexts);
    return names.join(', ');
  };
  const texts = {
    status: statusLabel,
    count: (value: number) => formatCount(lang, value),
    axisLabel: (instant: number, withDate: boolean) => axisLabel(lang, tz, data.interval, instant, withDate),
    bucketLabel: (instant: number) => bucketLabel(lang, tz, data.interval, instant),
    notReported: translate(lang, 'delivery.notReported'),
    mayChange: translate(lang, 'delivery.mayChange'),
    marks: markTexts,
    drillHint: translate(lang, 'drill.tipClick'),
  };
  // "Sent 1.234, Delivered 1.100, Read not reported, Failed 12": a bucket's or the totals' figures.
  const figures = (counts: Record<Status, number>) =>
    STATUSES.map(
      (status) => `${statusLabel(status)} ${notReported.includes(status) ? texts.notReported : texts.count(counts[status])}`,
    ).join(', ');
  const access: ChartAccess = {
    description: translate(lang, 'a11y.lineDescription', {
      title,
      count: data.series.length,
      first: starts[0] === undefined ? '' : texts.bucketLabel(starts[0]),
      last: starts.at(-1) === undefined ? '' : texts.bucketLabel(starts.at(-1) ?? 0),
      totals: figures(data.totals),
    }),
    count: data.series.length,
    describe: (index) => {
      const bucket = data.series[index];
      if (!bucket) return '';
      const point = translate(lang, 'a11y.point', { bucket: texts.bucketLabel(Date.parse(bucket.start)), values: figures(bucket) });
      const broadcasts = markText(index);
      return broadcasts ? `${point}; ${translate(lang, 'delivery.broadcastsAt', { list: broadcasts })}` : point;
    },
    highlight: false,
  };
  const option = themed((theme) =>
    lineOption(
      { series: data.series, interval: data.interval, timeZone: tz, to, notReported, now, openWindow, marks },
      theme,
      texts,
      access.description,
    ),
  );
  return {
    metrics: metricsOf(lang, data, notReported),
    notReported,
    note: `${translate(lang, 'delivery.tracking')} ${windowText}`.trim(),
    option,
    access,
    table: tableOf(lang, title, data, tz, notReported, marks, markText),
    marks: data.marks && data.marks.broadcasts.length > 0 ? { shown: data.marks.broadcasts.length, total: data.marks.total } : undefined,
    summary: translate(lang, 'a11y.updated', {
      title,
      figures: `${translate(lang, 'chart.total')} ${texts.count(data.totals.total)}; ${figures(data.totals)}`,
    }),
  };
}
