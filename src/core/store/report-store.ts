/**
 * One report's single source of truth. The host's inputs (attributes and properties) and a
 * person's changes (the filters, a cross-filtering click, the interval switch) both arrive here,
 * each as one new frozen state; elements only read it and listen. The store also owns the client
 * every element of the report queries, so identical requests are shared and cached once.
 *
 * DOM-free: the page's base URL comes in as a setting, so a store runs in Node as well.
 */
import { ReportClient, type TokenGetter } from '../client/client.js';
import type { ReportDataSource } from '../client/data-source.js';
import { buildReportState, serializeState, type ReportInput, type ReportState } from '../query/report-state.js';
import { parseStateChange, type StateChange } from '../query/state-change.js';
import { drillAfterChange } from '../query/drill.js';

/** What a host configures a report with. An `undefined` value means "not set". */
export interface ReportSettings extends Omit<ReportInput, 'requireEndpoint'> {
  getToken?: TokenGetter | undefined;
  /** An object implementing the contract's resources, used instead of `endpoint`. */
  dataSource?: ReportDataSource | undefined;
  credentials?: RequestCredentials | undefined;
  /** Whether a click on a chart's group filters the report by it. */
  crossFilter?: boolean | undefined;
}

/** What every element of a report reads: the validated state, the data source and the options. */
export interface ReportSnapshot extends ReportState {
  /** `undefined` while the input has errors that leave nothing to query. */
  readonly dataSource: ReportDataSource | undefined;
  readonly crossFilter: boolean;
  /**
   * How many times the report was loaded again ({@link ReportStore.refresh}): an element asks
   * again when it changes, quietly, keeping what it shows until the new answer arrives.
   */
  readonly revision: number;
}

/**
 * Who made a change: a person (through the report's controls, or the browser's back button) or
 * the host's code (attributes, properties, `state`). Only a person's changes are announced as
 * `msg-state-change`, as the DOM fires `change` for a person's edits only.
 */
export type ChangeCause = 'user' | 'host';

/** What a listener learns besides the new state. */
export interface StoreUpdate {
  readonly cause: ChangeCause;
  /** Parts of a requested change that were invalid and ignored, in plain English for developers. */
  readonly dropped: readonly string[];
}

export type StoreListener = (state: ReportSnapshot, update: StoreUpdate) => void;

/** Whether `change` picks a range other than the one `state` shows. */
function rangeChanged(state: ReportState, change: StateChange): boolean {
  if (!change.range) return false;
  const current = serializeState(state);
  if ('preset' in change.range) return change.range.preset !== current.preset;
  return change.range.from !== current.from || change.range.to !== current.to;
}

/**
 * `settings` with `change` applied: a preset replaces a custom range; filters are set whole. A
 * change of range or filters that does not set the drill itself also fits the drill shown to it
 * ({@link drillAfterChange}), in the same write, so a person's one action is one state change.
 */
function withChange(settings: ReportSettings, state: ReportState, change: StateChange): ReportSettings {
  const next: ReportSettings = { ...settings };
  if (change.drill === undefined && (change.range || change.filters))
    next.drill = drillAfterChange(state.drill, { rangeChanged: rangeChanged(state, change), filters: change.filters });
  if (change.range) {
    if ('preset' in change.range) Object.assign(next, { preset: change.range.preset, from: undefined, to: undefined });
    else Object.assign(next, { from: change.range.from, to: change.range.to });
  }
  if (change.filters) next.filters = change.filters;
  if (change.timezone) next.timezone = change.timezone;
  if (change.lang) next.lang = change.lang;
  if (change.interval) next.interval = change.interval;
  if (change.outgoingGroupBy) next.outgoingGroupBy = change.outgoingGroupBy;
  if (change.listOrder) next.listOrder = change.listOrder;
  if (change.drill !== undefined) next.drill = change.drill ?? undefined;
  return next;
}

export class ReportStore {
  readonly #clock: () => number;
  readonly #listeners = new Set<StoreListener>();
  #settings: ReportSettings;
  #state: ReportSnapshot;
  #signature: string;
  #client: ReportClient | undefined;
  #clientKey: readonly unknown[] = [];
  #revision = 0;

  constructor(settings: ReportSettings = {}, clock: () => number = Date.now) {
    this.#clock = clock;
    this.#settings = { ...settings };
    this.#state = this.#build(this.#settings);
    this.#signature = this.#signatureOf(this.#state);
  }

  /** The current state: frozen, and replaced whole by every change. */
  get state(): ReportSnapshot {
    return this.#state;
  }

  /** The host's inputs: sets the settings `settings` names (`undefined` unsets one), keeps the rest. */
  configure(settings: ReportSettings): void {
    this.#commit({ ...this.#settings, ...settings }, { cause: 'host', dropped: [] });
  }

  /**
   * Applies a change of range, filters, time zone, language, interval, outgoing grouping or list
   * order — a `StateChange`, or JSON
   * text as a saved state or a URL holds it — as one new state. Invalid parts are dropped and
   * named in the update; the valid ones still apply. Never throws.
   */
  change(input: unknown, cause: ChangeCause = 'user'): void {
    const { change, dropped } = parseStateChange(input);
    this.#commit(withChange(this.#settings, this.#state, change), { cause, dropped });
  }

  /**
   * Loads the report again as it stands, for fresh figures: the client's cached answers are
   * dropped, a preset is resolved again from the current time, and every element asks again
   * ({@link ReportSnapshot.revision}) without showing a loading state. A host's change, not a
   * person's: no `msg-state-change`.
   */
  refresh(): void {
    this.#revision += 1;
    this.#client?.clearCache();
    this.#commit(this.#settings, { cause: 'host', dropped: [] });
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #commit(settings: ReportSettings, update: StoreUpdate): void {
    this.#settings = settings;
    const state = this.#build(settings);
    const signature = this.#signatureOf(state);
    const changed = signature !== this.#signature || state.dataSource !== this.#state.dataSource;
    if (!changed && update.dropped.length === 0) return;
    if (changed) {
      this.#state = state;
      this.#signature = signature;
    }
    for (const listener of [...this.#listeners]) listener(this.#state, update);
  }

  #build(settings: ReportSettings): ReportSnapshot {
    const state = buildReportState({ ...settings, requireEndpoint: !settings.dataSource }, this.#clock);
    const dataSource = state.query ? this.#dataSourceFor(state, settings) : undefined;
    return Object.freeze({ ...state, dataSource, crossFilter: settings.crossFilter === true, revision: this.#revision });
  }

  /** Everything a consumer can see of a state, so an unchanged state is not announced again. */
  #signatureOf(state: ReportSnapshot): string {
    return JSON.stringify([
      serializeState(state),
      state.endpoint,
      state.problems,
      state.query,
      state.comparison,
      state.crossFilter,
      state.revision,
    ]);
  }

  /** The host's data source, or one client per endpoint, token getter, cookie policy and deadline. */
  #dataSourceFor(state: ReportState, settings: ReportSettings): ReportDataSource | undefined {
    if (settings.dataSource) return settings.dataSource;
    const key = [state.endpoint, settings.getToken, settings.credentials, settings.baseUrl, state.deadlineMs];
    if (this.#client && key.every((part, i) => part === this.#clientKey[i])) return this.#client;
    this.#clientKey = key;
    try {
      this.#client = new ReportClient({
        endpoint: state.endpoint ?? '',
        baseUrl: settings.baseUrl,
        getToken: settings.getToken,
        credentials: settings.credentials,
        deadlineMs: state.deadlineMs,
      });
    } catch {
      // buildReportState has already named a bad endpoint; there is simply nothing to query.
      this.#client = undefined;
    }
    return this.#client;
  }
}
