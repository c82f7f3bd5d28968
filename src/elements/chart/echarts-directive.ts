import { noChange, type ElementPart } from 'lit';
import { AsyncDirective, directive, PartType, type PartInfo } from 'lit/async-directive.js';
import { readChartTheme, type ChartOption, type ChartTheme } from './chart-theme.js';
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
  /**
   * Changes when the theme may have changed (`refreshTheme()`, `theme`, `patterns`, a media
   * query): the theme is read again then, and when the chart is created — not for every new
   * option, which would read computed style in the middle of the page's rendering.
   */
  themeStamp?: number;
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

/** Frames in which a resize ECharts ignored is asked again (see `#resizeNextFrame`). */
const MAX_RESIZE_ATTEMPTS = 10;

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
  #size: ChartSize | undefined;
  #kit: ChartKit | undefined;
  #loading = false;
  #disposePending = false;
  /** The option function last drawn: a new option from the same function is a new theme. */
  #drawnSource: ChartBinding['option'] | undefined;
  /** The item the keys highlighted, or -1. */
  #keyIndex = -1;
  /** The theme last read, and the stamp it was read for. */
  #theme: { stamp: number | undefined; value: ChartTheme } | undefined;

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
    // Moved elsewhere: the CSS it inherits may differ.
    this.#theme = undefined;
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

  /**
   * One ResizeObserver for every chart on the page. Its callback runs after layout, with style
   * computed: it first reads every resized chart's size and, where needed, theme, and only then
   * draws them — a draw adds ECharts' elements to the DOM, so a theme read after another chart's
   * draw would recalculate style (measured: 30–40 ms of a report's load, over five charts).
   */
  static #observer: ResizeObserver | undefined;
  static readonly #byBox = new Map<Element, EChartDirective>();

  static #onResize(entries: ResizeObserverEntry[]): void {
    const resized: EChartDirective[] = [];
    for (const entry of entries) {
      const directive = EChartDirective.#byBox.get(entry.target);
      if (directive && directive.#measure(entry)) resized.push(directive);
    }
    for (const directive of resized) directive.#readTheme();
    // After layout and before paint: the first draw, or a resize, lands in this very frame.
    for (const directive of resized) directive.#draw();
  }

  #observe(): void {
    const element = this.#element;
    if (!element || EChartDirective.#byBox.get(element) === this) return;
    EChartDirective.#observer ??= new ResizeObserver((entries) => EChartDirective.#onResize(entries));
    EChartDirective.#byBox.set(element, this);
    EChartDirective.#observer.observe(element);
  }

  #unobserve(): void {
    const element = this.#element;
    if (!element || EChartDirective.#byBox.get(element) !== this) return;
    EChartDirective.#byBox.delete(element);
    EChartDirective.#observer?.unobserve(element);
  }

  /** Takes the box's new size; false while it has none (hidden, not laid out). */
  #measure(entry: ResizeObserverEntry): boolean {
    const box = entry.contentBoxSize[0];
    const width = Math.floor(box?.inlineSize ?? 0);
    const height = Math.floor(box?.blockSize ?? 0);
    if (width === 0 || height === 0) return false;
    const resized = this.#size !== undefined && (width !== this.#size.width || height !== this.#size.height);
    this.#size = { width, height };
    if (this.#chart && resized) this.#resizeNextFrame();
    return true;
  }

  /** The pending resize's frame (see `#resizeNextFrame`). */
  #resizeFrame = 0;

  /**
   * A drawn chart follows its box in the next frame, not inside the ResizeObserver's callback:
   * resizing there changes the page's layout while the browser delivers sizes, and when that moves
   * an observed box again the browser reports a "ResizeObserver loop" error, which a host's error
   * tracker records (seen when a window narrows past the charts' phone layout).
   */
  #resizeNextFrame(attempt = 0): void {
    cancelAnimationFrame(this.#resizeFrame);
    this.#resizeFrame = requestAnimationFrame(() => {
      if (!this.#chart || !this.#size) return;
      this.#chart.resize(this.#size);
      // ECharts ignores a resize asked while it is drawing (its "main process"), without a word in
      // its production build: asked again in the next frames until the chart has the box's size, so
      // that it never stays at a size the box had while the page was still being laid out.
      if (!this.#fitsBox() && attempt < MAX_RESIZE_ATTEMPTS) this.#resizeNextFrame(attempt + 1);
    });
  }

  /** Whether the chart is drawn at the size last measured for its box. */
  #fitsBox(): boolean {
    const chart = this.#chart;
    const size = this.#size;
    return !chart || !size || (chart.getWidth() === size.width && chart.getHeight() === size.height);
  }

  /** Reads the theme unless the one read holds (see `ChartBinding.themeStamp`; without a stamp, always). */
  #readTheme(): ChartTheme | undefined {
    const element = this.#element;
    const stamp = this.#binding?.themeStamp;
    if (element && (stamp === undefined || this.#theme?.stamp !== stamp)) this.#theme = { stamp, value: readChartTheme(element) };
    return this.#theme?.value;
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
      this.#chart.on('finished', () => {
        // Drawn at a size the box no longer has: not finished until the resize is drawn too.
        if (this.#fitsBox()) this.#binding?.onRendered?.();
        else this.#resizeNextFrame();
      });
      this.#drawnOption = undefined;
    }
    // The theme is read before the first draw, in the ResizeObserver's callback where style is
    // computed already, and again only when it may have changed: a new answer drawn in a Lit
    // update reuses it instead of forcing a style recalculation of the page just rendered.
    const theme = this.#readTheme();
    if (!theme) return;
    const option = binding.option(theme);
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
    this.#unobserve();
    cancelAnimationFrame(this.#resizeFrame);
    this.#size = undefined;
    this.#chart?.dispose();
    this.#chart = undefined;
    this.#drawnOption = undefined;
    this.#drawnSource = undefined;
    this.#theme = undefined;
    this.#keyIndex = -1;
  }
}

/** Binds an ECharts chart to an element: `<div ${chart({ option, load })}></div>`. */
export const chart = directive(EChartDirective);
