/**
 * Strings on demand: a page loads the strings of the languages its reports use and no other; an
 * element renders nothing until its language's strings are in (never a message key or an empty
 * label), and keeps showing a language until the next one's strings have arrived.
 *
 * The tests run in order, each with a language no earlier test loaded.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { hasMessages } from '../../src/i18n/translate.js';
import type { MsgReport } from '../../src/elements/report/report.js';
import type { MsgTable } from '../../src/elements/table/table.js';
import { NOW, ZONE, shadow, startMocks } from './helpers.js';

/** Every text under `root`, shadow roots included, and the elements that should hold text but are empty. */
function texts(root: Node): { texts: string[]; empty: string[] } {
  const found: string[] = [];
  const empty: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      const text = child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '').trim() : '';
      if (text) found.push(text);
      if (child instanceof Element) {
        if (
          child.matches('h2, h3, legend, label, button, [part~="metric"] .metric-label, [role="columnheader"]') &&
          !child.textContent.trim()
        ) {
          empty.push(child.outerHTML.slice(0, 80));
        }
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    }
  };
  walk(root);
  return { texts: found, empty };
}

/** Something.like.a.key: what an element would show were a string missing. */
const KEY = /^[a-z]+(\.[a-zA-Z_]+)+$/;

describe('strings on demand', function () {
  this.timeout(20_000);
  before(startMocks);

  it('loads the strings of the report’s language only', async () => {
    expect([hasMessages('es'), hasMessages('en'), hasMessages('pt')], 'nothing loaded on import').to.deep.equal([false, false, false]);
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="en"><msg-table kind="incoming"></msg-table></msg-report>`,
    );
    const table = report.querySelector<MsgTable>('msg-table')!;
    await table.ready;
    expect(shadow(table).querySelector('h3')!.textContent).to.equal('Incoming messages list');
    const base = ['base'] as const;
    expect([hasMessages('es', base), hasMessages('en', base), hasMessages('pt', base)]).to.deep.equal([false, true, false]);
    // A report without a chart never loads the charts' strings (issue 11).
    expect(hasMessages('en', ['charts']), 'the charts’ strings').to.equal(false);
  });

  it('renders nothing until its strings are in — no key, no empty label — then the whole report in that language', async () => {
    expect(hasMessages('pt')).to.equal(false);
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const report = document.createElement('msg-messages-report');
    Object.assign(report, { endpoint: '/api', timezone: ZONE, now: NOW, lang: 'pt' });
    const seen: { texts: string[]; empty: string[] }[] = [];
    let done = false;
    const watch = () => {
      seen.push(texts(host));
      if (!done) requestAnimationFrame(watch);
    };
    host.append(report);
    seen.push(texts(host));
    requestAnimationFrame(watch);
    await report.ready;
    done = true;
    const all = seen.flatMap((frame) => frame.texts);
    expect(
      all.filter((text) => KEY.test(text)),
      'message keys on screen',
    ).to.deep.equal([]);
    expect(
      seen.flatMap((frame) => frame.empty),
      'empty labels on screen',
    ).to.deep.equal([]);
    expect(all, 'Spanish never shows').to.not.include('Mensajes entrantes');
    expect(shadow(report).querySelector('h2')!.textContent.trim()).to.equal('Mensagens recebidas');
    expect(hasMessages('es')).to.equal(false);
  });

  it('keeps showing a language until the next one’s strings are in', async () => {
    expect(hasMessages('es')).to.equal(false);
    const report = await fixture<MsgReport>(
      html`<msg-report endpoint="/api" timezone=${ZONE} now=${NOW} lang="en"><msg-table kind="failed"></msg-table></msg-report>`,
    );
    const table = report.querySelector<MsgTable>('msg-table')!;
    await table.ready;
    const title = () => shadow(table).querySelector('h3')?.textContent;
    expect(title()).to.equal('Failed messages log');
    const titles: (string | undefined)[] = [];
    const observer = new MutationObserver(() => titles.push(title()));
    observer.observe(shadow(table), { subtree: true, childList: true, characterData: true });
    report.lang = 'es';
    await report.updateComplete;
    // The table now asks for Spanish; its update completes once the strings are in and rendered.
    expect(title(), 'English until the Spanish strings arrive').to.equal('Failed messages log');
    await table.updateComplete;
    observer.disconnect();
    expect(title()).to.equal('Registro de mensajes fallidos');
    expect(
      titles.filter((text) => text !== 'Failed messages log' && text !== 'Registro de mensajes fallidos'),
      'never blank or anything else in between',
    ).to.deep.equal([]);
  });
});
