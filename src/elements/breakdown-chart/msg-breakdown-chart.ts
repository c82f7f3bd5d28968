/** Defines `<msg-breakdown-chart>`. Import the class alone from `./breakdown-chart.js`. */
import { defineElement } from '../shared/define.js';
import { MsgBreakdownChart } from './breakdown-chart.js';

defineElement('msg-breakdown-chart', MsgBreakdownChart);

export { MsgBreakdownChart };
