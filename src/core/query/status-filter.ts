/**
 * The lists' delivery-status filter (`GET /messages?status=`, openapi.yaml `MessageStatus`) as
 * data: which furthest funnel steps each value keeps, and the delivery totals it must equal. The
 * reference engine, the SQL stores and the contract suite all read it, so "Delivered" in a list
 * means what "Delivered" means on the delivery line.
 */
import type { DeliveryTotals, MessageKind, MessageStatus, Status } from '../contract/types.js';

/**
 * For each filter value, the furthest funnel steps (within 30 days of sending) it keeps. A
 * message's furthest step is exactly one of `sent` (sent, never delivered), `delivered` (never
 * read), `read` or `failed`.
 */
export const STATUS_FILTER_STEPS: Readonly<Record<MessageStatus, readonly Status[]>> = {
  sent: ['sent', 'delivered', 'read'],
  delivered: ['delivered', 'read'],
  read: ['read'],
  failed: ['failed'],
  'not-delivered': ['sent'],
  'not-read': ['delivered'],
};

/** Whether a list of `kind` can take a status filter (incoming messages have no status). */
export function acceptsStatusFilter(kind: MessageKind): boolean {
  return kind !== 'incoming';
}

/**
 * The furthest steps a list of `kind` keeps under `status`: the failed list holds only failed
 * messages, so any other status keeps none of them.
 */
export function statusSteps(kind: MessageKind, status: MessageStatus): readonly Status[] {
  const steps = STATUS_FILTER_STEPS[status];
  return kind === 'failed' ? steps.filter((step) => step === 'failed') : steps;
}

/** The number of messages at `status` in the delivery totals of the same query. */
export function statusTotal(totals: DeliveryTotals, status: MessageStatus): number {
  switch (status) {
    case 'sent':
      return totals.sent;
    case 'delivered':
      return totals.delivered;
    case 'read':
      return totals.read;
    case 'failed':
      return totals.failed;
    case 'not-delivered':
      return totals.sent - totals.delivered;
    case 'not-read':
      return totals.delivered - totals.read;
  }
}
