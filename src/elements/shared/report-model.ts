/**
 * Turns a report's attributes and properties into the value it provides: the validated state
 * and the data source. Shared by `<msg-report>` and by every element used alone, which keeps a
 * private model of its own.
 */
import { ReportClient, type TokenGetter } from '../../core/client/client.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { buildReportState, serializeState, type InputProblem, type ReportInput, type ReportState } from '../../core/query/report-state.js';
import { translate } from '../../i18n/translate.js';
import type { Lang } from '../../i18n/locales.js';
import type { ReportContextValue } from './report-context.js';

/** Everything a report is configured with. */
export interface ReportSettings extends Omit<ReportInput, 'requireEndpoint'> {
  getToken?: TokenGetter | undefined;
  dataSource?: ReportDataSource | undefined;
  credentials?: RequestCredentials | undefined;
}

/** The message for a problem in `lang`. */
export function describeProblem(lang: Lang, problem: InputProblem): string {
  return translate(lang, `problem.${problem.code}`, problem.params);
}

/** The message for an attribute whose value is none of those `allowed` (a list, or a phrase). */
export function describeBadAttribute(lang: Lang, name: string, value: string, allowed: readonly string[] | string): string {
  return translate(lang, 'problem.badAttribute', { name, value, allowed: typeof allowed === 'string' ? allowed : allowed.join(', ') });
}

export class ReportModel {
  #value: ReportContextValue | undefined;
  #signature = '';
  #client: ReportClient | undefined;
  #clientKey: unknown[] = [];

  /** The current value; `undefined` before the first `update`. */
  get value(): ReportContextValue | undefined {
    return this.#value;
  }

  /**
   * Recomputes the value from `settings`. Returns the new value when anything a consumer can
   * see changed, and `undefined` when the old value still holds (so nobody re-queries).
   */
  update(settings: ReportSettings): ReportContextValue | undefined {
    const state = buildReportState({ ...settings, baseUrl: document.baseURI, requireEndpoint: !settings.dataSource });
    const dataSource = state.query ? this.#dataSourceFor(state, settings) : undefined;
    const signature = JSON.stringify([serializeState(state), state.endpoint, state.problems, state.query]);
    if (this.#value && signature === this.#signature && dataSource === this.#value.dataSource) return undefined;
    this.#signature = signature;
    this.#value = Object.freeze({ state, dataSource });
    return this.#value;
  }

  #dataSourceFor(state: ReportState, settings: ReportSettings): ReportDataSource | undefined {
    if (settings.dataSource) return settings.dataSource;
    const key = [state.endpoint, settings.getToken, settings.credentials, document.baseURI];
    if (!this.#client || key.some((part, i) => part !== this.#clientKey[i])) {
      this.#clientKey = key;
      try {
        this.#client = new ReportClient({
          endpoint: state.endpoint ?? '',
          baseUrl: document.baseURI,
          ...(settings.getToken ? { getToken: settings.getToken } : {}),
          ...(settings.credentials ? { credentials: settings.credentials } : {}),
        });
      } catch {
        this.#client = undefined;
      }
    }
    return this.#client;
  }
}
