/**
 * The DOM-free core: the contract's types, the query model and the HTTP client. Nothing here
 * imports Lit or ECharts, so it runs in browsers, workers and Node.
 */
export * from './contract/types.js';
export {
  BreakdownResponseSchema,
  BroadcastsResponseSchema,
  DeliveryResponseSchema,
  DeliveryBreakdownResponseSchema,
  MessagesResponseSchema,
  OptionsResponseSchema,
  ProblemSchema,
} from './contract/schemas.js';
export { ReportClient, parseRetryAfter, type ReportClientOptions, type TokenGetter } from './client/client.js';
export { parseEndpoint } from './client/endpoint.js';
export { ReportError, isAbortError, type ReportErrorKind } from './client/errors.js';
export type { ReportDataSource, RequestOptions } from './client/data-source.js';
export { FILTER_APPLICABILITY, notApplicableFilters, activeFilterFields, type QueryScope } from './query/applicability.js';
export { STATUS_FILTER_STEPS, acceptsStatusFilter, statusSteps, statusTotal } from './query/status-filter.js';
export {
  PRESETS,
  DEFAULT_PRESET,
  isPreset,
  presetDays,
  resolveRange,
  validateRange,
  dayCount,
  type Preset,
  type DateRange,
  type ResolvedRange,
  type RangeProblem,
} from './query/presets.js';
export { comparisonPeriod, compareParams, describePeriod, type ComparisonPeriod, type TimeOfDay } from './query/comparison.js';
export {
  buildReportState,
  serializeState,
  parseFilters,
  runtimeTimeZone,
  MAX_FILTER_VALUES,
  type ReportState,
  type ReportInput,
  type SerializableState,
  type InputProblem,
} from './query/report-state.js';
export {
  startOfDay,
  localDate,
  bucketStart,
  bucketStarts,
  bucketCount,
  isValidTimeZone,
  parsePlainDate,
  formatPlainDate,
  type PlainDate,
} from './query/zoned-time.js';
export * from './csv/index.js';
export { parseStateChange, toggleFilterValue, type StateChange, type RangeChange } from './query/state-change.js';
export { INTERVAL_CHOICES, planIntervals, openStatusWindow, type IntervalChoice, type IntervalPlan } from './query/intervals.js';
export { parseListOrder, type ListOrder } from './query/view-choices.js';
export {
  ReportStore,
  type ReportSettings,
  type ReportSnapshot,
  type ChangeCause,
  type StoreUpdate,
  type StoreListener,
} from './store/report-store.js';
