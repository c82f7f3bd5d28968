/**
 * `import 'msg-report'` defines every element and exports their classes, the DOM-free core and
 * the localisation layer. Each element also has its own entry (`msg-report/breakdown-chart`)
 * and a class-only entry that defines nothing (`msg-report/breakdown-chart/class`).
 */
export { MsgReport } from './elements/report/msg-report.js';
export { MsgBreakdownChart } from './elements/breakdown-chart/msg-breakdown-chart.js';
export { MsgDeliveryLine } from './elements/delivery-line/msg-delivery-line.js';
export { MsgActivityHeatmap } from './elements/activity-heatmap/msg-activity-heatmap.js';
export { MsgChartElement } from './elements/chart/chart-element.js';
export { MsgTable } from './elements/table/msg-table.js';
export { MsgReportFilters } from './elements/filters/msg-report-filters.js';
export { MsgMessagesReport } from './elements/messages-report/msg-messages-report.js';
export type * from './elements/shared/events.js';
export { reportContext } from './elements/shared/report-context.js';
export * from './core/index.js';
export {
  LANGS,
  DEFAULT_LANG,
  matchLang,
  canonicalLang,
  translate,
  loadMessages,
  hasMessages,
  type StringsPart,
  type Lang,
  type Language,
  type MessageKey,
} from './i18n/index.js';
