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

/**
 * A name as lines of whole words, each about `perLine` characters at most (a word longer than that
 * stands on its own line), and at most `maxLines` lines: the last takes the rest of the words.
 * ECharts then only truncates a line (with "…") that is still too wide; it never breaks a word.
 */
export function wrapWords(name: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && (last.length + 1 + word.length <= perLine || lines.length >= maxLines))
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * On a phone (a chart at most {@link NARROW_CHART} wide) the room beside the ring holds about this
 * many characters a line at the labels' size, and only slices of at least this angle (a tenth of
 * the ring) get a label: fifteen names cannot sit beside a 300 px ring without running into each
 * other, and every group is named with its share in the tiles, the bars, and the slice's tooltip
 * (on hover, tap and keyboard focus).
 */
const NARROW_LINE_CHARS = 11;
const NARROW_NAME_LINES = 3;
const NARROW_LABEL_ANGLE = 36;

export function pieOption(
  items: readonly BreakdownItem[],
  theme: ChartTheme,
  format: Formatters,
  description: string,
  kindOf: KindOf = () => undefined,
  drillHint?: string,
): EChartsCoreOption {
  // Two lines (name, share), each truncated on its own, so a long name never hides the percentage.
  const wideLabel = (p: { dataIndex: number }) => {
    const item = items[p.dataIndex];
    return item ? `${escapeRichText(item.label)}\n${format.percent(item.share)}` : '';
  };
  // On a phone: the name wrapped between words, never inside one (ECharts' own wrapping cut
  // "WhatsApp" into "WhatsAp" and "p" when a word was wider than the room).
  const narrowLabel = (p: { dataIndex: number }) => {
    const item = items[p.dataIndex];
    if (!item) return '';
    const lines = wrapWords(item.label, NARROW_LINE_CHARS, NARROW_NAME_LINES).map(escapeRichText);
    return `${lines.join('\n')}\n${format.percent(item.share)}`;
  };
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
          formatter: wideLabel,
        },
        labelLine: { length: 10, length2: 6 },
        labelLayout: { hideOverlap: true },
      },
    ],
    // On a phone the ring is smaller, leaving the labels room beside it; only the bigger slices
    // are labelled, their names wrapped between words; the labels keep clear of the box's top
    // and of the "Total" line under it.
    media: [
      {
        option: {
          series: [
            {
              radius: ['32%', '56%'],
              top: 0,
              bottom: 0,
              minShowLabelAngle: 6,
              label: { formatter: wideLabel, edgeDistance: 8, distanceToLabelLine: 5 },
              labelLine: { length: 10, length2: 6 },
            },
          ],
        },
      },
      {
        query: { maxWidth: NARROW_CHART },
        option: {
          series: [
            {
              // Room for "WhatsApp" or "@tienda.mx" beside a slice at three o'clock in a 296 px box.
              radius: ['24%', '40%'],
              top: 8,
              bottom: 16,
              minShowLabelAngle: NARROW_LABEL_ANGLE,
              label: { formatter: narrowLabel, edgeDistance: 4, distanceToLabelLine: 3 },
              labelLine: { length: 8, length2: 4 },
            },
          ],
        },
      },
    ],
  };
}
