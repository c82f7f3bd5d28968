import { createContext } from '@lit/context';
import type { ReportDataSource } from '../../core/client/data-source.js';
import type { ReportState } from '../../core/query/report-state.js';

/**
 * What `<msg-report>` gives every element of its report: the immutable state and the one data
 * source they all query. Replaced whole on every change, so consumers are notified.
 */
export interface ReportContextValue {
  readonly state: ReportState;
  /** `undefined` while the input has errors that leave no endpoint to query. */
  readonly dataSource: ReportDataSource | undefined;
}

// Symbol.for so that two copies of the package on one page still find each other's reports.
export const reportContext = createContext<ReportContextValue>(Symbol.for('msg-report/report-context'));
