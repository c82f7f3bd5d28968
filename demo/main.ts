/**
 * The demo page: the whole report in one tag. Served by the reference server (`npm start`) it uses
 * the real endpoint on the seeded database; served by Vite (`npm run start:mock`) or as static
 * files, the mocked one (MSW in a service worker, over the seeded demo data set). Elements are
 * loaded only once the backend is chosen (and the worker answers), so their first requests reach it.
 */
import { applyDemoBackend, startDemoBackend } from './backend.js';

// The reference server's real endpoint when it serves this page (npm start), else the MSW mock.
applyDemoBackend(await startDemoBackend());
await import('../src/index.js');

/** An element index.html holds; a clear error if the page and this script ever disagree. */
function pageElement<E extends Element>(selector: string, element: E | null): E {
  if (!element) throw new Error(`The demo page has no ${selector}`);
  return element;
}

const report = pageElement('<msg-messages-report>', document.querySelector('msg-messages-report'));
const status = pageElement('#status', document.querySelector('#status'));

pageElement('#lang', document.querySelector<HTMLSelectElement>('#lang')).addEventListener('change', (event) => {
  const lang = (event.target as HTMLSelectElement).value;
  document.documentElement.lang = lang;
  report.setAttribute('lang', lang);
});
report.addEventListener('msg-error', (event) => {
  status.textContent = event.detail.message;
});
report.addEventListener('msg-state-change', () => {
  status.textContent = '';
});
report.addEventListener('msg-data-export', (event) => {
  event.preventDefault();
  status.textContent = `Data Export: ${event.detail.total} messages (${event.detail.kind}).`;
});
