/**
 * The ECharts option of the activity heatmap: a pure function of the counts, the theme and the
 * texts. Hours run across (0–23), weekdays down (Monday on top), one cell per weekday and hour;
 * the continuous visual map under it is the colour scale's legend, from the surface to one of the
 * report's colours. Every string drawn comes from the i18n layer and `Intl`; the tooltip is
 * ECharts' rich text (no HTML), and it holds no text from the endpoint anyway.
 */
import { baseOption, slotColor, type ChartTheme } from '../chart/chart-theme.js';
import type { EChartsCoreOption } from '../chart/echarts.js';

/** The colour slot of the scale's strong end (blue, as the report's first colour). */
export const HEATMAP_SLOT = 'c1';

/** Charts at most this wide (CSS pixels) label every sixth hour only, as on a phone. */
export const NARROW_HEATMAP = 480;

export interface HeatmapTexts {
  /** Short weekday names, Monday first. */
  days: readonly string[];
  /** Hour labels, 0–23. */
  hours: readonly string[];
  /** The tooltip of the cell at `index` (weekday × 24 + hour). */
  cell: (index: number) => string;
  count: (value: number) => string;
}

/**
 * The data of the heatmap: `[hour, weekday, count]` per cell, in reading order (Monday 0:00 first),
 * which is also the order the arrow keys move through.
 */
export function heatmapData(counts: readonly (readonly number[])[]): [number, number, number][] {
  return counts.flatMap((row, day) => row.map((count, hour): [number, number, number] => [hour, day, count]));
}

export function heatmapOption(
  counts: readonly (readonly number[])[],
  theme: ChartTheme,
  text: HeatmapTexts,
  description: string,
): EChartsCoreOption {
  const max = Math.max(1, ...counts.flat());
  const axis = { lineStyle: { color: theme.borderColor } };
  const option: EChartsCoreOption = {
    ...baseOption(theme, description),
    grid: { left: 8, right: 8, top: 8, bottom: 56 },
    tooltip: {
      // Rich text is drawn on the canvas: no HTML.
      renderMode: 'richText',
      backgroundColor: theme.surfaceColor,
      borderColor: theme.borderColor,
      textStyle: { color: theme.textColor, fontFamily: theme.fontFamily },
      formatter: (params: { dataIndex: number }) => text.cell(params.dataIndex),
    },
    xAxis: {
      type: 'category',
      data: [...text.hours],
      splitArea: { show: false },
      axisLine: axis,
      axisTick: { ...axis, alignWithLabel: true },
      axisLabel: { color: theme.mutedColor, interval: 1, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: [...text.days],
      // Monday on top, as a week reads.
      inverse: true,
      axisLine: axis,
      axisTick: { show: false },
      axisLabel: { color: theme.mutedColor },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      text: [text.count(max), text.count(0)],
      textStyle: { color: theme.mutedColor },
      inRange: { color: [theme.surfaceColor, slotColor(theme, HEATMAP_SLOT)] },
      // The legend explains the colours; it is not a control.
      hoverLink: false,
    },
    series: [
      {
        type: 'heatmap',
        data: heatmapData(counts),
        itemStyle: { borderColor: theme.borderColor, borderWidth: 1, borderRadius: 2 },
        emphasis: { itemStyle: { borderColor: theme.textColor, borderWidth: 2 } },
        progressive: 0,
      },
    ],
  };
  return {
    ...option,
    media: [
      { option: { xAxis: { axisLabel: { interval: 1 } } } },
      // Every sixth hour on a phone: a 12-hour clock's labels (`10 a.m.`) are wide.
      { query: { maxWidth: NARROW_HEATMAP }, option: { xAxis: { axisLabel: { interval: 5 } } } },
    ],
  };
}
