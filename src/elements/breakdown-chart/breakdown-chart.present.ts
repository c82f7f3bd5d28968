/**
 * What the breakdown shows for one answer, computed once per answer: the items with localised
 * labels and shares, the bar and pie options (built for the theme when drawn), and the table behind them. Pure, so it can be
 * tested without drawing.
 */
import { SUBTYPE_KINDS, type BreakdownResponse, type GroupBy } from '../../core/contract/types.js';
import { formatChange, formatCount, formatList, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { enumValueLabel } from '../../i18n/value-labels.js';
import { chartTable, type ChartAccess, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import { assignSlots } from '../shared/palette.js';
import { themed, type ChartOption } from '../chart/chart-theme.js';
import { barOption, foldSmallGroups, MAX_BARS, MAX_PIE_SLICES, pieOption } from './breakdown-chart.options.js';
import { OTHER_KEY, TOTAL_KEY, type BreakdownItem, type SubtypeKindGroup } from './breakdown-chart.types.js';

export interface BreakdownPresentation {
  /** The total first, then every group, largest first. */
  readonly metrics: readonly BreakdownItem[];
  /** The bars and slices drawn (small groups folded into "Other"), in the options' order. */
  readonly barItems: readonly BreakdownItem[];
  readonly pieItems: readonly BreakdownItem[];
  readonly barOption: ChartOption;
  readonly pieOption: ChartOption;
  readonly barAccess: ChartAccess;
  readonly pieAccess: ChartAccess;
  readonly table: ChartTable;
  readonly total: number;
  /** Subtypes only: the tags and the templates apart, in that order (the kinds with messages). */
  readonly kinds: readonly SubtypeKindGroup[];
  readonly summary: string;
}

/** Localised label of a group: enum keys through the i18n layer, names as the endpoint sent them. */
export function groupLabel(lang: Lang, groupBy: GroupBy, key: string, label: string): string {
  return enumValueLabel(lang, groupBy, key) ?? (label || key);
}

/** `+12,5 %` against the previous period, or `undefined` when there is nothing to compare. */
export function changeText(lang: Lang, item: BreakdownItem): string | undefined {
  if (!item.previousCount) return undefined;
  return formatChange(lang, (item.count - item.previousCount) / item.previousCount);
}

/** `canal` → `Canal`, for a column header made from a word used mid-sentence in titles. */
const capitalize = (lang: Lang, word: string) => word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);

/** Shares in CSV: a fraction with four decimals (0.1234 = 12.34 %). */
const round = (share: number) => Math.round(share * 10_000) / 10_000;

function tableOf(
  lang: Lang,
  title: string,
  groupBy: GroupBy,
  rows: readonly BreakdownItem[],
  compared: boolean,
  period: string,
): ChartTable {
  const columns: DataTableColumn<BreakdownItem>[] = [
    // The name heads each row (the total's too, so no row header is ever empty).
    { header: capitalize(lang, translate(lang, `groupBy.${groupBy}`)), cell: (item) => item.label },
    // Subtypes say what each names, tag or template, in a column of their own after the name.
    ...(groupBy === 'subtype'
      ? [
          {
            header: capitalize(lang, translate(lang, 'groupBy.type')),
            cell: (item: BreakdownItem) => (item.kind ? translate(lang, `type.${item.kind}`) : ''),
          },
        ]
      : []),
    { header: translate(lang, 'chart.count'), cell: (item) => formatCount(lang, item.count), value: (item) => item.count, numeric: true },
    {
      header: translate(lang, 'chart.percent'),
      cell: (item) => formatPercent(lang, item.share),
      value: (item) => round(item.share),
      numeric: true,
    },
  ];
  if (compared) {
    columns.push(
      {
        // Which dates, as the note above the tiles says them: "Periodo anterior" alone leaves it to guess.
        header: period ? translate(lang, 'chart.previousOf', { period }) : translate(lang, 'chart.previous'),
        cell: (item) => formatCount(lang, item.previousCount ?? 0),
        value: (item) => item.previousCount ?? 0,
        numeric: true,
      },
      {
        header: translate(lang, 'chart.changeColumn'),
        cell: (item) => changeText(lang, item) ?? '',
        value: (item) => (item.previousCount ? round((item.count - item.previousCount) / item.previousCount) : null),
        numeric: true,
      },
    );
  }
  return chartTable(translate(lang, 'chart.tableCaption', { title }), columns, rows, (item) => item.slot);
}

interface Formatters {
  count: (value: number) => string;
  percent: (share: number) => string;
}

/** How a chart of `items` reads: its description, and each item as the keys reach it. */
function access(
  lang: Lang,
  descriptionKey: 'a11y.barDescription' | 'a11y.pieDescription',
  title: string,
  items: readonly BreakdownItem[],
  total: number,
  format: Formatters,
): ChartAccess {
  const text = (item: BreakdownItem) => `${item.label} ${format.count(item.count)} (${format.percent(item.share)})`;
  return {
    description: translate(lang, descriptionKey, { title, total: format.count(total), items: formatList(lang, items.map(text)) }),
    count: items.length,
    describe: (index) => {
      const item = items[index];
      return item
        ? translate(lang, 'a11y.item', {
            label: item.label,
            count: format.count(item.count),
            percent: format.percent(item.share),
            position: index + 1,
            total: items.length,
          })
        : '';
    },
    highlight: true,
  };
}

/**
 * `period` is the period compared with, in words (`comparedPeriodText`): the data table's previous
 * column is headed with it; empty when unknown.
 */
export function presentBreakdown(data: BreakdownResponse, lang: Lang, title: string, period = ''): BreakdownPresentation {
  const groupBy = data.groupBy;
  // The previous period lies before any data when it has none: then no change is shown.
  const compared = data.previousTotal !== undefined && data.previousTotal > 0;
  // Slots over every group of the answer, drawn or folded, so the bar and the pie agree; by
  // key (and a channel's kind: the endpoint's, else what its name says), so they agree with every
  // other chart.
  const slots = assignSlots(
    groupBy,
    data.groups.map((group) => ({ key: group.key, label: group.label, ...(group.kind ? { kind: group.kind } : {}) })),
  );
  const items: BreakdownItem[] = data.groups.map((group) => ({
    key: group.key,
    label: groupLabel(lang, groupBy, group.key, group.label),
    count: group.count,
    share: data.total > 0 ? group.count / data.total : 0,
    ...(compared ? { previousCount: group.previousCount ?? 0 } : {}),
    ...(groupBy === 'subtype' && group.subtypeKind ? { kind: group.subtypeKind } : {}),
    slot: slots.get(group.key),
  }));
  const total: BreakdownItem = {
    key: TOTAL_KEY,
    label: translate(lang, 'chart.total'),
    count: data.total,
    share: data.total > 0 ? 1 : 0,
    ...(compared ? { previousCount: data.previousTotal } : {}),
  };
  const format = { count: (n: number) => formatCount(lang, n), percent: (s: number) => formatPercent(lang, s) };
  const other = translate(lang, 'chart.other');
  const kinds = groupBy === 'subtype' ? kindGroups(lang, items) : [];
  // Subtypes: the largest drawn, tags before templates, so each kind's bars and slices sit together.
  const byKind = (drawn: BreakdownItem[]) => (kinds.length > 0 ? sortByKind(drawn) : drawn);
  const barItems = byKind(foldSmallGroups(items, MAX_BARS, other));
  const pieItems = byKind(foldSmallGroups(items, MAX_PIE_SLICES, other));
  const kindOf = (item: BreakdownItem) => (item.kind ? translate(lang, `type.${item.kind}`) : undefined);
  // Shift+click on a bar or slice shows the group's messages: the tooltip says so (not for subtypes).
  const drillHint = groupBy === 'subtype' ? undefined : translate(lang, 'drill.tipShift');
  const barAccess = access(lang, 'a11y.barDescription', title, barItems, data.total, format);
  const pieAccess = access(lang, 'a11y.pieDescription', title, pieItems, data.total, format);
  return {
    metrics: [total, ...items],
    barItems,
    pieItems,
    barOption: themed((theme) => barOption(barItems, theme, format, barAccess.description, kindOf, drillHint)),
    pieOption: themed((theme) => pieOption(pieItems, theme, format, pieAccess.description, kindOf, drillHint)),
    barAccess,
    pieAccess,
    table: tableOf(lang, title, groupBy, [...(kinds.length > 0 ? kinds.flatMap((group) => group.items) : items), total], compared, period),
    total: data.total,
    kinds,
    summary: translate(lang, 'a11y.updated', { title, figures: `${translate(lang, 'chart.total')} ${format.count(data.total)}` }),
  };
}

/** Tags, then templates; each kind largest first, as the endpoint sent them; "Other" last. */
function sortByKind(items: readonly BreakdownItem[]): BreakdownItem[] {
  const rank = (item: BreakdownItem) =>
    item.key === OTHER_KEY ? SUBTYPE_KINDS.length + 1 : item.kind ? SUBTYPE_KINDS.indexOf(item.kind) : SUBTYPE_KINDS.length;
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/** The subtypes of each kind that has messages, tags first. */
function kindGroups(lang: Lang, items: readonly BreakdownItem[]): SubtypeKindGroup[] {
  return SUBTYPE_KINDS.map((kind) => {
    const ofKind = items.filter((item) => item.kind === kind);
    return { kind, label: translate(lang, `subtypeKind.${kind}`), count: ofKind.reduce((sum, item) => sum + item.count, 0), items: ofKind };
  }).filter((group) => group.items.length > 0);
}
