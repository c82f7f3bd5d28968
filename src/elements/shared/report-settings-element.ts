import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenGetter } from '../../core/client/client.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import type { Filters } from '../../core/contract/types.js';
import type { InputProblem } from '../../core/query/report-state.js';
import type { StateChange } from '../../core/query/state-change.js';
import { fire } from './events.js';
import { describeProblem, ReportModel, type ReportSettings } from './report-model.js';
import type { ReportContextValue } from './report-context.js';

/** The language of the nearest ancestor with a `lang` attribute, crossing shadow roots. */
function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/**
 * The attributes and properties that configure a report. `<msg-report>` has them, and so does
 * every other element, so that it can run alone with `endpoint` on itself.
 */
export abstract class ReportSettingsElement extends LitElement {
  /** Base URL of the reporting endpoint, absolute or relative to the page. */
  @property() endpoint?: string;

  /** IANA time zone of every preset, bucket and timestamp. Default: the browser's. */
  @property() timezone?: string;

  /**
   * Language: `es`, `en` or `pt` (regional tags such as `pt-BR` match). Default: the nearest
   * ancestor's `lang`, else `es`.
   */
  @property() override lang = '';

  /**
   * Date preset: `today`, `yesterday`, `last_7_days`, `last_14_days`, `last_30_days`,
   * `this_month`, `last_month`. Default `last_7_days`. Ignored when `from` and `to` are set.
   */
  @property() preset?: string;

  /** First local day of a custom range, `YYYY-MM-DD`. */
  @property() from?: string;

  /** Last local day (inclusive) of a custom range, `YYYY-MM-DD`. */
  @property() to?: string;

  /** The ISO instant presets count from. Default: the current time. */
  @property() now?: string;

  /** Filter values per field (`{ channel: ['ch_1'] }`): OR within a field, AND across fields. */
  @property({ attribute: false }) filters: Filters = {};

  /**
   * Returns the bearer token for each request; called with `{ refresh: true }` once after a 401.
   */
  @property({ attribute: false }) getToken?: TokenGetter;

  /** An object implementing the contract's four resources, used instead of `endpoint`. */
  @property({ attribute: false }) dataSource?: ReportDataSource;

  /** Cookie policy of requests: `same-origin` (default), `include` or `omit`. */
  @property() credentials?: RequestCredentials;

  readonly #model = new ReportModel();
  #reportedProblems = new Set<string>();
  #reportedAttributeErrors = '';

  /** The settings as the model reads them. */
  protected reportSettings(): ReportSettings {
    return {
      endpoint: this.endpoint,
      timezone: this.timezone,
      lang: this.lang || inheritedLang(this),
      preset: this.preset,
      from: this.from,
      to: this.to,
      now: this.now,
      filters: this.filters,
      getToken: this.getToken,
      dataSource: this.dataSource,
      credentials: this.credentials,
    };
  }

  /**
   * Recomputes the own model from the settings; returns the new value when it changed. Problems
   * seen for the first time are reported to the host as `msg-error` events.
   */
  protected updateOwnReport(): ReportContextValue | undefined {
    const value = this.#model.update(this.reportSettings());
    if (value) this.#reportProblems(value.state.problems, value.state.lang);
    return value;
  }

  /** The value computed by the last `updateOwnReport`. */
  protected get ownReport(): ReportContextValue | undefined {
    return this.#model.value;
  }

  #reportProblems(problems: readonly InputProblem[], lang: ReportContextValue['state']['lang']): void {
    const now = new Set<string>();
    for (const problem of problems) {
      const message = describeProblem(lang, problem);
      now.add(message);
      if (this.#reportedProblems.has(message)) continue;
      if (problem.severity === 'warning') console.warn(`msg-report: ${message}`);
      // Fired after the current update so that a host listening on the element sees it rendered.
      queueMicrotask(() => fire(this, 'msg-error', { source: 'input', code: problem.code, severity: problem.severity, message }));
    }
    this.#reportedProblems = now;
  }

  /**
   * Reports the element's own bad attributes (`messages`, one per attribute) to the host as
   * `msg-error` events with code `badAttribute`: each set once, not again on every update while
   * it stands. An empty list means all is well, so the same problem coming back is reported again.
   */
  protected reportAttributeErrors(messages: readonly string[]): void {
    const key = messages.join('\n');
    if (key && key !== this.#reportedAttributeErrors) {
      for (const message of messages) fire(this, 'msg-error', { source: 'input', code: 'badAttribute', severity: 'error', message });
    }
    this.#reportedAttributeErrors = key;
  }

  /**
   * Sets what `change` names and keeps the rest: a preset replaces a custom range, a custom range
   * is set as `from` and `to` (which take precedence over the preset), filters are set whole.
   */
  protected applySettings(change: StateChange): void {
    if (change.range) {
      if ('preset' in change.range) {
        this.preset = change.range.preset;
        this.from = undefined;
        this.to = undefined;
      } else {
        this.from = change.range.from;
        this.to = change.range.to;
      }
    }
    if (change.filters) this.filters = change.filters;
    if (change.timezone) this.timezone = change.timezone;
    if (change.lang) this.lang = change.lang;
  }

  /** Whether `changed` touches any setting. */
  protected settingsChanged(changed: PropertyValues): boolean {
    return SETTINGS.some((name) => changed.has(name));
  }
}

const SETTINGS = [
  'endpoint',
  'timezone',
  'lang',
  'preset',
  'from',
  'to',
  'now',
  'filters',
  'getToken',
  'dataSource',
  'credentials',
] as const;
