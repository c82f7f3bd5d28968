/**
 * ECharts for `<msg-delivery-line>`: lines, the open window's mark area, the broadcasts' mark lines, and the plain legend (no
 * paging) for the four statuses. Loaded on first use (see ../chart/echarts.ts).
 */
import { LineChart } from 'echarts/charts';
import { LegendPlainComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import { chartKit } from '../chart/echarts.js';

export const { createChart } = chartKit([LineChart, LegendPlainComponent, MarkAreaComponent, MarkLineComponent]);
