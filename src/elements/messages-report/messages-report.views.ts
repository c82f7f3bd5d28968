/**
 * The views issue 12 added to `<msg-messages-report>` whose code is not in its first bytes: each
 * one's module is imported when the report first shows it, so a report that switches a view off
 * never loads it (nor asks for its data), and one that shows it fetches it beside its data.
 */

/** Views whose element the report imports on demand. */
export type LazyView = 'deliveryBreakdown' | 'activity';

/**
 * Each view's defining module. `import 'msg-report'` defines the heatmap up front already; the
 * delivery breakdown only comes from here (or its own entry, `msg-report/delivery-breakdown`), so
 * its code and ECharts kit stay out of the report's first bytes.
 */
const MODULES: Record<LazyView, () => Promise<unknown>> = {
  deliveryBreakdown: () => import('../delivery-breakdown/msg-delivery-breakdown.js'),
  activity: () => import('../activity-heatmap/msg-activity-heatmap.js'),
};

/** Imports of the views, once per page: several reports share them. */
const imports = new Map<LazyView, Promise<void>>();

/**
 * Imports `view`'s element once. Resolves when it is defined; rejects when its module could not
 * be fetched, and forgets that attempt, so a later report may try again.
 */
export function loadView(view: LazyView): Promise<void> {
  let loading = imports.get(view);
  if (!loading) {
    loading = MODULES[view]().then(
      () => undefined,
      (error: unknown) => {
        imports.delete(view);
        throw error;
      },
    );
    imports.set(view, loading);
  }
  return loading;
}
