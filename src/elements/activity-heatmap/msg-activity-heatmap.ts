/** Defines `<msg-activity-heatmap>`. Import the class alone from `./activity-heatmap.js`. */
import { defineElement } from '../shared/define.js';
import { MsgActivityHeatmap } from './activity-heatmap.js';

defineElement('msg-activity-heatmap', MsgActivityHeatmap);

export { MsgActivityHeatmap };
