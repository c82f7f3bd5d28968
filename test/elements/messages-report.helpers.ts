import { nextFrame, waitUntil } from '@open-wc/testing';
import type { MsgMessagesReport } from '../../src/elements/messages-report/messages-report.js';
import type { MsgDataElement } from '../../src/elements/shared/data-element.js';
import { settled, shadow } from './helpers.js';

/** Waits until every chart and list of the report has settled. */
export async function allSettled(host: MsgMessagesReport): Promise<void> {
  await host.updateComplete;
  // The views it loads on demand are defined once `ready` waited for their code.
  await host.ready;
  const root = shadow(host);
  for (const element of root.querySelectorAll<MsgDataElement<unknown, unknown, unknown>>(
    'msg-breakdown-chart, msg-delivery-line, msg-delivery-breakdown, msg-activity-heatmap, msg-table',
  )) {
    await settled(element);
  }
  await root.querySelector('msg-report-filters')!.updateComplete;
  // A list asks for more rows only once its virtualizer has laid out the first ones, which it
  // does only on screen: wait for the rows of every list in view, and a frame for their report.
  const onScreen = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  };
  for (const table of root.querySelectorAll('msg-table')) {
    await waitUntil(() => !onScreen(table) || shadow(table).querySelector('[part~="row"], .state'), 'the list shows rows or a state');
  }
  await nextFrame();
}
