/** Host page: one chart alone (`msg-report/breakdown-chart`, `endpoint` on itself). */
import '../../src/elements/breakdown-chart/msg-breakdown-chart.js';

document.body.append(document.createElement('msg-breakdown-chart'));
