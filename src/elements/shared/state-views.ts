/**
 * The states every data element shares — loading, empty, not applicable, error with retry, and
 * invalid input — as templates, so they look and read the same everywhere.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { FilterField } from '../../core/contract/types.js';
import { formatList } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { describeRequestError } from './problems.js';

export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 96px;
    padding: var(--_gap);
    color: var(--_muted-color);
    text-align: center;
    /* A message quoting endpoint text (a name without spaces) wraps instead of widening the element. */
    overflow-wrap: anywhere;
    border: 1px dashed var(--_border-color);
    border-radius: var(--_radius);
  }
  .state[part~='error'] {
    color: var(--_error-color);
  }
  .state button {
    font: inherit;
    color: var(--_surface-color);
    background: var(--_accent-color);
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    padding: 6px 14px;
    cursor: pointer;
  }
  .state button:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  .spinner {
    width: 20px;
    height: 20px;
    border: 3px solid var(--_border-color);
    border-top-color: var(--_accent-color);
    border-radius: 50%;
    animation: spin 900ms linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;

/** The loading state; `slow` once loading takes longer than usual, which it then says. */
export function loadingView(lang: Lang, slow = false): TemplateResult {
  return html`<div class="state" part="loading${slow ? ' slow' : ''}" role="status">
    <span class="spinner" aria-hidden="true"></span><span>${translate(lang, 'state.loading')}</span>
    ${slow ? html`<span>${translate(lang, 'state.slow')}</span>` : nothing}
  </div>`;
}

export function emptyView(lang: Lang): TemplateResult {
  return html`<div class="state" part="empty" role="status">${translate(lang, 'state.empty')}</div>`;
}

export function notApplicableView(lang: Lang, fields: readonly FilterField[]): TemplateResult {
  const names = formatList(
    lang,
    fields.map((field) => translate(lang, `field.${field}`)),
  );
  return html`<div class="state" part="not-applicable" role="status">${translate(lang, 'state.notApplicable', { fields: names })}</div>`;
}

export function invalidView(lang: Lang, messages: readonly string[]): TemplateResult {
  return html`<div class="state" part="error invalid" role="alert">
    ${messages.map((message) => html`<p>${translate(lang, 'state.invalid', { reason: message })}</p>`)}
  </div>`;
}

export function errorView(lang: Lang, error: unknown, retry: () => void): TemplateResult {
  return html`<div class="state" part="error" role="alert">
    <p>${translate(lang, 'state.error')} ${describeRequestError(lang, error)}</p>
    <button type="button" part="retry" @click=${retry}>${translate(lang, 'state.retry')}</button>
  </div>`;
}
