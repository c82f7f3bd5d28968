/** Defines `<msg-report-filters>`. Import the class alone from `./report-filters.js`. */
import { defineElement } from '../shared/define.js';
import { MsgReportFilters } from './report-filters.js';

defineElement('msg-report-filters', MsgReportFilters);

export { MsgReportFilters };
