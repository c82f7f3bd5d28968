/**
 * The broadcasts on the delivery line (issue 12, "why a spike"): asked beside the line when in
 * scope, one dashed mark per bucket at the send time, names and sizes in the tooltip, the arrow
 * keys' announcement and the table — endpoint text only ever as text — and none when a filter
 * leaves broadcasts out, the host switches them off, or the backend has no such resource.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getInstanceByDom } from 'echarts/core';
import '../../src/index.js';
import { ReportClient } from '../../src/core/client/client.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type { Broadcast, BroadcastsResponse, DeliveryResponse, Filters } from '../../src/core/contract/types.js';
import type { MsgDeliveryLine } from '../../src/elements/delivery-line/delivery-line.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import { NOW, ZONE, chartsRendered, countingSource, settled, shadow, startMocks } from './helpers.js';

const LAST_30_DAYS = { from: '2026-10-28T06:00:00.000Z', to: '2026-11-27T06:00:00.000Z', tz: ZONE };

interface MarkLine {
  markLine?: { data: { xAxis: number; label: { show: boolean; formatter: string } }[]; lineStyle: { type: string } };
  id: string;
  z?: number;
}

async function line(source: ReportDataSource, filters: Filters = {}, noBroadcasts = false) {
  const report = await fixture<MsgReport>(
    html`<msg-report
      class="marks-test"
      timezone=${ZONE}
      now=${NOW}
      preset="last_30_days"
      lang="es"
      .dataSource=${source}
      .filters=${filters}
      ><msg-delivery-line ?no-broadcasts=${noBroadcasts}></msg-delivery-line
    ></msg-report>`,
  );
  const element = report.querySelector<MsgDeliveryLine>('msg-delivery-line')!;
  await settled(element);
  await chartsRendered(element, 1);
  const box = shadow(element).querySelector<HTMLElement>('[part~="chart"]')!;
  const option = getInstanceByDom(box)!.getOption() as {
    series: MarkLine[];
    tooltip: { formatter: (params: { dataIndex: number }[]) => string }[];
  };
  return { element, box, option, marks: option.series.find((s) => s.id === 'broadcasts') };
}

const note = (element: Element) => shadow(element).querySelector('[part~="broadcasts-note"]')?.textContent.trim();
const announced = (element: Element) => shadow(element).querySelector('[role="status"].announcer')?.textContent.trim() ?? '';

/** The mocked endpoint's answers, with the broadcasts replaced by `broadcasts` (or without the resource). */
function sourceWith(broadcasts: Broadcast[] | 'none'): ReportDataSource {
  const client = new ReportClient({ endpoint: '/api', baseUrl: location.href, cacheTtlMs: 0 });
  const source: ReportDataSource = {
    breakdown: (p, o) => client.breakdown(p, o),
    delivery: (p, o) => client.delivery(p, o),
    messages: (p, o) => client.messages(p, o),
    options: (p, o) => client.options(p, o),
  };
  if (broadcasts !== 'none')
    source.broadcasts = (): Promise<BroadcastsResponse> => Promise.resolve({ total: broadcasts.length, broadcasts, notApplicable: [] });
  return source;
}

describe('<msg-delivery-line> broadcast marks', () => {
  before(async function () {
    this.timeout(60_000);
    await startMocks();
    const style = document.createElement('style');
    style.textContent = '.marks-test { --msg-animation-duration: 0ms; }';
    document.head.append(style);
  });

  it('asks /broadcasts beside /delivery and marks each one at its send time, named in the tooltip, the keys and the table', async () => {
    const counting = countingSource();
    const { element, box, option, marks } = await line(counting.source);
    expect(counting.calls.delivery).to.equal(1);
    expect(counting.calls.broadcasts, 'one request for the marks').to.equal(1);
    const asked = counting.log.find((call) => call.resource === 'broadcasts')!.params as { from: string; to: string };
    expect([asked.from, asked.to]).to.deep.equal([LAST_30_DAYS.from, LAST_30_DAYS.to]);

    const answer = await counting.source.broadcasts!({ ...LAST_30_DAYS, filters: {}, limit: 200 });
    expect(answer.broadcasts.length, 'the mocks hold broadcasts in the last 30 days').to.be.greaterThan(0);
    expect(marks, 'a series of marks').to.not.equal(undefined);
    // One mark per bucket with broadcasts, at the first one's send time, under the lines.
    // Daily buckets of the report's zone: the first send time of each day that has broadcasts.
    const dayOf = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);
    const firstPerDay = new Map<string, number>();
    for (const b of answer.broadcasts) {
      const t = Date.parse(b.sentAt);
      firstPerDay.set(dayOf(t), Math.min(t, firstPerDay.get(dayOf(t)) ?? Infinity));
    }
    expect(marks!.markLine!.data.map((d) => d.xAxis)).to.deep.equal([...firstPerDay.values()]);
    expect(marks!.markLine!.lineStyle.type).to.equal('dashed');
    expect(marks!.z).to.be.lessThan(2);
    expect(note(element)).to.contain(`(${answer.broadcasts.length} en el periodo`);

    // The bucket of the first broadcast: the tooltip and the arrow keys name it with its size.
    const first = answer.broadcasts[0]!;
    const rows = [...shadow(element).querySelectorAll('table tbody tr')];
    const index = rows.findIndex((row) => row.lastElementChild!.textContent.includes(first.name.slice(0, 10)));
    expect(index, 'the table names the broadcast in its bucket').to.be.greaterThan(-1);
    const tooltip = option.tooltip[0]!.formatter([{ dataIndex: index }]);
    expect(tooltip).to.contain('Transmisiones (mensajes):');
    expect(tooltip).to.contain(`(${new Intl.NumberFormat('es').format(first.count)})`);
    box.focus();
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowRight' });
    expect(announced(element)).to.contain('transmisiones: ');
    expect(announced(element)).to.contain(first.name.slice(0, 10));
    await expect(element).to.be.accessible();
  });

  it('asks nothing and marks nothing when a filter leaves broadcasts out, or the host switches them off', async () => {
    for (const [filters, off] of [
      [{ source: ['user', 'bot'] }, false],
      [{ user: ['u_1'] }, false],
      [{}, true],
    ] as const) {
      const counting = countingSource();
      const { element, marks } = await line(counting.source, filters, off);
      expect(counting.calls.delivery).to.equal(1);
      expect(counting.calls.broadcasts, JSON.stringify(filters)).to.equal(0);
      expect(marks).to.equal(undefined);
      expect(note(element)).to.equal(undefined);
    }
  });

  it('clusters many broadcasts of one day into one numbered mark, and shows hostile names as text only', async () => {
    const day = Date.parse('2026-11-18T15:00:00.000Z');
    const hostile = [
      '<img src=x onerror=alert(1)>Cobranza',
      '{a|x} =HYPERLINK("https://evil.example")',
      'حملة رمضان 🌙',
      `Campaña ${'muy larga '.repeat(200)}`,
    ];
    const broadcasts: Broadcast[] = Array.from({ length: 20 }, (_, i) => ({
      id: `b_${i}`,
      name: hostile[i % hostile.length]!,
      sentAt: new Date(day + i * 60_000).toISOString(),
      count: 1000 - i,
    }));
    const { element, option, marks } = await line(sourceWith(broadcasts));
    expect(marks!.markLine!.data).to.have.length(1);
    expect(marks!.markLine!.data[0]!.xAxis).to.equal(day);
    expect(marks!.markLine!.data[0]!.label).to.deep.include({ show: true, formatter: '20' });
    expect(shadow(element).querySelector('img')).to.equal(null);
    const row = [...shadow(element).querySelectorAll('table tbody tr')].find((tr) =>
      tr.lastElementChild!.textContent.includes('Cobranza'),
    )!;
    const cell = row.lastElementChild!;
    expect(cell.children, 'names are text, not markup').to.have.length(0);
    expect(cell.textContent).to.contain('<img src=x onerror=alert(1)>Cobranza');
    expect(cell.textContent).to.contain('y 17 más');
    const index = [...shadow(element).querySelectorAll('table tbody tr')].indexOf(row);
    const tooltip = option.tooltip[0]!.formatter([{ dataIndex: index }]);
    // Rich text is escaped (`{` opens no style), and a long name is cut to fit.
    expect(tooltip).to.not.contain('{a|x}');
    expect(tooltip.split('\n').every((text) => text.length < 90)).to.equal(true);
  });

  it('draws the line without marks for a backend that has no /broadcasts', async () => {
    const { element, marks } = await line(sourceWith('none'));
    expect(marks).to.equal(undefined);
    expect(shadow(element).querySelector('[part~="metrics"]')).to.not.equal(null);
    const delivery = (element as unknown as { shownAnswer?: { data: DeliveryResponse } }).shownAnswer;
    expect(delivery, 'the line answered').to.not.equal(undefined);
  });
});
