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
  /**
   * Called with ECharts' click parameters (series data index and name), and whether Shift was
   * held (Shift+click, Shift+Enter: "see these messages" where a click cross-filters).
   */
  onClick?: (event: { dataIndex: number; name: string; shiftKey: boolean }) => void;
  /** Called each time ECharts finishes drawing a frame. */
  onRendered?: () => void;
  /** Keyboard traversal of the chart's items; without it the box takes no keys. */
  keys?: ChartKeys;
}

/**
 * Arrow keys (and Home, End) move a highlight through the chart's items, showing each one's
 * tooltip and announcing it; Enter or Space does what a click on it does (`onClick`); Escape
 * and leaving the box clear the highlight.
 */
export interface ChartKeys {
  /** How many items the keys move through: bars, slices, or points along the time axis. */
  readonly count: number;
  /** The text announced for an item. */
  readonly describe: (index: number) => string;
  /** Highlights the item itself (bars and slices); a line shows its axis tooltip only. */
  readonly highlight: boolean;
  /** Called with the text to announce (through the element's live region). */
  readonly announce: (text: string) => void;
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
 * when drawing, not while the element renders; a new theme for the same numbers recolours the same
 * instance. With `keys`, the box is traversed by keyboard (see {@link ChartKeys}).
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
  /** The option function last drawn: a new option from the same function is a new theme. */
  #drawnSource: ChartBinding['option'] | undefined;
  /** The item the keys highlighted, or -1. */
  #keyIndex = -1;

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
      element.addEventListener('keydown', this.#onKeyDown);
      element.addEventListener('blur', this.#clearKeyHighlight);
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
        // ECharts passes its zrender event, which holds the browser's own.
        const native = (event as { event?: { event?: { shiftKey?: boolean } } }).event?.event;
        this.#binding?.onClick?.({ dataIndex, name, shiftKey: native?.shiftKey === true });
      });
      this.#chart.on('finished', () => this.#binding?.onRendered?.());
      this.#drawnOption = undefined;
    }
    // The theme is read here: at the first draw this runs in the ResizeObserver's callback, where
    // style is computed already, so reading it costs nothing.
    const option = binding.option(readChartTheme(element));
    if (this.#drawnOption !== option) {
      // The same numbers in a new theme (a scheme switch, refreshTheme()): recoloured in place,
      // at once, in the frame the page's own colours change in — no animation, no flash.
      const themeOnly = this.#drawnOption !== undefined && this.#drawnSource === binding.option;
      this.#drawnOption = option;
      this.#drawnSource = binding.option;
      if (!themeOnly) this.#keyIndex = -1;
      this.#chart.setOption(themeOnly ? { ...option, animation: false } : option, { notMerge: true });
    }
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const keys = this.#binding?.keys;
    if (!keys || !this.#chart || keys.count === 0) return;
    const last = keys.count - 1;
    const at = this.#keyIndex;
    let index: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        index = Math.min(last, at + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        index = Math.max(0, at - 1);
        break;
      case 'Home':
        index = 0;
        break;
      case 'End':
        index = last;
        break;
      case 'Enter':
      case ' ':
        if (at < 0 || !this.#binding?.onClick) return;
        event.preventDefault();
        this.#binding.onClick({ dataIndex: at, name: '', shiftKey: event.shiftKey });
        return;
      case 'Escape':
        // Used here when it clears a highlight, so the report does not also undo its drill.
        if (this.#keyIndex >= 0) event.preventDefault();
        this.#clearKeyHighlight();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.#highlight(index, keys);
  };

  #highlight(index: number, keys: ChartKeys): void {
    const chart = this.#chart;
    if (!chart) return;
    if (keys.highlight) {
      chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
      chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: index });
    }
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
    this.#keyIndex = index;
    keys.announce(keys.describe(index));
  }

  readonly #clearKeyHighlight = (): void => {
    const chart = this.#chart;
    if (!chart || this.#keyIndex < 0) return;
    chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    chart.dispatchAction({ type: 'hideTip' });
    this.#keyIndex = -1;
  };

  #teardown(): void {
    this.#disposePending = false;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#size = undefined;
    this.#chart?.dispose();
    this.#chart = undefined;
    this.#drawnOption = undefined;
    this.#drawnSource = undefined;
    this.#keyIndex = -1;
  }
}

/** Binds an ECharts chart to an element: `<div ${chart({ option, load })}></div>`. */
export const chart = directive(EChartDirective);
