/**
 * ECharts' core for the elements: loaded on first use only (each chart element imports its own
 * kit, `breakdown-chart.echarts.ts` or `delivery-line.echarts.ts`, made with {@link chartKit}), so
 * filters, metrics and lists never wait for it, and a page with one kind of chart loads only that
 * kind's modules. Canvas renderer, grid, tooltip and aria (the charts' description and decal
 * patterns) are shared.
 */
import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

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

/** The content box of a chart, in CSS pixels. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** What a chart element's kit module exports: a chart factory with its charts registered. */
export interface ChartKit {
  /**
   * Creates a chart in `container` at `size`. The size is given, not read: ECharts would read the
   * box's layout (a forced layout in the middle of rendering the page).
   */
  readonly createChart: (container: HTMLElement, size: ChartSize) => ECharts;
}

/** What `use()` takes: the chart types and components a kit adds. */
type Extensions = Parameters<typeof use>[0];

/**
 * The kit drawing with `extensions` besides the canvas renderer, grid, tooltip and aria. They are
 * registered when the first chart is created (registering again is a no-op), not as a module side
 * effect, which a bundler may drop from a package whose modules are declared free of them.
 */
export function chartKit(extensions: Extensions): ChartKit {
  return {
    createChart: (container, size) => {
      use([GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);
      use(extensions);
      emptyOnlyInnerHTML(container);
      return init(container, undefined, { renderer: 'canvas', width: size.width, height: size.height });
    },
  };
}

export type { ECharts, EChartsCoreOption };
