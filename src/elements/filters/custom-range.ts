/**
 * The custom range form of `<msg-report-filters>`: two local days in the report's time zone,
 * checked as the person types, applied together with Apply.
 *
 * The inputs are native date fields, for their calendar, keyboard use and screen-reader support.
 * Browsers draw them in the browser's own locale, whatever the page's `lang` says, so each field has the chosen day written beside it in the report's locale (`20 nov 2026`
 * in a Spanish report in an English browser), which also describes the input to screen readers.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { presetDays } from '../../core/query/presets.js';
import { formatPlainDate, localDate, parsePlainDate, type PlainDate } from '../../core/query/zoned-time.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { checkDraft, formatPlain } from './report-filters.model.js';
import type { DraftProblem, FiltersHost } from './report-filters.types.js';

/** Today in the report's zone: no range may start after it. */
function today(state: ReportSnapshot): PlainDate {
  return localDate(state.now ?? Date.now(), state.timezone);
}

function describeDraftProblem(lang: Lang, problem: DraftProblem): string {
  switch (problem.code) {
    case 'incomplete':
      return translate(lang, 'filters.error.incomplete');
    case 'from-after-to':
      return translate(lang, 'filters.error.fromAfterTo');
    case 'range-too-long':
      return translate(lang, 'filters.error.tooLong', { days: formatCount(lang, problem.days), max: formatCount(lang, problem.max) });
    case 'future':
      return translate(lang, 'filters.error.future', { today: formatPlain(lang, problem.today) });
  }
}

/** Which inputs the message is about, for `aria-invalid`. */
function invalidInputs(problem: DraftProblem | undefined): { from: boolean; to: boolean } {
  if (!problem) return { from: false, to: false };
  if (problem.code === 'incomplete') return { from: problem.missing.includes('from'), to: problem.missing.includes('to') };
  if (problem.code === 'future') return { from: true, to: false };
  return { from: true, to: true };
}

/** A typed day in the report's locale, or nothing while the input holds no whole day. */
function dayReadout(lang: Lang, value: string): string {
  const date = parsePlainDate(value);
  return date ? formatPlain(lang, date) : '';
}

export class CustomRangeForm implements ReactiveController {
  readonly #host: FiltersHost;
  /** The person chose "Custom range" and has not applied one yet. */
  #editing = false;
  #from = '';
  #to = '';
  #problem: DraftProblem | undefined;
  /** The report's range last shown in the inputs. */
  #shownRange = '';

  constructor(host: FiltersHost) {
    this.#host = host;
    host.element.addController(this);
  }

  /** True while a custom range is being typed and not applied yet. */
  get editing(): boolean {
    return this.#editing;
  }

  /** Whether the form shows: while one is typed, or while the report's range is a custom one. */
  isShown(state: ReportSnapshot): boolean {
    return this.#editing || !('preset' in state.range);
  }

  /** Starts typing a custom range from the days the report shows ("Custom range" in the list). */
  start(state: ReportSnapshot): void {
    if (this.#editing || !('preset' in state.range)) return;
    this.#editing = true;
    const days = state.resolved ?? presetDays(state.range.preset, today(state));
    this.#from = formatPlainDate(days.firstDay);
    this.#to = formatPlainDate(days.lastDay);
    this.#problem = undefined;
    this.#host.element.requestUpdate();
  }

  /** Stops typing one and forgets its message (a preset was chosen, or "Clear all"). */
  stop(): void {
    this.#editing = false;
    this.#problem = undefined;
    this.#host.element.requestUpdate();
  }

  hostUpdate(): void {
    const range = this.#host.report()?.range;
    if (!range) return;
    // A custom range applied or restored elsewhere shows in the inputs, unless one is being typed.
    const key = JSON.stringify(range);
    if (key === this.#shownRange) return;
    this.#shownRange = key;
    if ('preset' in range || this.#editing) return;
    this.#from = formatPlainDate(range.from);
    this.#to = formatPlainDate(range.to);
    this.#problem = undefined;
  }

  #readInputs(): void {
    this.#from = (this.#host.find('#from') as HTMLInputElement | null)?.value ?? this.#from;
    this.#to = (this.#host.find('#to') as HTMLInputElement | null)?.value ?? this.#to;
    this.#host.element.requestUpdate();
  }

  readonly #onInput = (): void => {
    this.#readInputs();
    // Once a message shows, it follows the input, so it disappears as soon as the range is valid.
    const state = this.#host.report();
    if (this.#problem && state) this.#problem = checkDraft(this.#from, this.#to, today(state));
  };

  readonly #onChange = (): void => {
    this.#readInputs();
    const state = this.#host.report();
    if (state && this.#from && this.#to) this.#problem = checkDraft(this.#from, this.#to, today(state));
  };

  readonly #onApply = (event: SubmitEvent): void => {
    event.preventDefault();
    const state = this.#host.report();
    if (!state) return;
    this.#readInputs();
    const problem = checkDraft(this.#from, this.#to, today(state));
    this.#problem = problem;
    if (problem) {
      // Nothing is applied; focus goes to the first input the message is about.
      const target = problem.code === 'incomplete' && problem.missing[0] === 'to' ? '#to' : '#from';
      this.#host.focusAfterRender(() => this.#host.find(target));
      return;
    }
    this.#editing = false;
    const unchanged =
      !('preset' in state.range) && formatPlainDate(state.range.from) === this.#from && formatPlainDate(state.range.to) === this.#to;
    if (!unchanged) this.#host.change({ range: { from: this.#from, to: this.#to } });
  };

  readonly #onCancel = (): void => {
    this.stop();
    this.#host.focusAfterRender(() => this.#host.find('#range-combo'));
  };

  /** One day's input, labelled, with the day it holds written in the report's locale beside it. */
  #dateField(which: 'from' | 'to', lang: Lang, invalid: boolean, max?: string): TemplateResult {
    const value = which === 'from' ? this.#from : this.#to;
    return html`<div class="date-field">
      <label>
        ${translate(lang, `filters.${which}`)}
        <input
          id=${which}
          part="date-input ${which}"
          type="date"
          required
          max=${max ?? nothing}
          .value=${live(value)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="${which}-day range-error"
          @input=${this.#onInput}
          @change=${this.#onChange}
        />
      </label>
      <span id="${which}-day" part="date-readout">${dayReadout(lang, value)}</span>
    </div>`;
  }

  render(state: ReportSnapshot, lang: Lang): TemplateResult {
    const invalid = invalidInputs(this.#problem);
    return html`<form part="custom-range" novalidate aria-labelledby="custom-title" @submit=${this.#onApply}>
      <span id="custom-title" class="visually-hidden">${translate(lang, 'filters.custom')}</span>
      ${this.#dateField('from', lang, invalid.from, formatPlainDate(today(state)))} ${this.#dateField('to', lang, invalid.to)}
      <button type="submit" part="apply">${translate(lang, 'filters.apply')}</button>
      ${
        this.#editing && 'preset' in state.range
          ? html`<button type="button" part="cancel" @click=${this.#onCancel}>${translate(lang, 'filters.cancel')}</button>`
          : nothing
      }
      <p id="range-error" part="range-error" role="alert">${this.#problem ? describeDraftProblem(lang, this.#problem) : ''}</p>
    </form>`;
  }
}
