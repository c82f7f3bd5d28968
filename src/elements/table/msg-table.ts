/** Defines `<msg-table>`. Import the class alone from `./table.js`. */
import { defineElement } from '../shared/define.js';
import { MsgTable } from './table.js';

defineElement('msg-table', MsgTable);

export { MsgTable };
