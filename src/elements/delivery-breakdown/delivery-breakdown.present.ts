/**
 * What the delivery breakdown shows for one answer and one order, computed once for each: the rows
 * with localised labels and rates, the stacked bars' option and the table behind it. Pure, so it
 * can be tested without drawing.
 */
import {
  STATUSES,
  type DeliveryBreakdownGroup,
  type DeliveryBreakdownResponse,
  type DeliveryGroupBy,
  type Status,
} from '../../core/contract/types.js';
import { formatCount, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { enumValueLabel } from '../../i18n/value-labels.js';
import { chartTable, type ChartAccess, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import { themed, type ChartOption } from '../chart/chart-theme.js';
import { MAX_BARS, stackOption } from './delivery-breakdown.options.js';
import { sortRows } from './delivery-breakdown.sort.js';
import type { DeliveryRow, SortOrder } from './delivery-breakdown.types.js';

export interface DeliveryBreakdownPresentation {
  /** Every group, in the order asked for. */
  readonly rows: readonly DeliveryRow[];
  /** The groups drawn (the first {@link MAX_BARS} rows). */
  readonly barRows: readonly DeliveryRow[];
  readonly option: ChartOption;
  readonly access: ChartAccess;
  readonly table: ChartTable;
  readonly summary: string;
  /** Some group has a status its channels do not report. */
  readonly anyNotReported: boolean;
}

/** `canal` → `Canal`: a header made from the word used mid-sentence in titles. */
const capitalize = (lang: Lang, word: string) => word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);

/** The grouping as a word for titles and headers (`canal`, `transmisión`). */
export function groupByWord(lang: Lang, groupBy: DeliveryGroupBy): string {
  return groupBy === 'broadcast' ? translate(lang, 'deliveryBreakdown.groupBy.broadcast') : translate(lang, `groupBy.${groupBy}`);
}

/** Localised label of a group: enum keys through the i18n layer, names as the endpoint sent them. */
function groupLabel(lang: Lang, groupBy: DeliveryGroupBy, group: DeliveryBreakdownGroup): string {
  return enumValueLabel(lang, groupBy, group.key) ?? (group.label || group.key);
}

export function rowsOf(lang: Lang, data: DeliveryBreakdownResponse): DeliveryRow[] {
  return data.groups.map((group, rank) => {
    const rate = (status: Status) => (group.notReported.includes(status) ? undefined : group.total > 0 ? group[status] / group.total : 0);
    return {
      group,
      label: groupLabel(lang, data.groupBy, group),
      ...(group.subtypeKind ? { kind: translate(lang, `type.${group.subtypeKind}`) } : {}),
      rates: { sent: rate('sent'), delivered: rate('delivered'), read: rate('read'), failed: rate('failed') },
      rank,
    };
  });
}

/** `92,1 % · 1.234`, or "Not reported". */
export function statusCell(lang: Lang, row: DeliveryRow, status: Status): string {
  const rate = row.rates[status];
  if (rate === undefined) return translate(lang, 'delivery.notReported');
  return translate(lang, 'deliveryBreakdown.rate', { percent: formatPercent(lang, rate), count: formatCount(lang, row.group[status]) });
}

/** Rates in CSV: a fraction with four decimals. */
const round = (share: number) => Math.round(share * 10_000) / 10_000;

function tableOf(lang: Lang, title: string, groupBy: DeliveryGroupBy, rows: readonly DeliveryRow[]): ChartTable {
  const notReported = translate(lang, 'delivery.notReported');
  const columns: DataTableColumn<DeliveryRow>[] = [
    { header: capitalize(lang, groupByWord(lang, groupBy)), cell: (row) => (row.kind ? `${row.label} (${row.kind})` : row.label) },
    {
      header: translate(lang, 'deliveryBreakdown.messages'),
      cell: (row) => formatCount(lang, row.group.total),
      value: (row) => row.group.total,
      numeric: true,
    },
    ...STATUSES.flatMap((status): DataTableColumn<DeliveryRow>[] => [
      {
        header: translate(lang, `status.${status}`),
        cell: (row) => (row.rates[status] === undefined ? notReported : formatCount(lang, row.group[status])),
        value: (row) => (row.rates[status] === undefined ? notReported : row.group[status]),
        numeric: true,
      },
      {
        header: `${translate(lang, `status.${status}`)} %`,
        cell: (row) => {
          const rate = row.rates[status];
          return rate === undefined ? notReported : formatPercent(lang, rate);
        },
        value: (row) => {
          const rate = row.rates[status];
          return rate === undefined ? notReported : round(rate);
        },
        numeric: true,
      },
    ]),
  ];
  return chartTable(translate(lang, 'chart.tableCaption', { title }), columns, rows);
}

export function presentDeliveryBreakdown(
  data: DeliveryBreakdownResponse,
  order: SortOrder,
  lang: Lang,
  title: string,
): DeliveryBreakdownPresentation {
  const rows = sortRows(rowsOf(lang, data), order, lang);
  const barRows = rows.slice(0, MAX_BARS);
  const figures = (row: DeliveryRow) =>
    STATUSES.map((status) => `${translate(lang, `status.${status}`)} ${statusCell(lang, row, status)}`).join(', ');
  const describe = (row: DeliveryRow) => translate(lang, 'deliveryBreakdown.item', { label: row.label, figures: figures(row) });
  const description = translate(lang, 'deliveryBreakdown.description', { title, items: barRows.map(describe).join('; ') });
  const access: ChartAccess = {
    description,
    count: barRows.length,
    describe: (index) => {
      const row = barRows[index];
      return row ? describe(row) : '';
    },
    highlight: false,
  };
  const option = themed((theme) =>
    stackOption(
      barRows,
      theme,
      {
        segment: (status) => translate(lang, `deliveryBreakdown.segment.${status}`),
        figures,
        percent: (share) => formatPercent(lang, share),
      },
      description,
    ),
  );
  return {
    rows,
    barRows,
    option,
    access,
    table: tableOf(lang, title, data.groupBy, rows),
    summary: translate(lang, 'a11y.updated', { title, figures: rows.slice(0, 3).map(describe).join('; ') }),
    anyNotReported: rows.some((row) => row.group.notReported.length > 0),
  };
}
