/**
 * The only module that imports ECharts: the core plus exactly the charts and components the
 * elements draw, on the canvas renderer, so bundlers drop the rest (≈ half of ECharts).
 */
import { init, use, registerLocale, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import langES from 'echarts/lib/i18n/langES.js';
import langPT from 'echarts/lib/i18n/langPT-br.js';
import type { Lang } from '../../i18n/locales.js';

use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);
registerLocale('ES', langES as Parameters<typeof registerLocale>[1]);
registerLocale('PT', langPT as Parameters<typeof registerLocale>[1]);

const ECHARTS_LOCALE: Record<Lang, string> = { es: 'ES', en: 'EN', pt: 'PT' };

/** Creates a chart in `container` with the report's language. */
export function createChart(container: HTMLElement, lang: Lang): ECharts {
  return init(container, undefined, { renderer: 'canvas', locale: ECHARTS_LOCALE[lang] });
}

export type { ECharts, EChartsCoreOption };
