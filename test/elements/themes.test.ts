/**
 * Colour by key, the light and dark themes, patterns and reduced motion, on drawn charts.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { getInstanceByDom, type ECharts } from 'echarts/core';
import '../../src/index.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import { NOW, ZONE, chartsRendered, settled, shadow, startMocks, stub } from './helpers.js';

interface DrawnOption {
  animation?: boolean;
  textStyle?: { color?: string } | { color?: string }[];
  yAxis?: { data?: string[] }[];
  series: { data: { name?: string; value: number; itemStyle?: { color?: string; decal?: unknown } }[] }[];
  aria?: { decal?: { show?: boolean } } | { decal?: { show?: boolean } }[];
}

function chartOf(element: Element, name: 'bar' | 'pie' | 'line'): ECharts {
  const box = shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
  const chart = box && getInstanceByDom(box);
  if (!chart) throw new Error(`no ${name} chart drawn`);
  return chart;
}

const optionOf = (chart: ECharts) => chart.getOption() as unknown as DrawnOption;

/** Label → colour of every bar, in the bars' order. */
function barColours(element: Element): [string, string][] {
  const option = optionOf(chartOf(element, 'bar'));
  const labels = option.yAxis?.[0]?.data ?? [];
  return option.series[0]!.data.map((item, i) => [labels[i] ?? '', item.itemStyle?.color ?? '']);
}

/** Label → colour of every slice. */
function sliceColours(element: Element): Map<string, string> {
  return new Map(optionOf(chartOf(element, 'pie')).series[0]!.data.map((item) => [item.name ?? '', item.itemStyle?.color ?? '']));
}

const textColour = (chart: ECharts) => [optionOf(chart).textStyle].flat()[0]?.color;

/** Waits for the next frame after every update: what a person would see next. */
async function painted(...elements: { updateComplete: Promise<unknown> }[]): Promise<void> {
  await Promise.all(elements.map((element) => element.updateComplete));
  await nextFrame();
}

describe('colour by key and themes', () => {
  before(async function () {
    // Loading ECharts and starting the mocks' worker takes longer on a busy machine.
    this.timeout(60_000);
    await startMocks();
    const style = document.createElement('style');
    style.textContent = '.themes-test { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  async function twoCharts(preset = 'last_7_days') {
    const report = await fixture<MsgReport>(
      html`<msg-report class="themes-test" endpoint="/api" timezone=${ZONE} now=${NOW} preset=${preset} theme="light">
        <msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>
        <msg-breakdown-chart direction="outgoing" group-by="channel"></msg-breakdown-chart>
      </msg-report>`,
    );
    const [incoming, outgoing] = [...report.querySelectorAll('msg-breakdown-chart')] as [MsgBreakdownChart, MsgBreakdownChart];
    await Promise.all([chartsRendered(incoming, 2), chartsRendered(outgoing, 2)]);
    return { report, incoming, outgoing };
  }

  it('gives a channel one colour in every chart, and keeps it when a filter reorders the groups', async () => {
    const { report, incoming, outgoing } = await twoCharts();
    const inBars = new Map(barColours(incoming));
    const outBars = barColours(outgoing);
    const shared = outBars.filter(([label]) => inBars.has(label));
    expect(shared.length, 'channels in both charts').to.be.greaterThan(3);
    for (const [label, colour] of shared) expect(inBars.get(label), label).to.equal(colour);
    // The pie agrees with the bar (its small groups fold into a grey "Otros").
    const slices = sliceColours(incoming);
    for (const [label, colour] of slices) {
      if (label === 'Otros') expect(colour).to.equal('#9ca3af');
      else expect(inBars.get(label), label).to.equal(colour);
    }
    // No colour repeats among the groups of a chart.
    expect(new Set(inBars.values()).size).to.equal(inBars.size);

    // Another range ranks the channels differently: every channel keeps its colour.
    const before = [...inBars.keys()];
    report.preset = 'last_month';
    await settled(incoming);
    await incoming.ready;
    const after = barColours(incoming);
    expect(
      after.map(([label]) => label),
      'the ranking changed',
    ).to.not.deep.equal(before.filter((label) => after.some(([other]) => other === label)));
    for (const [label, colour] of after) if (inBars.has(label)) expect(inBars.get(label), label).to.equal(colour);
  });

  it('puts channel kinds in their families: WhatsApp greens, Facebook blues, Instagram pinks', async () => {
    const { incoming } = await twoCharts();
    const bars = new Map(barColours(incoming));
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const [label, colour] of bars) {
      if (/whatsapp/i.test(label)) expect(hue(colour), label).to.be.within(100, 160);
      if (/facebook/i.test(label)) expect(hue(colour), label).to.be.within(200, 240);
      if (/instagram/i.test(label)) expect(hue(colour), label).to.be.within(300, 350);
    }
  });

  it('switches theme in place: the same ECharts instance redraws in the dark theme', async () => {
    const { report, incoming } = await twoCharts();
    const bar = chartOf(incoming, 'bar');
    expect(textColour(bar)).to.equal('#1f2937');
    report.theme = 'dark';
    await painted(report, incoming);
    expect(chartOf(incoming, 'bar'), 'the same instance').to.equal(bar);
    expect(textColour(bar)).to.equal('#e5e7eb');
    expect(getComputedStyle(incoming).colorScheme).to.equal('dark');
    // The channel colours follow, lighter on the dark surface.
    report.theme = 'light';
    await painted(report, incoming);
    const lightBars = new Map(barColours(incoming));
    report.theme = 'dark';
    await painted(report, incoming);
    for (const [label, colour] of barColours(incoming)) expect(colour, label).to.not.equal(lightBars.get(label));

    // A host's own custom property, changed at run time, is applied by refreshTheme().
    report.style.setProperty('--msg-text-color', 'rgb(250, 204, 21)');
    report.refreshTheme();
    await painted(incoming);
    expect(chartOf(incoming, 'bar')).to.equal(bar);
    expect(textColour(bar)).to.equal('rgb(250, 204, 21)');
  });

  it('follows prefers-color-scheme when no theme is set', async () => {
    const element = await fixture<MsgBreakdownChart>(
      html`<msg-breakdown-chart
        class="themes-test"
        endpoint="/api"
        timezone=${ZONE}
        now=${NOW}
        direction="incoming"
      ></msg-breakdown-chart>`,
    );
    await chartsRendered(element, 2);
    const pie = chartOf(element, 'pie');
    expect(textColour(pie)).to.equal('#1f2937');
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => textColour(pie) === '#e5e7eb', 'the chart redraws dark');
    expect(chartOf(element, 'pie'), 'the same instance').to.equal(pie);
    expect(getComputedStyle(element).backgroundColor, 'a dark surface behind it').to.equal('rgb(17, 24, 39)');
    // theme="light" wins over the media query.
    element.theme = 'light';
    await painted(element);
    expect(textColour(pie)).to.equal('#1f2937');
  });

  it('draws patterns on request and under prefers-contrast: more', async () => {
    const { report, incoming } = await twoCharts();
    const decals = () => optionOf(chartOf(incoming, 'bar')).series[0]!.data.map((item) => item.itemStyle?.decal);
    expect(decals().every((decal) => decal === undefined)).to.equal(true);
    report.patterns = true;
    await painted(report, incoming);
    expect(decals().every((decal) => decal !== undefined)).to.equal(true);
    expect([optionOf(chartOf(incoming, 'bar')).aria].flat()[0]?.decal?.show).to.equal(true);

    report.patterns = false;
    await painted(report, incoming);
    const matchMedia = window.matchMedia.bind(window);
    // No command emulates prefers-contrast here: the query answers "more" for this check.
    const restore = stub(window, 'matchMedia', (query: string) => {
      const list = matchMedia(query);
      return query === '(prefers-contrast: more)' ? (Object.create(list, { matches: { value: true } }) as MediaQueryList) : list;
    });
    try {
      incoming.refreshTheme();
      await painted(incoming);
      expect(decals().every((decal) => decal !== undefined)).to.equal(true);
    } finally {
      restore();
    }
  });

  it('turns animation off under prefers-reduced-motion: reduce', async () => {
    const element = await fixture<MsgBreakdownChart>(
      html`<msg-breakdown-chart endpoint="/api" timezone=${ZONE} now=${NOW} direction="incoming" theme="light"></msg-breakdown-chart>`,
    );
    await chartsRendered(element, 2);
    expect(optionOf(chartOf(element, 'bar')).animation).to.equal(true);
    await emulateMedia({ reducedMotion: 'reduce' });
    await waitUntil(() => optionOf(chartOf(element, 'bar')).animation === false, 'no animation');
  });
});
