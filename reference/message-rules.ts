/**
 * What a message counts as in the reference engine: its receipts and funnel position under the
 * 30-day rule (the rule itself is the core's, src/core/query/status-filter.ts), and whether it
 * passes a query's filters. Apart from the engine because the resources and the lists all ask.
 */
import {
  FILTER_FIELDS,
  STATUS_WINDOW_DAYS,
  type Filters,
  type MessageKind,
  type MessageStatus,
  type Status,
} from '../src/core/contract/types.js';
import type { QueryScope } from '../src/core/query/applicability.js';
import { furthestStep, statusSteps } from '../src/core/query/status-filter.js';
import type { DatasetMessage } from './dataset/types.js';

const STATUS_WINDOW_MS = STATUS_WINDOW_DAYS * 24 * 3_600_000;

/** When a status was reached, if that was within the 30-day window after sending; else null. */
export function reachedAt(message: DatasetMessage, instant: number | null): number | null {
  return instant !== null && instant - message.ts <= STATUS_WINDOW_MS ? instant : null;
}

/** The furthest funnel step an outgoing message reached within the window. */
export function stepOf(message: DatasetMessage): Status {
  return furthestStep({ ts: message.ts, deliveredAt: message.deliveredAt, readAt: message.readAt, failed: Boolean(message.error) });
}

/** The funnel position of an outgoing message: failed, or sent with delivered/read flags. */
export function funnel(message: DatasetMessage): { failed: boolean; delivered: boolean; read: boolean } {
  const step = stepOf(message);
  // Reading implies delivery (the core's rule), so the funnel holds even for a channel that reports only reads.
  return { failed: step === 'failed', delivered: step === 'delivered' || step === 'read', read: step === 'read' };
}

/** A predicate for the filters a scope honours (the others are reported as not applicable). */
export function compileFilters(filters: Filters, scope: QueryScope): (m: DatasetMessage) => boolean {
  const sets = new Map<string, Set<string>>();
  for (const field of FILTER_FIELDS) {
    const values = filters[field];
    if (!values || values.length === 0) continue;
    if (scope === 'incoming' && (field === 'source' || field === 'type' || field === 'broadcast')) continue;
    sets.set(field, new Set(values));
  }
  if (sets.size === 0) return () => true;
  const channel = sets.get('channel');
  const contact = sets.get('contact');
  const team = sets.get('team');
  const user = sets.get('user');
  const source = sets.get('source');
  const type = sets.get('type');
  const broadcast = sets.get('broadcast');
  const senderOnly = scope === 'outgoing';
  return (m) => {
    if (channel && !channel.has(m.channelId)) return false;
    if (contact && !contact.has(m.contactId)) return false;
    if (team || user) {
      // Outgoing: the sender, so only messages a user sent can match.
      if (senderOnly && m.source !== 'user') return false;
      if (team && (m.teamId === null || !team.has(m.teamId))) return false;
      if (user && (m.userId === null || !user.has(m.userId))) return false;
    }
    if (source && (m.source === null || !source.has(m.source))) return false;
    if (type && (m.type === null || !type.has(m.type))) return false;
    if (broadcast && (m.broadcastId === null || !broadcast.has(m.broadcastId))) return false;
    return true;
  };
}

/** `match`, narrowed to a list's status filter when it has one. */
export function withStatus(match: (m: DatasetMessage) => boolean, kind: MessageKind, status: MessageStatus | undefined) {
  if (status === undefined) return match;
  const steps = new Set(statusSteps(kind, status));
  return (m: DatasetMessage) => steps.has(stepOf(m)) && match(m);
}
