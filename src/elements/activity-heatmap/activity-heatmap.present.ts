/**
 * What the heatmap shows for one answer, computed once per answer and language: the option, how
 * it reads to the keyboard and screen readers, the table behind it and the summary announced when
 * the figures change. Reads the zone of the query the answer was fetched for.
 */
import type { ActivityParams, ActivityResponse } from '../../core/contract/types.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { chartTable, type ChartAccess, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import { themed, type ChartOption } from '../chart/chart-theme.js';
import { heatmapOption } from './activity-heatmap.options.js';
import { weekLabels } from './activity-heatmap.labels.js';

export interface ActivityPresentation {
  readonly option: ChartOption;
  readonly access: ChartAccess;
  readonly table: ChartTable;
  readonly summary: string;
  /** The busiest weekday and hour, in words (`Monday 09:00–10:00`), or '' with no messages. */
  readonly busiest: string;
}

interface DayRow {
  readonly day: number;
  readonly counts: readonly number[];
}

export function presentActivity(request: ActivityParams, data: ActivityResponse, lang: Lang, title: string): ActivityPresentation {
  const labels = weekLabels(lang);
  const count = (value: number) => formatCount(lang, value);
  const cellName = (index: number) => `${labels.longDays[Math.floor(index / 24)] ?? ''} ${labels.spans[index % 24] ?? ''}`;
  const cells = data.counts.flat();
  const cellText = (index: number) => translate(lang, 'activity.cell', { cell: cellName(index), count: count(cells[index] ?? 0) });
  let top = -1;
  cells.forEach((n, i) => {
    if (n > 0 && (top < 0 || n > (cells[top] ?? 0))) top = i;
  });
  const busiest = top < 0 ? '' : cellName(top);
  const zone = request.tz;
  const description = translate(lang, 'a11y.heatmapDescription', {
    title,
    total: count(data.total),
    busiest: top < 0 ? '' : cellText(top),
    zone,
  });
  const access: ChartAccess = { description, count: cells.length, describe: cellText, highlight: true };
  const columns: DataTableColumn<DayRow>[] = [
    { header: translate(lang, 'activity.day'), cell: (row) => labels.longDays[row.day] ?? '' },
    ...labels.spans.map((span, hour): DataTableColumn<DayRow> => ({
      header: span,
      cell: (row) => count(row.counts[hour] ?? 0),
      value: (row) => row.counts[hour] ?? 0,
      numeric: true,
    })),
    {
      header: translate(lang, 'chart.total'),
      cell: (row) => count(row.counts.reduce((a, b) => a + b, 0)),
      value: (row) => row.counts.reduce((a, b) => a + b, 0),
      numeric: true,
    },
  ];
  const rows = data.counts.map((counts, day) => ({ day, counts }));
  const texts = { days: labels.days, hours: labels.hours, cell: cellText, count };
  return {
    option: themed((theme) => heatmapOption(data.counts, theme, texts, description)),
    access,
    table: chartTable(translate(lang, 'activity.tableCaption', { title, zone }), columns, rows),
    summary: translate(lang, 'a11y.updated', {
      title,
      figures: `${translate(lang, 'chart.total')} ${count(data.total)}${busiest ? `; ${translate(lang, 'activity.busiest', { cell: busiest })}` : ''}`,
    }),
    busiest,
  };
}
