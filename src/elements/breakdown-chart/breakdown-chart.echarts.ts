/** ECharts for `<msg-breakdown-chart>`: bars and pies. Loaded on first use (see ../chart/echarts.ts). */
import { BarChart, PieChart } from 'echarts/charts';
import { chartKit } from '../chart/echarts.js';

export const { createChart } = chartKit([BarChart, PieChart]);
