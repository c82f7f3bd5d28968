/** Defines `<msg-report>`. Import the class alone from `./report.js`. */
import { defineElement } from '../shared/define.js';
import { MsgReport } from './report.js';

defineElement('msg-report', MsgReport);

export { MsgReport };
