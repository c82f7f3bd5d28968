import { createContext } from '@lit/context';
import type { ReportStore } from '../../core/store/report-store.js';

/**
 * What `<msg-report>` gives every element inside it: its store. The store itself never changes;
 * elements subscribe to it for the state.
 */
// Symbol.for so that two copies of the package on one page still find each other's reports.
export const reportContext = createContext<ReportStore>(Symbol.for('msg-report/report-store'));
