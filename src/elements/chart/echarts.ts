/**
 * The only module that imports ECharts: the core plus exactly the charts and components the
 * elements draw, on the canvas renderer, so bundlers drop the rest (≈ half of ECharts).
 */
import { init, use, registerLocale, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import langES from 'echarts/lib/i18n/langES.js';
import langPT from 'echarts/lib/i18n/langPT-br.js';
import type { Lang } from '../../i18n/locales.js';

// The plain legend (no paging) is enough for the delivery line's four statuses.
use([BarChart, LineChart, PieChart, GridComponent, LegendPlainComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);
registerLocale('ES', langES as Parameters<typeof registerLocale>[1]);
registerLocale('PT', langPT as Parameters<typeof registerLocale>[1]);

const ECHARTS_LOCALE: Record<Lang, string> = { es: 'ES', en: 'EN', pt: 'PT' };

/**
 * zrender empties its root with `root.innerHTML = ''` on init and dispose. Under
 * `require-trusted-types-for 'script'` that assignment throws, even for an empty string
 * (upstream fix pending: https://github.com/ecomfe/zrender/pull/1167). On our own chart box only,
 * `innerHTML` becomes a property that can empty the box and nothing else, so no default Trusted
 * Types policy is needed and no markup can ever be written through it.
 */
function emptyOnlyInnerHTML(container: HTMLElement): void {
  Object.defineProperty(container, 'innerHTML', {
    configurable: true,
    get: () => '',
    set(value: unknown) {
      if (value !== '') throw new TypeError('msg-report: chart boxes never take markup');
      container.replaceChildren();
    },
  });
}

/** Creates a chart in `container` with the report's language. */
export function createChart(container: HTMLElement, lang: Lang): ECharts {
  emptyOnlyInnerHTML(container);
  return init(container, undefined, { renderer: 'canvas', locale: ECHARTS_LOCALE[lang] });
}

export type { ECharts, EChartsCoreOption };
