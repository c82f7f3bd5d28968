/**
 * Defines `<msg-messages-report>` and every element it composes. Import the class alone from
 * `./messages-report.js`.
 */
import '../report/msg-report.js';
import '../filters/msg-report-filters.js';
import '../breakdown-chart/msg-breakdown-chart.js';
import '../delivery-line/msg-delivery-line.js';
import '../table/msg-table.js';
import { defineElement } from '../shared/define.js';
import { MsgMessagesReport } from './messages-report.js';

defineElement('msg-messages-report', MsgMessagesReport);

export { MsgMessagesReport };
