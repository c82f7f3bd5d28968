/**
 * A list past its 10,000-row cap shows the cap notice and Data Export, whose code loads with the
 * list's first page (issue 11: a list below the cap never fetches it). This test runs in a page of
 * its own so that code is still to be fetched, as on a host's page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import type { ReportDataSource } from '../../src/core/client/data-source.js';
import type { MessageRow, MessagesResponse } from '../../src/core/contract/types.js';
import { NOW, ZONE } from './helpers.js';

const rows: MessageRow[] = Array.from({ length: 20 }, (_, index) => ({
  id: `m${index}`,
  timestamp: new Date(Date.parse(NOW) - index * 60_000).toISOString(),
  contact: { id: `c${index}`, name: `Contacto ${index}` },
  channel: { id: 'ch_1', name: 'WhatsApp Ventas', kind: 'whatsapp' },
  content: 'Hola',
}));

describe('<msg-table> past its cap, on a page that has not loaded the cap notice yet', () => {
  it('shows the notice and Data Export in the same render as its first rows, never the rows alone', async () => {
    const page: MessagesResponse = { kind: 'incoming', total: 25_000, cap: 10_000, nextCursor: 'next', rows };
    const source = { messages: () => Promise.resolve(page) } as unknown as ReportDataSource;
    const table: MsgTable = document.createElement('msg-table');
    // Every render the person could see: the rows without the notice would be one.
    const rowsWithoutNotice: string[] = [];
    const observer = new MutationObserver(() => {
      const root = table.shadowRoot!;
      if (root.querySelector('[part~="row"]') && !root.querySelector('[part~="cap-notice"]')) rowsWithoutNotice.push('rows alone');
    });
    await fixture(html`<msg-report .dataSource=${source} timezone=${ZONE} now=${NOW}>${table}</msg-report>`);
    observer.observe(table.shadowRoot!, { childList: true, subtree: true });
    await table.ready;
    observer.disconnect();
    expect(rowsWithoutNotice, 'a render with the rows and no notice').to.deep.equal([]);
    const notice = table.shadowRoot!.querySelector('[part~="cap-notice"]');
    expect(notice, 'the notice, once the rows show').to.not.equal(null);
    expect(notice!.textContent).to.contain('25.000');
    expect(notice!.querySelector('[part~="data-export"]'), 'the Data Export action').to.not.equal(null);
  });
});
