import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createHandlers, emptyHandlers, errorHandlers, getDefaultDataset, loadingHandlers } from '../../mock/handlers.js';
import { generateDataset } from '../../reference/dataset/index.js';
import { createEngine } from '../../reference/engine.js';
import type { BreakdownResponse, DeliveryResponse, MessagesResponse, OptionsResponse, Problem } from '../../src/core/contract/types.js';

const END = Date.UTC(2026, 11, 1);

describe('MSW handlers over the reference engine', () => {
  const dataset = generateDataset({ seed: 11, end: END, months: 3, messagesPerDay: 40 });
  const worker = setupWorker(...createHandlers({ dataset }));
  const from = '2026-10-01T06:00:00.000Z';
  const to = '2026-11-01T06:00:00.000Z';
  const query = `from=${from}&to=${to}&tz=America%2FMexico_City`;
  /** A JSON answer; each caller says which resource's it expects. */
  const json = async (response: Response | Promise<Response>): Promise<unknown> => (await response).json();

  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it("answers /api/breakdown with the engine's answer, on relative and absolute URLs", async () => {
    const expected = createEngine(dataset).breakdown({
      from,
      to,
      tz: 'America/Mexico_City',
      filters: { channel: ['ch_1', 'ch_4'] },
      direction: 'outgoing',
      groupBy: 'source',
      compareFrom: '2026-10-20T06:00:00.000Z',
      compareTo: '2026-10-25T17:30:00.000Z',
    });
    expect(expected.total).to.be.greaterThan(0);
    for (const url of [
      `/api/breakdown?${query}&direction=outgoing&groupBy=source&compareFrom=2026-10-20T06:00:00.000Z&compareTo=2026-10-25T17:30:00.000Z&channel=ch_1&channel=ch_4`,
      `${location.origin}/api/breakdown?${query}&direction=outgoing&groupBy=source&compareFrom=2026-10-20T06:00:00.000Z&compareTo=2026-10-25T17:30:00.000Z&channel=ch_1&channel=ch_4`,
    ]) {
      const response = await fetch(url);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
      expect(await response.json()).to.deep.equal(expected);
    }
  });

  it('serves delivery, messages and options, and problem+json for a bad query', async () => {
    const delivery = (await json(fetch(`/api/delivery?${query}&interval=week`))) as DeliveryResponse;
    expect(delivery.series.length).to.be.greaterThan(3);
    const page = (await json(fetch(`/api/messages?${query}&kind=outgoing&limit=5`))) as MessagesResponse;
    expect(page.rows).to.have.length(5);
    const next = (await json(fetch(`/api/messages?${query}&kind=outgoing&limit=5&cursor=${page.nextCursor!}`))) as MessagesResponse;
    expect(next.rows[0]!.timestamp <= page.rows[4]!.timestamp).to.equal(true);
    const options = (await json(fetch('/api/options/channel?q=whatsapp'))) as OptionsResponse;
    expect(options.options.map((o) => o.kind)).to.deep.equal(['whatsapp', 'whatsapp', 'whatsapp']);

    const unknown = await fetch('/api/nope');
    expect([unknown.status, unknown.headers.get('content-type')]).to.deep.equal([404, 'application/problem+json']);
    const bad = await fetch(`/api/breakdown?${query}&direction=incoming&groupBy=source`);
    expect(bad.status).to.equal(400);
    expect(bad.headers.get('content-type')).to.equal('application/problem+json');
    expect(((await json(bad)) as Problem).invalidParams).to.deep.equal([
      { name: 'groupBy', reason: 'must be channel for incoming messages' },
    ]);
  });

  it('has empty, error and loading scenarios', async () => {
    worker.use(...emptyHandlers());
    const empty = (await json(fetch(`/api/breakdown?${query}&direction=incoming&groupBy=channel`))) as BreakdownResponse;
    expect([empty.total, empty.groups]).to.deep.equal([0, []]);
    const emptyDelivery = (await json(fetch(`/api/delivery?${query}&interval=day`))) as DeliveryResponse;
    expect(emptyDelivery.series).to.have.length(31);
    expect(emptyDelivery.totals.total).to.equal(0);
    expect(getDefaultDataset({ messagesPerDay: 0 }).messages).to.have.length(0);

    worker.resetHandlers(...errorHandlers('/api', 503));
    const failed = await fetch(`/api/messages?${query}&kind=failed`);
    expect(failed.status).to.equal(503);
    expect(failed.headers.get('content-type')).to.equal('application/problem+json');
    expect(await failed.json()).to.include({ type: 'about:blank', status: 503 });
    worker.resetHandlers(...errorHandlers('/api', 429));
    expect((await fetch('/api/options/team')).headers.get('retry-after')).to.equal('1');

    worker.resetHandlers(...loadingHandlers());
    const controller = new AbortController();
    const matched = new Promise<void>((resolve) => worker.events.on('request:start', () => resolve()));
    const pending = fetch(`/api/delivery?${query}&interval=day`, { signal: controller.signal }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    // The mock has the request, and its loading handler never answers: only the abort ends it.
    await matched;
    controller.abort();
    expect(((await pending) as Error).name).to.equal('AbortError');
    worker.events.removeAllListeners('request:start');
  });

  it('matches an absolute base URL on its own origin only', async () => {
    worker.resetHandlers(...createHandlers({ dataset, baseUrl: `${location.origin}/reports/v1/` }));
    const response = await fetch(`/reports/v1/options/source`);
    expect(((await json(response)) as OptionsResponse).options).to.have.length(7);
  });
});
