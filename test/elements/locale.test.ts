/**
 * `lang` as a BCP 47 tag: numbers, dates, axes and table times follow the whole tag (`es-MX`
 * groups 9,768 where `es` writes 9768); strings follow its language, Spanish when it has none; a
 * malformed tag is refused in words and by event; the custom range writes its days in the report's
 * locale; no English leaks into a Spanish report; known provider error codes are explained.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import '../../src/index.js';
import { chartsEn } from '../../src/i18n/messages.charts.en.js';
import { chartsEs } from '../../src/i18n/messages.charts.es.js';
import { chartsPt } from '../../src/i18n/messages.charts.pt.js';
import { en as baseEn } from '../../src/i18n/messages.en.js';
import { es as baseEs } from '../../src/i18n/messages.es.js';
import { pt as basePt } from '../../src/i18n/messages.pt.js';
import { describeProviderError, providerErrors } from '../../src/i18n/provider-errors.js';
import type { MsgErrorEvent } from '../../src/elements/shared/events.js';
import type { MsgBreakdownChart } from '../../src/elements/breakdown-chart/breakdown-chart.js';
import type { MsgDeliveryLine } from '../../src/elements/delivery-line/delivery-line.js';
import type { MsgReportFilters } from '../../src/elements/filters/report-filters.js';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import { NOW, ZONE, chartsRendered, metrics, nextEvent, settled, shadow, startMocks } from './helpers.js';

// Each language's strings, both parts (the base and the charts').
const en = { ...baseEn, ...chartsEn };
const es = { ...baseEs, ...chartsEs };
const pt = { ...basePt, ...chartsPt };

type AxisFormatter = (value: number) => string;

/** The drawn option's axes and series of the chart in `element`, once it has drawn. */
async function drawnOption(element: MsgBreakdownChart | MsgDeliveryLine) {
  await settled(element);
  const box = shadow(element).querySelector<HTMLElement>('[part~="chart"]')!;
  if (!getInstanceByDom(box)) await chartsRendered(element, 1);
  return getInstanceByDom(box)!.getOption() as {
    xAxis: { axisLabel: { formatter: AxisFormatter } }[];
    yAxis: { axisLabel: { formatter: AxisFormatter } }[];
    series: { label: { formatter: (params: { value: number }) => string } }[];
  };
}

/** Every text a person sees or hears under `root`, shadow roots included: text nodes and labelling attributes. */
function visibleTexts(root: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = (child.textContent ?? '').trim();
        if (text) found.push(text);
      }
      if (child instanceof Element) {
        if (child.closest('style, script')) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = child.getAttribute(name)?.trim();
          if (value) found.push(value);
        }
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

/** Names and words written the same in English and in Spanish or Portuguese. */
const SAME_IN_BOTH = new Set([
  'Bot',
  'API',
  'Zapier',
  'Total',
  'Error',
  '{from} – {to}',
  '{field} ({count})',
  '{field}: {value}',
  '{bucket}: {values}',
  '{percent} · {count}',
  '{label}: {figures}',
]);

// 20 Nov 2026, 00:00 in Mexico City, the start of a day bucket.
const NOV_20 = Date.parse('2026-11-20T06:00:00Z');

const CASES = [
  { lang: 'es-MX', small: '9,768', large: '10,650', day: '20 nov', time: /^\d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d [ap]\.\s?m\.$/u },
  { lang: 'es', small: '9768', large: '10.650', day: '20 nov', time: /^\d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d$/ },
  { lang: 'en-US', small: '9,768', large: '10,650', day: 'Nov 20', time: /^\d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d\s[AP]M$/u },
  { lang: 'pt-BR', small: '9.768', large: '10.650', day: '20 de nov.', time: /^\d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d$/ },
] as const;

describe('lang as a BCP 47 tag', function () {
  this.timeout(30_000);
  before(startMocks);

  for (const { lang, small, large, day, time } of CASES) {
    it(`formats figures, axis labels, dates and table times by the whole tag: ${lang}`, async () => {
      const report = await fixture<MsgReport>(
        html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang=${lang}>
          <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics bar"></msg-breakdown-chart>
          <msg-delivery-line interval="day"></msg-delivery-line>
          <msg-table kind="incoming"></msg-table>
        </msg-report>`,
      );
      const chart = report.querySelector<MsgBreakdownChart>('msg-breakdown-chart')!;
      const line = report.querySelector<MsgDeliveryLine>('msg-delivery-line')!;
      const table = report.querySelector<MsgTable>('msg-table')!;
      await report.ready;

      // The bars' value labels, the line's value axis and its time axis.
      const barLabel = (await drawnOption(chart)).series[0]!.label.formatter;
      expect([barLabel({ value: 9768 }), barLabel({ value: 10650 })], 'bar labels').to.deep.equal([small, large]);
      const delivery = await drawnOption(line);
      expect(
        [delivery.yAxis[0]!.axisLabel.formatter(9768), delivery.yAxis[0]!.axisLabel.formatter(10650)],
        'line value axis',
      ).to.deep.equal([small, large]);
      expect(delivery.xAxis[0]!.axisLabel.formatter(NOV_20), 'time axis').to.equal(day);

      // The metric tiles, as the axis writes them.
      const total = metrics(chart)[0]![2];
      const formatted = new Intl.NumberFormat(lang).format(Number(total.replace(/\D/g, '')));
      expect(total).to.equal(formatted);

      // Table times: the locale's own form, whole, never cut by the column.
      await settled(table);
      const cell = shadow(table).querySelector<HTMLElement>('[part~="row"] .time')!;
      expect(cell.textContent).to.match(time);
      expect(cell.scrollWidth, `“${cell.textContent}” fits its column`).to.be.at.most(cell.clientWidth);
    });
  }

  it('shows Spanish strings with the region’s formats for a language without strings, and warns', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const report = document.createElement('msg-report');
    Object.assign(report, { endpoint: '/api', timezone: ZONE, now: NOW, lang: 'fr-FR' });
    const chart = Object.assign(document.createElement('msg-breakdown-chart'), {
      direction: 'incoming',
      groupBy: 'channel',
      show: 'metrics bar',
    });
    report.append(chart);
    const warned = nextEvent<MsgErrorEvent>(report, 'msg-error');
    host.append(report);
    const warning = (await warned).detail;
    expect(warning).to.include({ source: 'input', code: 'unknownLang', severity: 'warning' });
    expect(warning.message).to.equal('no hay textos en «fr-FR»: se muestran en español, y los números y las fechas siguen fr-FR.');
    await report.ready;
    expect(shadow(chart).querySelector('h3')!.textContent.trim()).to.equal('Mensajes entrantes por canal');
    const barLabel = (await drawnOption(chart)).series[0]!.label.formatter;
    expect(barLabel({ value: 10650 }), 'French grouping').to.equal('10\u202f650');
  });

  it('refuses a malformed tag with a message in the element and a typed event', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const chart = document.createElement('msg-breakdown-chart');
    Object.assign(chart, { endpoint: '/api', timezone: ZONE, now: NOW, lang: 'es_MX', direction: 'incoming', groupBy: 'channel' });
    const refused = nextEvent<MsgErrorEvent>(chart, 'msg-error');
    host.append(chart);
    const detail = (await refused).detail;
    expect(detail).to.include({ source: 'input', code: 'badLang', severity: 'error' });
    await chart.updateComplete;
    const shown = shadow(chart).querySelector('[part~="invalid"]')!.textContent.replace(/\s+/g, ' ').trim();
    expect(shown).to.equal(
      'El reporte no puede mostrarse: el atributo lang debe ser una etiqueta de idioma BCP 47 como es-MX o en-US, no «es_MX».',
    );
  });

  it('writes the custom range’s days in the report’s locale beside the browser-drawn inputs', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="en-US" from="2026-11-02" to="2026-11-20">
        <msg-report-filters></msg-report-filters>
      </msg-report>`,
    );
    const filters = report.querySelector<MsgReportFilters>('msg-report-filters')!;
    await report.ready;
    const $ = (selector: string) => shadow(filters).querySelector<HTMLElement>(selector)!;
    expect([$('#from-day').textContent.trim(), $('#to-day').textContent.trim()]).to.deep.equal(['Nov 2, 2026', 'Nov 20, 2026']);
    expect($('#from').getAttribute('aria-describedby')).to.equal('from-day range-error');
    report.lang = 'es-MX';
    await report.updateComplete;
    await filters.updateComplete;
    expect([$('#from-day').textContent.trim(), $('#to-day').textContent.trim()]).to.deep.equal(['2 nov 2026', '20 nov 2026']);
    // A day typed and not applied yet shows at once; a partial one shows nothing.
    const from = $('#from') as HTMLInputElement;
    from.value = '2026-11-05';
    from.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await filters.updateComplete;
    expect($('#from-day').textContent.trim()).to.equal('5 nov 2026');
    from.value = '';
    from.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await filters.updateComplete;
    expect($('#from-day').textContent.trim()).to.equal('');
  });

  it('has every message in every language, and no Spanish or Portuguese string left in English', () => {
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
    expect(Object.keys(pt).sort()).to.deep.equal(Object.keys(en).sort());
    for (const [name, catalog] of [
      ['es', es],
      ['pt', pt],
    ] as const) {
      const untranslated = Object.entries(en)
        .filter(([key, english]) => catalog[key as keyof typeof en] === english && !SAME_IN_BOTH.has(english))
        .map(([key]) => key);
      expect(untranslated, `${name} strings equal to English`).to.deep.equal([]);
    }
  });

  it('shows no English string in a Spanish report', async () => {
    const report = await fixture<MsgMessagesReport>(
      html`<msg-messages-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="es-MX"></msg-messages-report>`,
    );
    await report.ready;
    // The value search's placeholder too: open the first filter's picker.
    const filters = shadow(report).querySelector<MsgReportFilters>('msg-report-filters')!;
    shadow(filters).querySelector<HTMLElement>('#add-button')!.click();
    await filters.updateComplete;
    shadow(filters).querySelector<HTMLElement>('[role="menuitem"]')!.click();
    await filters.updateComplete;
    expect(shadow(filters).querySelector('#search')!.getAttribute('placeholder')).to.equal('Escriba para buscar…');

    const spanish = new Set(Object.values(es));
    const englishOnly: string[] = Object.values(en).filter((text) => !spanish.has(text));
    // A template's words before its first placeholder ("Search {field}" → "Search "), when they say something.
    const starts = englishOnly
      .filter((text) => text.includes('{'))
      .map((text) => text.split('{')[0]!)
      .filter((start) => start.trim().length >= 6);
    const shown = visibleTexts(report.parentNode!);
    const leaks = shown.filter((text) => englishOnly.includes(text) || starts.some((start) => text.startsWith(start)));
    expect(leaks).to.deep.equal([]);
    expect(shown, 'the check reads the report').to.include('Mensajes entrantes');
  });

  it('explains known provider error codes beside the raw code and text', async () => {
    await Promise.all([providerErrors('es'), providerErrors('en'), providerErrors('pt')]);
    expect(describeProviderError('es-MX', 'whatsapp', '131047')).to.equal(
      'Pasaron más de 24 h desde la última respuesta: solo puede enviarse una plantilla.',
    );
    expect(describeProviderError('en-GB', 'sms', '21610')).to.equal('The recipient unsubscribed by replying STOP.');
    expect(describeProviderError('pt-BR', 'sms', '30003')).to.equal('O telefone está desligado ou sem cobertura.');
    // Instagram messaging shares Messenger's codes; e-mail falls back to the bounce class.
    expect(describeProviderError('es', 'instagram', '551')).to.be.a('string');
    expect(describeProviderError('es', 'instagram', '551')).to.equal(describeProviderError('es', 'facebook', '551'));
    expect(describeProviderError('en', 'email', '5.1.1')).to.equal("The address doesn't exist.");
    expect(describeProviderError('en', 'email', '4.2.2')).to.equal('Soft bounce: it may be accepted later.');
    expect(describeProviderError('en', 'email', '571')).to.equal('Hard bounce: sending again will fail too.');
    // A code is only explained for the provider it belongs to.
    expect(describeProviderError('es', 'line', '131026')).to.equal(undefined);
    expect(describeProviderError('es', 'whatsapp', '999999')).to.equal(undefined);

    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="pt-BR" preset="last_month">
        <msg-table kind="failed"></msg-table>
      </msg-report>`,
    );
    const table = report.querySelector<MsgTable>('msg-table')!;
    await report.ready;
    await settled(table);
    const rows = table.rows;
    const explained = rows.findIndex((row) => describeProviderError('pt-BR', row.channel.kind, row.error!.code) !== undefined);
    expect(explained, 'a failure with a known code on the first screen').to.be.within(0, 5);
    const row = rows[explained]!;
    const cell = shadow(table).querySelector(`[data-id="${row.id}"] [aria-colindex="10"]`)!;
    expect(cell.textContent).to.equal(
      `${row.error!.code}: ${row.error!.message} — ${describeProviderError('pt-BR', row.channel.kind, row.error!.code)}`,
    );
  });
});
