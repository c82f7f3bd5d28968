/**
 * The demo page: the report's elements against the mocked endpoint (MSW in a service worker,
 * over the seeded demo data set). Elements are loaded only once the worker answers, so their
 * first requests already reach it.
 */
import { applyDemoBackend, startDemoBackend } from './backend.js';

// The reference server's real endpoint when it serves this page (npm start), else the MSW mock.
applyDemoBackend(await startDemoBackend());
await import('../src/index.js');

const report = document.querySelector('msg-report')!;
const outgoing = document.querySelector<HTMLElement>('#outgoing')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const status = document.querySelector('#status')!;

form.addEventListener('change', (event) => {
  const select = event.target as HTMLSelectElement;
  if (select.name === 'group-by') outgoing.setAttribute('group-by', select.value);
  else report.setAttribute(select.name, select.value);
  if (select.name === 'lang') document.documentElement.lang = select.value;
});

report.addEventListener('msg-error', (event) => {
  status.textContent = event.detail.message;
});
report.addEventListener('msg-state-change', () => {
  status.textContent = '';
});
