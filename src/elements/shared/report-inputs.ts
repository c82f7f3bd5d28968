import { LitElement, ReactiveElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenGetter } from '../../core/client/client.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import type { Filters } from '../../core/contract/types.js';
import type { Preset } from '../../core/query/presets.js';
import type { ReportSettings } from '../../core/store/report-store.js';
import type { Lang } from '../../i18n/locales.js';
import { ALL_STRINGS, type StringsPart } from '../../i18n/translate.js';
import { ElementStrings } from './strings.js';

/** The language of the nearest ancestor with a `lang` attribute, crossing shadow roots. */
function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** The properties that configure a report, as the store names them (`lang` is read apart). */
const INPUTS = [
  'endpoint',
  'timezone',
  'preset',
  'from',
  'to',
  'now',
  'filters',
  'getToken',
  'dataSource',
  'credentials',
  'timeout',
] as const;
const RANGE_INPUTS: readonly string[] = ['preset', 'from', 'to'];

/**
 * The attributes and properties a report is configured with: `<msg-report>` and
 * `<msg-messages-report>` take them, and so does every other element, for when it is used alone
 * (`endpoint` on itself). They are inputs: they configure a store, which holds the state. A
 * person's changes go to the store, never back into these properties.
 *
 * Every element is themed with the same custom properties (tokens.styles.ts maps them):
 * @cssprop --msg-font-family - Font of text and charts.
 * @cssprop --msg-font-size - Base font size (default 14px).
 * @cssprop --msg-text-color - Text colour.
 * @cssprop --msg-muted-color - Secondary text: notes, axis labels, the time zone.
 * @cssprop --msg-surface-color - Background of controls, sections, popups and tooltips.
 * @cssprop --msg-border-color - Lines and borders.
 * @cssprop --msg-accent-color - Buttons, the chosen option and focus rings.
 * @cssprop --msg-error-color - Error text and invalid inputs.
 * @cssprop --msg-change-good-color - A change for the better on a metric (more messages, fewer failures).
 * @cssprop --msg-change-bad-color - A change for the worse on a metric (fewer messages, more failures).
 * @cssprop --msg-radius - Corner radius.
 * @cssprop --msg-gap - Space between parts and sections.
 * @cssprop --msg-color-scheme - `light`, `dark`, or `light dark` (the default: follows
 *   `prefers-color-scheme`); inherited, as the `theme` attribute sets it. Every colour default is
 *   `light-dark(light, dark)`; a host's own value may be a `light-dark()` too.
 * @cssprop --msg-background-color - What the element paints behind itself: transparent in light,
 *   the surface colour in dark, so a dark report stays legible on a light page.
 * @cssprop --msg-patterns - `on` draws the charts' patterns (what the `patterns` attribute sets).
 */
export abstract class ReportInputsElement extends LitElement {
  /** Base URL of the reporting endpoint, absolute or relative to the page. */
  @property() endpoint?: string;

  /** IANA time zone of every preset, bucket and timestamp. Default: the browser's. */
  @property() timezone?: string;

  /**
   * Locale, a BCP 47 tag: `es`, `es-MX`, `pt-BR`, `en-US`, `en-GB`… Numbers, dates, axes and table
   * times follow the whole tag (`es-MX` writes 9,768 where `es` writes 9768); texts follow its
   * language, Spanish (`es`), English (`en`) or Portuguese (`pt`), and are Spanish for any other
   * (with a `msg-error` warning). A malformed tag (`es_MX`) is an error shown in the element.
   * Default: the nearest ancestor's `lang`, else `es`.
   */
  @property() override lang = '';

  /**
   * Date preset: `today`, `yesterday`, `last_7_days`, `last_14_days`, `last_30_days`,
   * `this_month`, `last_month`. Default `last_7_days`. Ignored when `from` and `to` are set.
   */
  @property() preset?: Preset;

  /** First local day of a custom range, `YYYY-MM-DD`. */
  @property() from?: string;

  /** Last local day (inclusive) of a custom range, `YYYY-MM-DD`. */
  @property() to?: string;

  /** The ISO instant presets count from. Default: the current time. */
  @property() now?: string;

  /** Filter values per field (`{ channel: ['ch_1'] }`): OR within a field, AND across fields. */
  @property({ attribute: false }) filters: Filters = {};

  /** Returns the bearer token for each request; called with `{ refresh: true }` once after a 401. */
  @property({ attribute: false }) getToken?: TokenGetter;

  /** An object implementing the contract's four resources, used instead of `endpoint`. */
  @property({ attribute: false }) dataSource?: ReportDataSource;

  /** Cookie policy of requests: `same-origin` (default), `include` or `omit`. */
  @property() credentials?: RequestCredentials;

  /**
   * Seconds a load from `endpoint` may take, retries included, before the element shows the
   * error state with Retry: 0.1–600, default 30. After a quarter of it (at most 5 s) a loading
   * element says it is taking longer than usual.
   */
  @property() timeout?: number | string;

  /**
   * Colour scheme: `light` or `dark`. Default: the user's (`prefers-color-scheme`), or the
   * scheme an ancestor sets (`theme` on the `<msg-report>`, `--msg-color-scheme` in CSS). Set on
   * a report, it themes every element inside. Charts redraw in place, without re-creating them.
   */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Draws decal patterns on bars and slices and dashes on lines, so series are told apart without
   * colour. On by itself when the user asks for more contrast (`prefers-contrast: more`). Set on
   * a report, it applies to every chart inside.
   */
  @property({ type: Boolean, reflect: true }) patterns = false;

  #configuredLang: string | undefined;
  readonly #strings = new ElementStrings(this);

  /**
   * Whether the element needs strings to render. Until the strings of its report's language are
   * loaded it renders nothing at all (it still fetches its data meanwhile), so no message key or
   * empty label ever shows; when the language changes it keeps the one it shows until the next
   * one's strings are in.
   */
  protected get needsStrings(): boolean {
    return true;
  }

  /**
   * Which parts of its language's strings the element renders with: both unless it says, the
   * base alone for the elements that show no chart (issue 11: their page never downloads the
   * charts' strings).
   */
  protected get stringsParts(): readonly StringsPart[] {
    return ALL_STRINGS;
  }

  /** Asks for the strings of `lang`, the report's language (from `willUpdate`, once it is known). */
  protected requestStrings(lang: Lang): void {
    this.#strings.want(lang, this.stringsParts);
  }

  /** The language the element renders in: its report's once loaded, else the one it shows; `undefined` before any. */
  protected get displayLang(): Lang | undefined {
    return this.#strings.lang;
  }

  /** True while the element shows its report's language (its strings loaded and rendered with). */
  protected get stringsCurrent(): boolean {
    return !this.needsStrings || this.#strings.current;
  }

  /**
   * Whether the element renders before its strings are in (and hides what it renders until then,
   * see `displayLang`). `<msg-messages-report>` does, so that the elements it composes start
   * fetching their data and ECharts at once instead of after the strings' round trip.
   */
  protected get rendersBeforeStrings(): boolean {
    return false;
  }

  protected override update(changed: PropertyValues): void {
    if (!this.needsStrings || this.rendersBeforeStrings || this.#strings.lang !== undefined) {
      super.update(changed);
      return;
    }
    // No strings yet: the update runs (attributes reflect, controllers and data go on) but nothing
    // is rendered until they arrive; their arrival requests another update.
    (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
  }

  /** `updateComplete` also waits for the strings of the report's language and the render with them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.isConnected && !this.stringsCurrent) {
      try {
        await this.#strings.loaded();
      } catch {
        return complete;
      }
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** The language asked for: the element's own `lang`, else its nearest ancestor's. */
  protected get requestedLang(): string | undefined {
    return this.lang || inheritedLang(this);
  }

  /**
   * The settings to give a store: all of them when `all`, else those `changed` names (a range
   * input brings the other two, since `from` and `to` take precedence over `preset`). `undefined`
   * when nothing changed. The inherited language counts as changed when an ancestor's did.
   */
  protected inputSettings(changed: PropertyValues, all: boolean): ReportSettings | undefined {
    const settings: Record<string, unknown> = {};
    const lang = this.requestedLang;
    for (const name of INPUTS) {
      const wanted = all || changed.has(name) || (RANGE_INPUTS.includes(name) && RANGE_INPUTS.some((range) => changed.has(range)));
      if (wanted) settings[name] = this[name];
    }
    if (all || changed.has('lang') || lang !== this.#configuredLang) settings.lang = lang;
    this.#configuredLang = lang;
    if (Object.keys(settings).length === 0) return undefined;
    return { ...settings, baseUrl: document.baseURI };
  }
}
