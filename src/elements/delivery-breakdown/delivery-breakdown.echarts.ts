/**
 * ECharts for `<msg-delivery-breakdown>`: stacked bars and the plain legend. Loaded on first use
 * (see ../chart/echarts.ts).
 */
import { BarChart } from 'echarts/charts';
import { LegendPlainComponent } from 'echarts/components';
import { chartKit } from '../chart/echarts.js';

export const { createChart } = chartKit([BarChart, LegendPlainComponent]);
