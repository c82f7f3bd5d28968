import { noChange, type ElementPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';
import { createChart, type ECharts, type EChartsCoreOption } from './echarts.js';

/** How the chart of a `chart(...)` binding is drawn. */
export interface ChartBinding {
  option: EChartsCoreOption;
  /** Called with ECharts' click parameters (series data index and name). */
  onClick?: (event: { dataIndex: number; name: string }) => void;
  /** Called each time ECharts finishes drawing a frame. */
  onRendered?: () => void;
}

/**
 * Owns one ECharts instance for the element it is bound to. It draws once the element has a
 * size (ECharts cannot lay out a 0×0 box), follows size changes, replaces the option whole when
 * the template passes a new one, and disposes the instance when the element leaves the DOM — a
 * microtask later, so that moving an element (disconnect + reconnect) keeps its chart (the same
 * choice as Vaadin's chart mixin).
 */
class EChartDirective extends AsyncDirective {
  #element: HTMLElement | undefined;
  #chart: ECharts | undefined;
  #binding: ChartBinding | undefined;
  #drawnOption: EChartsCoreOption | undefined;
  #observer: ResizeObserver | undefined;
  #resizeFrame = 0;
  #disposePending = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('chart() must be bound to an element');
  }

  override render(_binding: ChartBinding): unknown {
    return noChange;
  }

  override update(part: ElementPart, [binding]: [ChartBinding]): unknown {
    const element = part.element as HTMLElement;
    if (this.#element !== element) {
      this.#teardown();
      this.#element = element;
    }
    this.#binding = binding;
    this.#observe();
    this.#draw();
    // On a first render Lit updates the directive before it inserts the template into the
    // document, so there is no size yet. A microtask later the box is in place: drawing then
    // saves waiting a whole frame for the ResizeObserver.
    if (!this.#chart) queueMicrotask(() => this.#draw());
    return noChange;
  }

  protected override disconnected(): void {
    this.#disposePending = true;
    queueMicrotask(() => {
      if (this.#disposePending) this.#teardown();
    });
  }

  protected override reconnected(): void {
    this.#disposePending = false;
    this.#observe();
    this.#draw();
  }

  #observe(): void {
    if (this.#observer || !this.#element) return;
    this.#observer = new ResizeObserver(() => {
      // The first size arrives after layout and before paint: draw now, in this very frame.
      if (!this.#chart) {
        this.#draw();
        return;
      }
      // Later resizes: one per frame however many observations arrive (as vue-echarts' autoresize).
      cancelAnimationFrame(this.#resizeFrame);
      this.#resizeFrame = requestAnimationFrame(() => this.#draw(true));
    });
    this.#observer.observe(this.#element);
  }

  #draw(resized = false): void {
    const element = this.#element;
    const binding = this.#binding;
    if (!element || !binding || !this.isConnected) return;
    // Hidden or not yet laid out: wait for the ResizeObserver to report a real size.
    if (element.clientWidth === 0 || element.clientHeight === 0) return;
    if (!this.#chart) {
      this.#chart = createChart(element);
      this.#chart.on('click', (event) => {
        const { dataIndex, name } = event as { dataIndex: number; name: string };
        this.#binding?.onClick?.({ dataIndex, name });
      });
      this.#chart.on('finished', () => this.#binding?.onRendered?.());
      this.#drawnOption = undefined;
    } else if (resized) {
      this.#chart.resize();
    }
    if (this.#drawnOption !== binding.option) {
      this.#chart.setOption(binding.option, { notMerge: true });
      this.#drawnOption = binding.option;
    }
  }

  #teardown(): void {
    this.#disposePending = false;
    cancelAnimationFrame(this.#resizeFrame);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#chart?.dispose();
    this.#chart = undefined;
    this.#drawnOption = undefined;
  }
}

/** Binds an ECharts chart to an element: `<div ${chart({ option })}></div>`. */
export const chart = directive(EChartDirective);
