/**
 * The only module that imports ECharts: the core plus exactly the charts and components the
 * elements draw, on the canvas renderer, so bundlers drop the rest (≈ half of ECharts).
 */
import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The plain legend (no paging) is enough for the delivery line's four statuses.
use([BarChart, LineChart, PieChart, GridComponent, LegendPlainComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);
// No ECharts locale is registered: every text the charts show (axis labels, tooltips, legends)
// comes from our own i18n layer through formatters, so ECharts' own strings never appear.

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

/** Creates a chart in `container`. */
export function createChart(container: HTMLElement): ECharts {
  emptyOnlyInnerHTML(container);
  return init(container, undefined, { renderer: 'canvas' });
}

export type { ECharts, EChartsCoreOption };
