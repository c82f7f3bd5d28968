/**
 * ECharts options for the breakdown's bar and pie. Pure functions of the numbers and the theme,
 * so they can be tested without drawing. Labels come from data: they are drawn as canvas text and
 * the tooltip uses ECharts' rich-text mode, so no string from the endpoint is ever parsed as HTML,
 * and each goes through `escapeRichText`, so none is parsed as ECharts rich-text markup either.
 */
import type { EChartsCoreOption } from '../chart/echarts.js';
import { baseOption, slotColor, slotDecal, type ChartTheme } from '../chart/chart-theme.js';
import { OTHER_SLOT } from '../shared/palette.js';
import { RICH_TEXT, escapeRichText } from '../chart/rich-text.js';
import { OTHER_KEY, type BreakdownItem } from './breakdown-chart.types.js';

/** Most slices or bars drawn; the rest is summed into one "Other" entry. */
export const MAX_PIE_SLICES = 8;
export const MAX_BARS = 15;
/** Charts at most this wide (CSS pixels) are laid out for a phone. */
export const NARROW_CHART = 480;

/** The first `max - 1` items and one more summing the rest, when there are more than `max`. */
export function foldSmallGroups(items: readonly BreakdownItem[], max: number, otherLabel: string): BreakdownItem[] {
  if (items.length <= max) return [...items];
  const kept = items.slice(0, max - 1);
  const rest = items.slice(max - 1);
  return [
    ...kept,
    {
      key: OTHER_KEY,
      label: otherLabel,
      count: rest.reduce((sum, item) => sum + item.count, 0),
      share: rest.reduce((sum, item) => sum + item.share, 0),
      slot: OTHER_SLOT,
    },
  ];
}

interface Formatters {
  count: (value: number) => string;
  percent: (share: number) => string;
}

/** What kind a subtype names (`Plantilla de mensaje de WhatsApp`), for its tooltip; `undefined` for other groupings. */
export type KindOf = (item: BreakdownItem) => string | undefined;

/**
 * `WhatsApp Ventas: 1.234 (12,5 %)`, for a tooltip, under the subtype's kind when it has one and
 * over `drillHint` (how to see the group's messages) when the group can be drilled into; empty
 * for an index ECharts should not send.
 */
function describe(item: BreakdownItem | undefined, format: Formatters, kindOf: KindOf, drillHint: string | undefined): string {
  if (!item) return '';
  const line = `${escapeRichText(item.label)}: ${format.count(item.count)} (${format.percent(item.share)})`;
  const kind = kindOf(item);
  const hint = drillHint && item.key !== OTHER_KEY ? `\n${drillHint}` : '';
  return `${kind ? `${escapeRichText(kind)}\n` : ''}${line}${hint}`;
}

/** An item's colour (by its key's slot, whatever its rank) and, with patterns, its decal. */
function itemStyle(item: BreakdownItem, theme: ChartTheme): object {
  const decal = slotDecal(theme, item.slot);
  return { color: slotColor(theme, item.slot), ...(decal ? { decal } : {}) };
}

function tooltip(theme: ChartTheme, format: (index: number) => string): EChartsCoreOption {
  return {
    trigger: 'item',
    // Rich text is drawn on the canvas: a name holding markup stays text.
    renderMode: 'richText',
    backgroundColor: theme.surfaceColor,
    borderColor: theme.borderColor,
    textStyle: { color: theme.textColor, fontFamily: theme.fontFamily },
    formatter: (params: { dataIndex: number }) => format(params.dataIndex),
  };
}

export function barOption(
  items: readonly BreakdownItem[],
  theme: ChartTheme,
  format: Formatters,
  description: string,
  kindOf: KindOf = () => undefined,
  drillHint?: string,
): EChartsCoreOption {
  const categoryLabel = { ...RICH_TEXT, color: theme.textColor, overflow: 'truncate', formatter: escapeRichText };
  return {
    ...baseOption(theme, description),
    // ECharts 6 keeps axis labels inside the box by itself (grid.outerBounds defaults to 'auto').
    grid: { left: 8, right: 48, top: 8, bottom: 8 },
    tooltip: tooltip(theme, (i) => describe(items[i], format, kindOf, drillHint)),
    // Each bar carries its count, so the value axis and its grid lines would only cross the
    // labels: a ranked list needs neither.
    xAxis: { type: 'value', show: false, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.label),
      axisLabel: { ...categoryLabel, width: 180 },
      axisLine: { lineStyle: { color: theme.borderColor } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: items.map((item) => ({ value: item.count, itemStyle: itemStyle(item, theme) })),
        label: { show: true, position: 'right', color: theme.textColor, formatter: (p: { value: number }) => format.count(p.value) },
      },
    ],
    // ECharts' media queries, on the chart's own width: names get less room on a phone.
    media: [
      { option: { yAxis: { axisLabel: { width: 180 } } } },
      { query: { maxWidth: NARROW_CHART }, option: { yAxis: { axisLabel: { width: 104 } } } },
    ],
  };
}

export function pieOption(
  items: readonly BreakdownItem[],
  theme: ChartTheme,
  format: Formatters,
  description: string,
  kindOf: KindOf = () => undefined,
  drillHint?: string,
): EChartsCoreOption {
  return {
    ...baseOption(theme, description),
    tooltip: tooltip(theme, (i) => describe(items[i], format, kindOf, drillHint)),
    series: [
      {
        type: 'pie',
        radius: ['32%', '56%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: theme.surfaceColor, borderWidth: 2 },
        data: items.map((item) => ({ name: item.label, value: item.count, itemStyle: itemStyle(item, theme) })),
        // Slices thinner than this show no label (the tooltip and the table still have them).
        minShowLabelAngle: 6,
        label: {
          ...RICH_TEXT,
          color: theme.textColor,
          lineHeight: 16,
          // Labels line up at the box's edges and take all the room between the ring and the
          // edge: a name is cut only when it cannot fit, and never leaves the box.
          alignTo: 'edge',
          edgeDistance: 8,
          overflow: 'truncate',
          // Two lines, each truncated on its own, so a long name never hides the percentage.
          formatter: (p: { dataIndex: number }) => {
            const item = items[p.dataIndex];
            return item ? `${escapeRichText(item.label)}\n${format.percent(item.share)}` : '';
          },
        },
        labelLine: { length: 10, length2: 6 },
        labelLayout: { hideOverlap: true },
      },
    ],
    // On a phone the ring is smaller, leaving the labels room beside it, and a name too long for
    // that room wraps onto more lines instead of being cut ("Flujo de tr…" at 360 px).
    media: [
      { option: { series: [{ radius: ['32%', '56%'], label: { overflow: 'truncate' } }] } },
      { query: { maxWidth: NARROW_CHART }, option: { series: [{ radius: ['24%', '42%'], label: { overflow: 'break' } }] } },
    ],
  };
}
