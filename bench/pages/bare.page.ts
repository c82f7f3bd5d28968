/**
 * The baseline for the whole report: a page that fetches the same answers from the same server
 * (the URLs the report requested, passed in `?urls=`) and draws the same five charts — two bars,
 * two pies and a four-line chart over time — with bare ECharts (the same modules the elements
 * register, canvas renderer, animation off), as soon as its module runs. Reports the time from its
 * start to every chart's `finished`.
 */
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

interface Breakdown {
  groups: { label: string; count: number }[];
}
interface Delivery {
  series: { start: string; sent: number; delivered: number; read: number; failed: number }[];
}

const urls = JSON.parse(new URLSearchParams(location.search).get('urls') ?? '[]') as string[];
const stage = document.querySelector('#stage')!;
let formatter: Intl.NumberFormat | undefined;
/** Counts as the report writes them; the formatter is made on first use, as a page would. */
const count = { format: (value: number) => (formatter ??= new Intl.NumberFormat('es')).format(value) };

function draw(option: EChartsCoreOption, wide = false): Promise<void> {
  const box = document.createElement('div');
  box.className = wide ? 'box wide' : 'box';
  stage.append(box);
  const chart = init(box, undefined, { renderer: 'canvas' });
  const finished = new Promise<void>((resolve) => chart.on('finished', () => resolve()));
  chart.setOption(option);
  return finished;
}

function breakdownCharts(answer: Breakdown): Promise<void>[] {
  const labels = answer.groups.map((group) => group.label);
  const values = answer.groups.map((group) => group.count);
  return [
    draw({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8 },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => count.format(value) } },
      yAxis: { type: 'category', inverse: true, data: labels },
      series: [{ type: 'bar', colorBy: 'data', data: values, label: { show: true, position: 'right' } }],
    }),
    draw({
      animation: false,
      tooltip: { trigger: 'item', renderMode: 'richText' },
      series: [{ type: 'pie', radius: ['34%', '60%'], data: answer.groups.map((group) => ({ name: group.label, value: group.count })) }],
    }),
  ];
}

function lineChart(answer: Delivery): Promise<void> {
  const statuses = ['sent', 'delivered', 'read', 'failed'] as const;
  return draw(
    {
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => count.format(value) } },
      series: statuses.map((status) => ({
        type: 'line',
        name: status,
        data: answer.series.map((bucket) => [Date.parse(bucket.start), bucket[status]]),
      })),
    },
    true,
  );
}

async function main() {
  const start = performance.now();
  const answers = urls.map((url) => fetch(url).then((response) => response.json() as Promise<unknown>));
  const drawn: Promise<void>[] = [];
  urls.forEach((url, i) => {
    const path = new URL(url, location.href).pathname;
    if (path.endsWith('/breakdown'))
      drawn.push(answers[i]!.then((answer) => Promise.all(breakdownCharts(answer as Breakdown))).then(() => {}));
    if (path.endsWith('/delivery')) drawn.push(answers[i]!.then((answer) => lineChart(answer as Delivery)));
  });
  await Promise.all(drawn);
  const charted = performance.now();
  await Promise.all(answers);
  return { attachMs: start, chartsMs: charted - start, chartsFromNavigationMs: charted, requestsOnLoad: urls.length };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = main();
