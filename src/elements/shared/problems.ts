/**
 * What is wrong, in the report's language: bad input from the host (report settings and the
 * element's own attributes, checked here with valibot) and failed requests.
 */
import * as v from 'valibot';
import { ReportError } from '../../core/client/errors.js';
import type { InputProblem } from '../../core/query/report-state.js';
import type { Lang } from '../../i18n/locales.js';
import { translate, type MessageKey } from '../../i18n/translate.js';

/** The message for a problem with the report's settings, in `lang`. */
export function describeProblem(lang: Lang, problem: InputProblem): string {
  return translate(lang, `problem.${problem.code}`, problem.params);
}

/** The message for an attribute whose value is not allowed; `allowed` lists or describes what is. */
export function describeBadAttribute(lang: Lang, name: string, value: unknown, allowed: string): string {
  return translate(lang, 'problem.badAttribute', { name, value: String(value), allowed });
}

/** The sentence for a failed request, in `lang`. */
export function describeRequestError(lang: Lang, error: unknown): string {
  if (!(error instanceof ReportError)) return translate(lang, 'state.error');
  const keyByKind: Partial<Record<ReportError['kind'], MessageKey>> = {
    network: 'error.network',
    timeout: 'error.timeout',
    'invalid-response': 'error.invalidResponse',
  };
  const byKind = keyByKind[error.kind];
  if (byKind) return translate(lang, byKind);
  const status = error.status ?? 0;
  if (status === 401) return translate(lang, 'error.unauthorized');
  if (status === 403) return translate(lang, 'error.forbidden');
  if (status === 429) return translate(lang, 'error.rateLimited');
  if (status >= 400 && status < 500) {
    return translate(lang, 'error.badRequest', { detail: error.problem?.detail ?? error.problem?.title ?? String(status) });
  }
  return translate(lang, 'error.server', { status });
}

/** How one attribute is checked: its name as written in HTML, its schema, and what it allows. */
export interface AttributeRule<TOutput> {
  readonly name: string;
  readonly schema: v.GenericSchema<unknown, TOutput>;
  /** What the message says is allowed: a list, or a phrase such as `1–1000`. */
  readonly allowed: string;
}

/** An attribute that takes one of `options`. */
export function oneOf<const T extends readonly string[]>(name: string, options: T): AttributeRule<T[number]> {
  return { name, schema: v.picklist(options), allowed: options.join(', ') };
}

/** The element's attributes read through their rules: typed values, or one message per bad one. */
export type CheckedAttributes<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly messages: readonly string[] };

/**
 * Checks `values` against `rules`, key by key. Never throws: each bad attribute becomes a
 * message in `lang`, so the element can show them all at once and report them to the host.
 */
export function checkAttributes<R extends Record<string, AttributeRule<unknown>>>(
  lang: Lang,
  rules: R,
  values: { readonly [K in keyof R]: unknown },
): CheckedAttributes<{ readonly [K in keyof R]: R[K] extends AttributeRule<infer O> ? O : never }> {
  const messages: string[] = [];
  const value: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const result = v.safeParse(rule.schema, values[key]);
    if (result.success) value[key] = result.output;
    else messages.push(describeBadAttribute(lang, rule.name, values[key], rule.allowed));
  }
  if (messages.length > 0) return { ok: false, messages };
  return { ok: true, value: value as { readonly [K in keyof R]: R[K] extends AttributeRule<infer O> ? O : never } };
}
