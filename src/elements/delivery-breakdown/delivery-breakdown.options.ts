/**
 * The ECharts option of the delivery breakdown: one 100 % bar per group, split into the disjoint
 * parts of its funnel (read, delivered but not read, sent but not delivered, failed) in the
 * statuses' colours, as on the delivery line. A pure function of the rows, the theme and the
 * texts. Names come from data: drawn as canvas text, escaped for rich text, never parsed as HTML.
 */
import type { Status } from '../../core/contract/types.js';
import { baseOption, slotColor, slotDecal, type ChartTheme } from '../chart/chart-theme.js';
import type { EChartsCoreOption } from '../chart/echarts.js';
import { escapeRichText, RICH_TEXT } from '../chart/rich-text.js';
import { statusSlot } from '../shared/palette.js';
import { SEGMENTS, type DeliveryRow } from './delivery-breakdown.types.js';

/** Most bars drawn; the table has every group. */
export const MAX_BARS = 12;
/** Charts at most this wide (CSS pixels) are laid out for a phone. */
export const NARROW_CHART = 480;

export interface StackTexts {
  segment: (status: Status) => string;
  /** A group's figures in one line, for the tooltip (statuses not reported say so). */
  figures: (row: DeliveryRow) => string;
  percent: (share: number) => string;
}

/** A part's share of the group's messages: read; delivered but not read; sent but not delivered; failed. */
export function segmentShare(row: DeliveryRow, status: (typeof SEGMENTS)[number]): number {
  const { total, sent, delivered, read, failed } = row.group;
  const count = { read, delivered: delivered - read, sent: sent - delivered, failed }[status];
  return total > 0 ? count / total : 0;
}

export function stackOption(rows: readonly DeliveryRow[], theme: ChartTheme, texts: StackTexts, description: string): EChartsCoreOption {
  const notReported = (row: DeliveryRow, status: Status) => row.group.notReported.includes(status);
  return {
    ...baseOption(theme, description),
    grid: { left: 8, right: 16, top: 8, bottom: 40 },
    legend: { bottom: 0, data: SEGMENTS.map(texts.segment), textStyle: { color: theme.textColor }, inactiveColor: theme.borderColor },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // Rich text is drawn on the canvas: a name holding markup stays text.
      renderMode: 'richText',
      backgroundColor: theme.surfaceColor,
      borderColor: theme.borderColor,
      textStyle: { color: theme.textColor, fontFamily: theme.fontFamily },
      formatter: (params: { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? -1];
        return row ? `${escapeRichText(row.label)}\n${escapeRichText(texts.figures(row))}` : '';
      },
    },
    xAxis: {
      type: 'value',
      max: 1,
      axisLabel: { color: theme.mutedColor, formatter: (value: number) => texts.percent(value) },
      splitLine: { lineStyle: { color: theme.borderColor } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { ...RICH_TEXT, color: theme.textColor, overflow: 'truncate', width: 180, formatter: escapeRichText },
      axisLine: { lineStyle: { color: theme.borderColor } },
      axisTick: { show: false },
    },
    series: SEGMENTS.map((status) => {
      const slot = statusSlot(status);
      const decal = slotDecal(theme, slot);
      return {
        type: 'bar',
        name: texts.segment(status),
        stack: 'funnel',
        barMaxWidth: 24,
        itemStyle: { color: slotColor(theme, slot), ...(decal ? { decal } : {}) },
        // A part whose status the group's channels do not report is left out, never drawn as 0 %.
        data: rows.map((row) => (status !== 'failed' && notReported(row, status) ? null : segmentShare(row, status))),
      };
    }),
    media: [
      { option: { grid: { bottom: 40 }, yAxis: { axisLabel: { width: 180 } } } },
      // On a phone the legend takes two lines: the plot ends higher, so the percent axis stays clear of it.
      { query: { maxWidth: NARROW_CHART }, option: { grid: { bottom: 64 }, yAxis: { axisLabel: { width: 96 } } } },
    ],
  };
}
