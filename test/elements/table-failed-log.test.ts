/**
 * The failed log loads its error-code sentences and its summary module beside its first page, on
 * the page's first failed log. These tests run in a page of their own so that those modules are
 * still to be fetched, as on a host's page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import { ReportError } from '../../src/core/client/errors.js';
import { NOW, ZONE, nextEvent } from './helpers.js';

describe('<msg-table kind="failed"> on a page that has not loaded its extras yet', () => {
  it('reports a first page that fails at once as an error, and leaves no unhandled rejection to the host', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const source = {
        messages: () =>
          Promise.reject(new ReportError('network', 'msg-report: the endpoint could not be reached', { url: '/api/messages' })),
      } as unknown as ReportDataSource;
      const table: MsgTable = document.createElement('msg-table');
      const failed = nextEvent(table, 'msg-error');
      await fixture(html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}>${table}</msg-report>`);
      table.kind = 'failed';
      await failed;
      await table.ready;
      // An unhandled rejection is reported after the task that left it: give it two.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(table.shadowRoot!.querySelector('[part~="error"]'), 'the error state').to.not.equal(null);
      expect(unhandled.map(String)).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});
