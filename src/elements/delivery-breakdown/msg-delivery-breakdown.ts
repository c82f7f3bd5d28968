/** Defines `<msg-delivery-breakdown>`. Import the class alone from `./delivery-breakdown.js`. */
import { defineElement } from '../shared/define.js';
import { MsgDeliveryBreakdown } from './delivery-breakdown.js';

defineElement('msg-delivery-breakdown', MsgDeliveryBreakdown);

export { MsgDeliveryBreakdown };
