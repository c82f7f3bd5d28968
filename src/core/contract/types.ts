/**
 * The reporting endpoint contract as TypeScript: the value lists every backend, mock and element
 * shares, and the shapes of every response. `openapi.yaml` is the source of truth; a type-level
 * check (`contract-types.check.ts`, compiled by `tsc`) holds these shapes equal to the types
 * generated from it (`openapi.gen.ts`), so the two cannot drift. `schemas.ts` validates them at
 * run time.
 *
 * DOM-free: imported by the elements, the mocks and the server alike.
 */
import type { Language } from '../../i18n/locales.js';

/** Message directions. */
export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Where an outgoing message came from. */
export const SOURCES = ['user', 'bot', 'broadcast', 'workflow', 'api', 'zapier', 'echo'] as const;
export type Source = (typeof SOURCES)[number];

/** What kind of outgoing message it was. */
export const MESSAGE_TYPES = ['session', 'facebook_message_tag', 'whatsapp_template'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
/** What a subtype names: a Facebook message tag or a WhatsApp template (the types that have one). */
export const SUBTYPE_KINDS = ['facebook_message_tag', 'whatsapp_template'] as const;
export type SubtypeKind = (typeof SUBTYPE_KINDS)[number];

/** Delivery statuses, in funnel order; `failed` is disjoint from the other three. */
export const STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type Status = (typeof STATUSES)[number];

/** Channel kinds known today. The list is open: an unknown kind renders generically. */
export const CHANNEL_KINDS = [
  'whatsapp',
  'facebook',
  'instagram',
  'telegram',
  'webchat',
  'email',
  'sms',
  'google_business',
  'line',
  'viber',
] as const;
export type KnownChannelKind = (typeof CHANNEL_KINDS)[number];
/** A channel kind: one of {@link CHANNEL_KINDS}, or any other string from a newer backend. */
export type ChannelKind = string;

/** The seven filter fields, in the order the filter menu lists them. */
export const FILTER_FIELDS = ['channel', 'contact', 'source', 'type', 'team', 'user', 'broadcast'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Breakdown groupings. Incoming messages can only be grouped by channel. */
export const GROUP_BYS = ['channel', 'source', 'type', 'subtype'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Line chart bucket sizes. */
export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The three message lists. */
export const MESSAGE_KINDS = ['incoming', 'outgoing', 'failed'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * The delivery-status filter of the outgoing and failed lists (`GET /messages?status=`): a funnel
 * step reached within the 30-day window (`sent`, `delivered`, `read`, `failed`, as the delivery
 * totals count them), or a step reached without the next one (`not-delivered`: sent, never
 * delivered; `not-read`: delivered, never read). Incoming messages have no status.
 */
export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed', 'not-delivered', 'not-read'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const ORDERS = ['desc', 'asc'] as const;
export type Order = (typeof ORDERS)[number];

/** Filter values per field: OR within a field, AND across fields. */
export type Filters = Partial<Record<FilterField, readonly string[]>>;

/** The report query every data resource takes, as instants. */
export interface ReportQuery {
  /** ISO-8601 instant, inclusive. */
  from: string;
  /** ISO-8601 instant, exclusive. */
  to: string;
  /** IANA time zone for buckets. */
  tz: string;
  filters: Filters;
}

/**
 * The period to compare with, `[compareFrom, compareTo)` as ISO-8601 instants: both or neither.
 * The client computes it (src/core/query/comparison.ts); the endpoint only counts it.
 */
export interface CompareParams {
  compareFrom?: string;
  compareTo?: string;
}

export interface BreakdownParams extends ReportQuery, CompareParams {
  direction: Direction;
  groupBy: GroupBy;
}

export interface DeliveryParams extends ReportQuery, CompareParams {
  interval: Interval;
}

/** `GET /breakdown-trend`: a breakdown per time bucket, its top groups by name and the rest as others. */
export interface BreakdownTrendParams extends ReportQuery {
  direction: Direction;
  groupBy: GroupBy;
  interval: Interval;
  /** Groups listed by name, 1–{@link MAX_TREND_GROUPS}; default {@link DEFAULT_TREND_GROUPS}. */
  top?: number;
}

/** `GET /activity`: messages per weekday and local hour. */
export interface ActivityParams extends ReportQuery {
  direction: Direction;
}

export interface MessagesParams extends ReportQuery {
  kind: MessageKind;
  /** Only messages at this delivery status (outgoing and failed lists only; see {@link MESSAGE_STATUSES}). */
  status?: MessageStatus;
  limit?: number;
  cursor?: string;
  order?: Order;
}

/** `GET /broadcasts`: the report query, and the most broadcasts to answer. */
export interface BroadcastsParams extends ReportQuery {
  /** 1–{@link MAX_BROADCASTS}; default 100. The largest are kept. */
  limit?: number;
}

export interface OptionsParams {
  field: FilterField;
  q?: string;
  limit?: number;
}

export interface BreakdownGroup {
  key: string;
  label: string;
  count: number;
  previousCount?: number;
  /** With `groupBy=subtype`: what the subtype names. A name used as both kinds is two groups. */
  subtypeKind?: SubtypeKind;
  /** With `groupBy=channel`, when the backend knows the channel: its kind (an open list, as `/options`). */
  kind?: string;
}

export interface BreakdownResponse {
  direction: Direction;
  groupBy: GroupBy;
  total: number;
  groups: BreakdownGroup[];
  previousTotal?: number;
  notApplicable: FilterField[];
}

export interface BreakdownTrendBucket {
  /** The bucket's start, an instant. */
  start: string;
  /** One count per entry of the response's `groups`, in the same order. */
  counts: number[];
  /** The messages of the groups past the top ones. */
  others: number;
}

export interface BreakdownTrendResponse {
  direction: Direction;
  groupBy: GroupBy;
  interval: Interval;
  total: number;
  /** The first `top` groups of `/breakdown` for the same query, in its order. */
  groups: BreakdownGroup[];
  others: number;
  /** How many groups `others` folds together. */
  otherGroups: number;
  series: BreakdownTrendBucket[];
  notApplicable: FilterField[];
}

/** `GET /activity`: `counts[weekday][hour]`, Monday = 0, local wall-clock hours 0–23 of `tz`. */
export interface ActivityResponse {
  direction: Direction;
  total: number;
  counts: number[][];
  notApplicable: FilterField[];
}

export interface DeliveryTotals {
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

export interface DeliveryBucket {
  /** The bucket's start, an instant. */
  start: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

export interface DeliveryResponse {
  interval: Interval;
  totals: DeliveryTotals;
  previousTotals?: DeliveryTotals;
  series: DeliveryBucket[];
  notReported: Status[];
  notApplicable: FilterField[];
}

/** A broadcast as far as the report query sees it: its matching messages, from the first one's send time. */
export interface Broadcast {
  id: string;
  /** Untrusted text: the broadcast's name, or its id when the lookups miss it. */
  name: string;
  /** The send time of its first message that matches the query, an instant. */
  sentAt: string;
  /** Its messages that match the query. */
  count: number;
}

export interface BroadcastsResponse {
  /** How many broadcasts match, even beyond the limit. */
  total: number;
  /** The largest `limit`, sorted by `sentAt`, then `id`. */
  broadcasts: Broadcast[];
  notApplicable: FilterField[];
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface ChannelRef extends NamedRef {
  kind: ChannelKind;
}

export interface MessageError {
  code: string;
  message: string;
}

/** One row of a message list. Outgoing fields are absent on incoming rows. */
export interface MessageRow {
  id: string;
  timestamp: string;
  contact: NamedRef;
  channel: ChannelRef;
  content: string;
  source?: Source;
  user?: NamedRef | null;
  type?: MessageType;
  subtype?: string | null;
  broadcast?: NamedRef | null;
  deliveredAt?: string | null;
  readAt?: string | null;
  error?: MessageError;
}

export interface MessagesResponse {
  kind: MessageKind;
  total: number;
  cap: number;
  nextCursor: string | null;
  rows: MessageRow[];
}

export interface FilterOption {
  value: string;
  label: string;
  kind?: ChannelKind;
  reports?: Status[];
}

export interface OptionsResponse {
  field: FilterField;
  options: FilterOption[];
}

/** An RFC 9457 problem, as the endpoint returns it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  invalidParams?: { name: string; reason: string }[];
}

/** The largest number of rows one list query pages through. */
export const ROW_CAP = 10_000;
/** The largest number of line-chart buckets the endpoint answers. */
export const MAX_BUCKETS = 800;
/** Groups `/breakdown-trend` lists by name, at most and by default. */
export const MAX_TREND_GROUPS = 10;
export const DEFAULT_TREND_GROUPS = 5;
/** The longest report range, in days. */
export const MAX_RANGE_DAYS = 366;
/** The most broadcasts one `GET /broadcasts` answers. */
export const MAX_BROADCASTS = 500;
/** Days after sending during which a delivery status still changes. */
export const STATUS_WINDOW_DAYS = 30;

// ---- Data Export: what a backend may offer beyond the four resources ---------------------------

/** `GET /capabilities`: what a backend offers beyond the four resources; an absent member is not offered. */
export interface Capabilities {
  export?: {
    /** `GET /export/messages` streams every row of a message list as CSV. */
    messages?: boolean;
  };
}

/** `GET /export/messages`: a message list's query, with no cap, answered as one CSV file. */
export interface MessagesExportParams extends ReportQuery {
  kind: MessageKind;
  /** As {@link MessagesParams.status}. */
  status?: MessageStatus;
  order?: Order;
  /** The language of the file's headers and labels; default `es`. */
  lang?: Language;
}

// ---- Delivery per group (issue 12) ---------------------------------------------------------------

/** What `GET /delivery-breakdown` groups outgoing messages by: a breakdown's groupings, or the broadcast. */
export const DELIVERY_GROUP_BYS = ['channel', 'source', 'type', 'subtype', 'broadcast'] as const;
export type DeliveryGroupBy = (typeof DELIVERY_GROUP_BYS)[number];

/** `GET /delivery-breakdown`: the delivery funnel per group of outgoing messages. */
export interface DeliveryBreakdownParams extends ReportQuery {
  groupBy: DeliveryGroupBy;
}

/** One group's funnel: `total` = `sent` + `failed`, `sent` ≥ `delivered` ≥ `read` (the 30-day rule). */
export interface DeliveryBreakdownGroup {
  key: string;
  label: string;
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  /** The statuses none of the channels this group's messages were sent on report. */
  notReported: Status[];
  /** With `groupBy=subtype`: what the subtype names. */
  subtypeKind?: SubtypeKind;
}

export interface DeliveryBreakdownResponse {
  groupBy: DeliveryGroupBy;
  /** Sorted by `total` descending, then key; groups without messages are omitted. */
  groups: DeliveryBreakdownGroup[];
  notApplicable: FilterField[];
}
