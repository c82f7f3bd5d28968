/**
 * The lists' delivery-status filter (`GET /messages?status=`, openapi.yaml `MessageStatus`) as
 * data: which furthest funnel steps each value keeps, and the delivery totals it must equal; and
 * the rule that gives a sent message its furthest step. The reference engine, the SQL stores and
 * the contract suite all read it, so "Delivered" in a list means what "Delivered" means on the
 * delivery line.
 */
import { STATUS_WINDOW_DAYS, type DeliveryTotals, type MessageKind, type MessageStatus, type Status } from '../contract/types.js';

const STATUS_WINDOW_MS = STATUS_WINDOW_DAYS * 24 * 3_600_000;

/** What the funnel reads of a sent message: when it was sent, its receipts (epoch ms), whether it failed. */
export interface SentMessage {
  ts: number;
  deliveredAt: number | null;
  readAt: number | null;
  failed: boolean;
}

/**
 * The furthest funnel step `message` reached within {@link STATUS_WINDOW_DAYS} of sending: `failed`,
 * else `read`, `delivered` or `sent`. A receipt after the window does not count, and reading implies
 * delivery (a channel may report only reads). The SQL schema keeps the same rule in
 * `messages.status` (server/db/schema.ts, `STATUS_EXPR`).
 */
export function furthestStep(message: SentMessage): Status {
  if (message.failed) return 'failed';
  const within = (instant: number | null) => instant !== null && instant - message.ts <= STATUS_WINDOW_MS;
  return within(message.readAt) ? 'read' : within(message.deliveredAt) ? 'delivered' : 'sent';
}

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
