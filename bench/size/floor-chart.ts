/**
 * Floor of one breakdown chart: Lit and the ECharts modules its kit registers
 * (breakdown-chart.echarts.ts with chart/echarts.ts), drawing a chart.
 */
import { init, use } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { FloorElement } from './floor.js';

use([BarChart, PieChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);
customElements.define('size-floor', FloorElement);
const element = document.createElement('size-floor');
document.body.append(element);
init(element).setOption({ series: [{ type: 'pie', data: [1] }] });
