import { noChange, type ElementPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';
import { readChartTheme, type ChartOption } from './chart-theme.js';
import type { ChartKit, ChartSize, ECharts, EChartsCoreOption } from './echarts.js';

/** How the chart of a `chart(...)` binding is drawn. */
export interface ChartBinding {
  /** The option, for the theme the box's tokens give when it is drawn. */
  option: ChartOption;
  /** Loads ECharts with this chart's kind registered (a dynamic import; see ./echarts.ts). */
  load: () => Promise<ChartKit>;
  /** Called with ECharts' click parameters (series data index and name). */
  onClick?: (event: { dataIndex: number; name: string }) => void;
  /** Called each time ECharts finishes drawing a frame. */
  onRendered?: () => void;
}

/**
 * Owns one ECharts instance for the element it is bound to. It draws once both ECharts has loaded
 * and the element has a size, follows size changes, replaces the option whole when the template
 * passes a new one, and disposes the instance when the element leaves the DOM — a microtask later,
 * so that moving an element (disconnect + reconnect) keeps its chart (the same choice as Vaadin's
 * chart mixin).
 *
 * It never reads layout: the box's size comes from a ResizeObserver, which reports it after the
 * browser's own layout, and is handed to ECharts (which would otherwise measure the box itself and
 * force a layout in the middle of rendering the page, once per chart). Likewise the theme is read
 * when drawing, not while the element renders.
 */
class EChartDirective extends AsyncDirective {
  #element: HTMLElement | undefined;
  #chart: ECharts | undefined;
  #binding: ChartBinding | undefined;
  #drawnOption: EChartsCoreOption | undefined;
  #observer: ResizeObserver | undefined;
  #size: ChartSize | undefined;
  #kit: ChartKit | undefined;
  #loading = false;
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
    this.#load(binding);
    this.#observe();
    this.#draw();
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

  #load(binding: ChartBinding): void {
    if (this.#kit || this.#loading) return;
    this.#loading = true;
    binding.load().then(
      (kit) => {
        this.#kit = kit;
        this.#draw();
      },
      (error: unknown) => {
        this.#loading = false;
        console.error('msg-report: the chart code could not be loaded', error);
      },
    );
  }

  #observe(): void {
    if (this.#observer || !this.#element) return;
    this.#observer = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentBoxSize[0];
      const width = Math.floor(box?.inlineSize ?? 0);
      const height = Math.floor(box?.blockSize ?? 0);
      // Hidden (display: none) or not laid out: wait for a real size.
      if (width === 0 || height === 0) return;
      const resized = this.#size !== undefined && (width !== this.#size.width || height !== this.#size.height);
      this.#size = { width, height };
      // After layout and before paint: the first draw, or a resize, lands in this very frame.
      if (this.#chart && resized) this.#chart.resize({ width, height });
      this.#draw();
    });
    this.#observer.observe(this.#element);
  }

  #draw(): void {
    const element = this.#element;
    const binding = this.#binding;
    const size = this.#size;
    if (!element || !binding || !size || !this.#kit || !this.isConnected) return;
    if (!this.#chart) {
      this.#chart = this.#kit.createChart(element, size);
      this.#chart.on('click', (event) => {
        const { dataIndex, name } = event as { dataIndex: number; name: string };
        this.#binding?.onClick?.({ dataIndex, name });
      });
      this.#chart.on('finished', () => this.#binding?.onRendered?.());
      this.#drawnOption = undefined;
    }
    // The theme is read here: at the first draw this runs in the ResizeObserver's callback, where
    // style is computed already, so reading it costs nothing.
    const option = binding.option(readChartTheme(element));
    if (this.#drawnOption !== option) {
      this.#drawnOption = option;
      this.#chart.setOption(option, { notMerge: true });
    }
  }

  #teardown(): void {
    this.#disposePending = false;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#size = undefined;
    this.#chart?.dispose();
    this.#chart = undefined;
    this.#drawnOption = undefined;
  }
}

/** Binds an ECharts chart to an element: `<div ${chart({ option, load })}></div>`. */
export const chart = directive(EChartDirective);
