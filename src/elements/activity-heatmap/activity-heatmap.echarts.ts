/**
 * ECharts for `<msg-activity-heatmap>`: the heatmap and its continuous visual map (the colour
 * scale legend), nothing else. Loaded on first use (see ../chart/echarts.ts).
 */
import { HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import { chartKit } from '../chart/echarts.js';

export const { createChart } = chartKit([HeatmapChart, VisualMapContinuousComponent]);
