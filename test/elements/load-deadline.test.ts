/**
 * The load deadline: an endpoint that never answers. The report's `timeout` (seconds) bounds the
 * whole load, retries included; a loading element says it is taking longer than usual after a
 * quarter of it, and ends in the error state with Retry. Deadlines here are short; nothing is timed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { loadingHandlers } from '../../mock/handlers.js';
import '../../src/index.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgErrorEvent } from '../../src/elements/shared/events.js';
import { NOW, ZONE, metrics, nextEvent, settled, shadow, startMocks, statePart } from './helpers.js';

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits, frame by frame (at most ~8 s), until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (check()) return;
    await frame();
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('the load deadline', () => {
  before(startMocks);
  afterEach(async () => (await startMocks()).resetHandlers());

  it('ends a load the endpoint never answers in the error state with a working Retry (the load deadline)', async () => {
    const worker = await startMocks();
    // Never answers: without the deadline the chart would load for 4 × 20 s, far past this test's timeout.
    worker.use(...loadingHandlers('/api'));
    const report = await fixture<MsgReport>(html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} timeout="0.2"></msg-report>`);
    const chart = document.createElement('msg-breakdown-chart');
    const failed = nextEvent<MsgErrorEvent>(report, 'msg-error');
    report.append(chart);
    const { detail } = await failed;
    expect(detail).to.include({ source: 'request', kind: 'timeout' });
    await settled(chart);
    expect(statePart(chart)).to.equal('error');
    expect(shadow(chart).querySelector('.state')!.textContent).to.contain('El servicio de reportes tardó demasiado en responder.');

    worker.resetHandlers();
    shadow(chart).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await settled(chart);
    expect(statePart(chart)).to.equal(undefined);
    expect(metrics(chart)[0]![0]).to.equal('__total__');
  });

  it('says it is taking longer than usual while still loading, in the report’s language (the load deadline)', async () => {
    (await startMocks()).use(...loadingHandlers('/api'));
    const page = await fixture<HTMLElement>(
      html`<div>
        ${['es', 'en', 'pt'].map(
          (lang) =>
            html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang=${lang} timeout="2">
              <msg-delivery-line></msg-delivery-line>
            </msg-report>`,
        )}
      </div>`,
    );
    const lines = [...page.querySelectorAll('msg-delivery-line')];
    for (const line of lines) await line.updateComplete;
    expect(lines.map(statePart), 'loading, not yet slow').to.deep.equal(['loading', 'loading', 'loading']);
    // A quarter of the 2 s deadline later, each says so, still loading.
    await until(() => lines.every((line) => statePart(line) === 'loading slow'), 'each says it is slow');
    expect(lines.map((line) => shadow(line).querySelector('.state')!.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Cargando… Tarda más de lo habitual.',
      'Loading… Taking longer than usual.',
      'Carregando… Demorando mais que o normal.',
    ]);
    await until(() => lines.every((line) => statePart(line) === 'error'), 'each shows the error');
  });

  it('explains a bad timeout in the element, without a request (the load deadline)', async () => {
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="en" timeout="forever">
        <msg-breakdown-chart></msg-breakdown-chart>
      </msg-report>`,
    );
    const chart = report.querySelector('msg-breakdown-chart')!;
    await chart.updateComplete;
    expect(statePart(chart)).to.equal('error invalid');
    expect(shadow(chart).querySelector('.state')!.textContent).to.contain('attribute timeout cannot be “forever”; use one of: 0.1–600.');
  });
});
