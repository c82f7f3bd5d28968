/** Defines `<msg-delivery-line>`. Import the class alone from `./delivery-line.js`. */
import { defineElement } from '../shared/define.js';
import { MsgDeliveryLine } from './delivery-line.js';

defineElement('msg-delivery-line', MsgDeliveryLine);

export { MsgDeliveryLine };
