/**
 * The views issue 12 added to `<msg-messages-report>` whose code is not in its first bytes: each
 * one's module is imported when the report first shows it, so a report that switches a view off
 * never loads it (nor asks for its data), and one that shows it fetches it beside its data.
 */
import { loadOnce } from '../shared/load-once.js';

/** Views whose element the report imports on demand. */
export type LazyView = 'deliveryBreakdown' | 'activity';

/** Each view's tag: once defined, there is nothing to import. */
export const VIEW_TAGS: Record<LazyView, string> = {
  deliveryBreakdown: 'msg-delivery-breakdown',
  activity: 'msg-activity-heatmap',
};

/**
 * Each view's defining module, imported once per page (several reports share it), and again after
 * a failed fetch. `import 'msg-report'` defines the heatmap up front already; the delivery
 * breakdown only comes from here (or its own entry, `msg-report/delivery-breakdown`), so its code
 * and ECharts kit stay out of the report's first bytes.
 */
const IMPORTS: Record<LazyView, () => Promise<unknown>> = {
  deliveryBreakdown: loadOnce(() => import('../delivery-breakdown/msg-delivery-breakdown.js')),
  activity: loadOnce(() => import('../activity-heatmap/msg-activity-heatmap.js')),
};

/** Imports `view`'s element. Resolves when it is defined; rejects when its module could not be fetched. */
export async function loadView(view: LazyView): Promise<void> {
  await IMPORTS[view]();
}
