import { PALETTE_SIZE } from '../shared/tokens.styles.js';
import type { EChartsCoreOption } from './echarts.js';

/** The resolved values of an element's theming tokens, as ECharts options need them. */
export interface ChartTheme {
  palette: string[];
  textColor: string;
  mutedColor: string;
  borderColor: string;
  surfaceColor: string;
  fontFamily: string;
  fontSize: number;
  /** 0 turns animation off (tests, reduced motion). */
  animationMs: number;
}

function durationMs(value: string): number {
  const trimmed = value.trim();
  const number = Number.parseFloat(trimmed);
  if (Number.isNaN(number)) return 0;
  return trimmed.endsWith('ms') ? number : trimmed.endsWith('s') ? number * 1000 : number;
}

/** Reads the `--_*` tokens of `host` (see tokens.styles.ts). */
export function readChartTheme(host: Element): ChartTheme {
  const style = getComputedStyle(host);
  const token = (name: string) => style.getPropertyValue(`--_${name}`).trim();
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    palette: Array.from({ length: PALETTE_SIZE }, (_, i) => token(`palette-${i + 1}`)),
    textColor: token('text-color'),
    mutedColor: token('muted-color'),
    borderColor: token('border-color'),
    surfaceColor: token('surface-color'),
    fontFamily: token('font-family'),
    fontSize: Number.parseFloat(token('font-size')) || 14,
    animationMs: reducedMotion ? 0 : durationMs(token('animation-duration')),
  };
}

/**
 * A chart's option for a theme. Charts read their theme when they draw — in the ResizeObserver's
 * callback, where style is already computed — not while the element renders, where reading
 * computed style would force a style recalculation of the page once per chart.
 */
export type ChartOption = (theme: ChartTheme) => EChartsCoreOption;

/** `build` as a {@link ChartOption} that builds once per distinct theme (the same object while the theme holds). */
export function themed(build: (theme: ChartTheme) => EChartsCoreOption): ChartOption {
  let last: { key: string; option: EChartsCoreOption } | undefined;
  return (theme) => {
    const key = JSON.stringify(theme);
    if (last?.key !== key) last = { key, option: build(theme) };
    return last.option;
  };
}
