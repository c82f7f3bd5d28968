import { OTHER_SLOT, SLOTS } from '../shared/palette.js';
import type { EChartsCoreOption } from './echarts.js';

/** The resolved values of an element's theming tokens, as ECharts options need them. */
export interface ChartTheme {
  /** Whether the element draws in its dark scheme. */
  dark: boolean;
  /** The colour of each slot (palette.ts), resolved for the scheme. */
  colors: Readonly<Record<string, string>>;
  textColor: string;
  mutedColor: string;
  borderColor: string;
  surfaceColor: string;
  fontFamily: string;
  fontSize: number;
  /** 0 turns animation off (tests, reduced motion). */
  animationMs: number;
  /** Decal patterns on bars and slices, dashes on lines: `patterns`, or `prefers-contrast: more`. */
  patterns: boolean;
}

/** The colour of `slot` in `theme`; "Other"'s grey for a slot it does not know. */
export function slotColor(theme: ChartTheme, slot: string | undefined): string {
  return (slot && theme.colors[slot]) || theme.colors[OTHER_SLOT] || theme.mutedColor;
}

function durationMs(value: string): number {
  const trimmed = value.trim();
  const number = Number.parseFloat(trimmed);
  if (Number.isNaN(number)) return 0;
  return trimmed.endsWith('ms') ? number : trimmed.endsWith('s') ? number * 1000 : number;
}

/**
 * Whether a computed `color-scheme` draws dark: `dark` alone does; `light dark` (the default)
 * does when the user prefers dark, as the browser decides for `light-dark()` itself.
 */
export function schemeIsDark(colorScheme: string): boolean {
  const words = colorScheme.split(/\s+/);
  if (!words.includes('dark')) return false;
  return !words.includes('light') || matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The index of the comma that ends `value`'s first top-level argument after `from`, or -1. */
function topLevelComma(value: string, from: number): number {
  let depth = 0;
  for (let i = from; i < value.length; i++) {
    const char = value[i];
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) return -1;
      depth--;
    } else if (char === ',' && depth === 0) return i;
  }
  return -1;
}

/**
 * `value` with every `light-dark(a, b)` replaced by `a` or `b`. A custom property's computed
 * value is its text with `var()` substituted, so ECharts, which draws on a canvas, would get the
 * function itself; this is the choice the browser makes for CSS colours.
 */
export function resolveLightDark(value: string, dark: boolean): string {
  const start = value.indexOf('light-dark(');
  if (start < 0) return value;
  const open = start + 'light-dark('.length;
  const comma = topLevelComma(value, open);
  if (comma < 0) return value;
  let depth = 0;
  let close = comma + 1;
  for (; close < value.length; close++) {
    const char = value[close];
    if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) break;
  }
  const chosen = dark ? value.slice(comma + 1, close) : value.slice(open, comma);
  return resolveLightDark(`${value.slice(0, start)}${chosen.trim()}${value.slice(close + 1)}`, dark);
}

/** Reads the `--_*` tokens of `host` (see tokens.styles.ts). */
export function readChartTheme(host: Element): ChartTheme {
  const style = getComputedStyle(host);
  const dark = schemeIsDark(style.getPropertyValue('color-scheme'));
  const token = (name: string) => resolveLightDark(style.getPropertyValue(`--_${name}`).trim(), dark);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    dark,
    colors: Object.fromEntries(SLOTS.map((slot) => [slot, token(`color-${slot}`)])),
    textColor: token('text-color'),
    mutedColor: token('muted-color'),
    borderColor: token('border-color'),
    surfaceColor: token('surface-color'),
    fontFamily: token('font-family'),
    fontSize: Number.parseFloat(token('font-size')) || 14,
    animationMs: reducedMotion ? 0 : durationMs(token('animation-duration')),
    patterns: token('patterns') === 'on' || matchMedia('(prefers-contrast: more)').matches,
  };
}

/**
 * The media queries the chart theme depends on: a change of any redraws the charts in place
 * (see `MsgChartElement.refreshTheme`).
 */
export const THEME_MEDIA = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(prefers-reduced-motion: reduce)'] as const;

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

const DECAL_SYMBOLS = ['rect', 'circle', 'triangle', 'diamond', 'roundRect', 'pin'] as const;

/**
 * The decal pattern of a slot, so a key keeps its pattern as it keeps its colour: a shape per
 * slot, in a contrasting tint (light on the light scheme's strong colours, dark on the dark one's).
 */
export function slotDecal(theme: ChartTheme, slot: string | undefined): object | undefined {
  if (!theme.patterns) return undefined;
  const index = Math.max(0, SLOTS.indexOf(slot ?? OTHER_SLOT));
  return {
    symbol: DECAL_SYMBOLS[index % DECAL_SYMBOLS.length],
    rotation: (Math.floor(index / DECAL_SYMBOLS.length) % 3) * (Math.PI / 6),
    color: theme.dark ? 'rgba(0, 0, 0, 0.5)' : 'rgba(255, 255, 255, 0.6)',
  };
}

/** What every chart's option shares: animation, text, the scheme and the aria description. */
export function baseOption(theme: ChartTheme, description: string): EChartsCoreOption {
  return {
    darkMode: theme.dark,
    animation: theme.animationMs > 0,
    animationDuration: theme.animationMs,
    animationDurationUpdate: theme.animationMs,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.textColor },
    // ECharts' aria: `role="img"` and this description on the chart box; decals on request.
    aria: { enabled: true, label: { description }, decal: { show: theme.patterns } },
  };
}
