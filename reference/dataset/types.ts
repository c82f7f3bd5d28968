/**
 * The shape of the reference data set: the workspace's lookups and every message, as a backend
 * would store them. Raw delivered/read instants may lie beyond the 30-day status window; the
 * engine applies the rule when it answers.
 */
import type { ChannelKind, Direction, MessageError, MessageType, Source, Status } from '../../src/core/contract/types.js';

export interface DatasetWorkspace {
  id: string;
  name: string;
  /** IANA zone the workspace reports in. */
  timezone: string;
}

export interface DatasetChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** The delivery statuses this channel reports, in funnel order. */
  reports: Status[];
}

export interface DatasetTeam {
  id: string;
  name: string;
}

export interface DatasetUser {
  id: string;
  name: string;
  teamId: string;
}

export interface DatasetContact {
  id: string;
  name: string;
  /** The language the contact writes in. */
  locale: 'es' | 'pt';
  /** The channel the contact usually writes on. */
  channelId: string;
}

export interface DatasetBroadcast {
  id: string;
  name: string;
  channelId: string;
  /** When the broadcast started sending, epoch ms. */
  sentAt: number;
  /** WhatsApp template or Facebook message tag it used, or null for session messages. */
  subtype: string | null;
}

export interface DatasetMessage {
  id: string;
  /** Send or arrival instant, epoch ms. */
  ts: number;
  direction: Direction;
  channelId: string;
  contactId: string;
  content: string;
  /** Outgoing only. */
  source: Source | null;
  /** Outgoing only. */
  type: MessageType | null;
  /** The Facebook tag or WhatsApp template name; only for those types. */
  subtype: string | null;
  /** Outgoing from a user: the sender. Incoming: the contact's assignee when it arrived (or null). */
  userId: string | null;
  /** The team of {@link userId}, or the assigned team of an incoming message. */
  teamId: string | null;
  broadcastId: string | null;
  /** Raw delivery receipt instant (may be more than 30 days after `ts`). */
  deliveredAt: number | null;
  /** Raw read receipt instant (may be more than 30 days after `ts`). */
  readAt: number | null;
  /** Set exactly on failed outgoing messages. */
  error: MessageError | null;
}

export interface DatasetOptions {
  /** PRNG seed; default 1. */
  seed?: number;
  /** Epoch ms the data ends at (exclusive); default: now rounded up to the next UTC hour. */
  end?: number;
  /** Months of history before `end`; default 13. */
  months?: number;
  /** Average messages per day (the size knob); default 75. */
  messagesPerDay?: number;
  /** Mix markup, formula prefixes, RTL, zero-width and very long strings into names and contents. */
  hostile?: boolean;
  /** Workspace zone; default 'America/Mexico_City'. */
  timezone?: string;
}

export interface Dataset {
  /** The options the set was generated from, with defaults filled in. */
  options: Required<DatasetOptions>;
  workspace: DatasetWorkspace;
  /** First instant with data (local midnight `months` before `end`). */
  start: number;
  /** Exclusive end of the data. */
  end: number;
  channels: DatasetChannel[];
  teams: DatasetTeam[];
  users: DatasetUser[];
  contacts: DatasetContact[];
  broadcasts: DatasetBroadcast[];
  /** Sorted by (ts, id). */
  messages: DatasetMessage[];
}
