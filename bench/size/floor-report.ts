/**
 * Floor of the whole report: Lit and exactly the ECharts modules the elements' kits register
 * (breakdown-chart.echarts.ts, delivery-line.echarts.ts, chart/echarts.ts), drawing a chart.
 * bench/size.ts checks that this build holds the same ECharts modules as the report's.
 */
import { init, use } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { FloorElement } from './floor.js';

use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);
customElements.define('size-floor', FloorElement);
const element = document.createElement('size-floor');
document.body.append(element);
init(element).setOption({ series: [{ type: 'bar', data: [1] }] });
