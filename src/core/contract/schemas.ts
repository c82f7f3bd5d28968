/**
 * Runtime validators for every response of the reporting contract, for a client that must not
 * trust its backend blindly. Each schema's output is exactly the matching type in `types.ts`
 * (checked at compile time by {@link exactly}).
 *
 * They are deliberately a little more tolerant than `openapi.yaml`, which the contract tests hold
 * backends to: unknown fields are ignored (and dropped from the output), a channel kind may be any
 * string, and counts need only be non-negative integers. Cross-field rules (funnel sums, the row
 * shape per list kind) are left to the contract tests.
 *
 * valibot because it never generates code at run time (no eval, no Function constructor), so it runs under a strict
 * Content-Security-Policy. DOM-free.
 */
import * as v from 'valibot';
import {
  DELIVERY_GROUP_BYS,
  DIRECTIONS,
  FILTER_FIELDS,
  GROUP_BYS,
  INTERVALS,
  MESSAGE_KINDS,
  MESSAGE_TYPES,
  SOURCES,
  STATUSES,
  SUBTYPE_KINDS,
  type ActivityResponse,
  type BreakdownResponse,
  type BreakdownTrendResponse,
  type BroadcastsResponse,
  type Capabilities,
  type DeliveryBreakdownResponse,
  type DeliveryResponse,
  type MessagesResponse,
  type OptionsResponse,
  type Problem,
} from './types.js';

/** True when `A` and `B` are the same type (not merely mutually assignable). */
// The compiler compares these two generic signatures by identity, which is what makes the test
// exact; T is meant to appear once.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Types a schema as producing `T`, and compiles only if the schema's inferred output is exactly
 * `T`: a field missing, misspelt or typed differently on either side is a type error here.
 */
const exactly =
  <T>() =>
  <S extends v.GenericSchema<unknown, T>>(
    schema: S & (Equals<v.InferOutput<S>, T> extends true ? unknown : never),
  ): v.GenericSchema<unknown, T> =>
    schema;

/** A count of messages. */
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** `2026-11-01T06:00:00.000Z`, or with an offset: an ISO-8601 instant that `Date` can read. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const instant = v.pipe(
  v.string(),
  v.regex(INSTANT, 'Expected an ISO-8601 instant'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Expected a valid date'),
);

const filterFields = v.array(v.picklist(FILTER_FIELDS));
const statuses = v.array(v.picklist(STATUSES));
const namedRef = v.object({ id: v.string(), name: v.string() });

/** A group of /breakdown, as /breakdown-trend lists its top ones too: one schema for both. */
const breakdownGroup = v.object({
  key: v.string(),
  label: v.string(),
  count,
  previousCount: v.optional(count),
  subtypeKind: v.optional(v.picklist(SUBTYPE_KINDS)),
  // An open list, as a message row's channel kind: any string a newer backend sends.
  kind: v.optional(v.string()),
});

export const BreakdownResponseSchema = exactly<BreakdownResponse>()(
  v.object({
    direction: v.picklist(DIRECTIONS),
    groupBy: v.picklist(GROUP_BYS),
    total: count,
    groups: v.array(breakdownGroup),
    previousTotal: v.optional(count),
    notApplicable: filterFields,
  }),
);

export const BreakdownTrendResponseSchema = exactly<BreakdownTrendResponse>()(
  v.pipe(
    v.object({
      direction: v.picklist(DIRECTIONS),
      groupBy: v.picklist(GROUP_BYS),
      interval: v.picklist(INTERVALS),
      total: count,
      groups: v.array(breakdownGroup),
      others: count,
      otherGroups: count,
      series: v.array(v.object({ start: instant, counts: v.array(count), others: count })),
      notApplicable: filterFields,
    }),
    // The elements index the buckets' counts by group: a bucket with another length is no answer.
    v.check((r) => r.series.every((bucket) => bucket.counts.length === r.groups.length), 'Expected one count per group in every bucket'),
  ),
);

/** Seven weekdays of 24 hours: the shape the heatmap draws, checked here rather than trusted. */
export const ActivityResponseSchema = exactly<ActivityResponse>()(
  v.object({
    direction: v.picklist(DIRECTIONS),
    total: count,
    counts: v.pipe(v.array(v.pipe(v.array(count), v.length(24))), v.length(7)),
    notApplicable: filterFields,
  }),
);

const deliveryTotals = v.object({ total: count, sent: count, delivered: count, read: count, failed: count });

export const DeliveryResponseSchema = exactly<DeliveryResponse>()(
  v.object({
    interval: v.picklist(INTERVALS),
    totals: deliveryTotals,
    previousTotals: v.optional(deliveryTotals),
    series: v.array(v.object({ start: instant, sent: count, delivered: count, read: count, failed: count })),
    notReported: statuses,
    notApplicable: filterFields,
  }),
);

export const DeliveryBreakdownResponseSchema = exactly<DeliveryBreakdownResponse>()(
  v.object({
    groupBy: v.picklist(DELIVERY_GROUP_BYS),
    groups: v.array(
      v.object({
        key: v.string(),
        label: v.string(),
        total: count,
        sent: count,
        delivered: count,
        read: count,
        failed: count,
        notReported: statuses,
        subtypeKind: v.optional(v.picklist(SUBTYPE_KINDS)),
      }),
    ),
    notApplicable: filterFields,
  }),
);

export const BroadcastsResponseSchema = exactly<BroadcastsResponse>()(
  v.object({
    total: count,
    broadcasts: v.array(v.object({ id: v.string(), name: v.string(), sentAt: instant, count })),
    notApplicable: filterFields,
  }),
);

export const MessagesResponseSchema = exactly<MessagesResponse>()(
  v.object({
    kind: v.picklist(MESSAGE_KINDS),
    total: count,
    cap: count,
    nextCursor: v.nullable(v.string()),
    rows: v.array(
      v.object({
        id: v.string(),
        timestamp: instant,
        contact: namedRef,
        channel: v.object({ id: v.string(), name: v.string(), kind: v.string() }),
        content: v.string(),
        // Outgoing and failed rows only.
        source: v.optional(v.picklist(SOURCES)),
        user: v.optional(v.nullable(namedRef)),
        type: v.optional(v.picklist(MESSAGE_TYPES)),
        subtype: v.optional(v.nullable(v.string())),
        broadcast: v.optional(v.nullable(namedRef)),
        deliveredAt: v.optional(v.nullable(instant)),
        readAt: v.optional(v.nullable(instant)),
        // Failed rows only.
        error: v.optional(v.object({ code: v.string(), message: v.string() })),
      }),
    ),
  }),
);

export const OptionsResponseSchema = exactly<OptionsResponse>()(
  v.object({
    field: v.picklist(FILTER_FIELDS),
    options: v.array(
      v.object({
        value: v.string(),
        label: v.string(),
        // Channel options only.
        kind: v.optional(v.string()),
        reports: v.optional(statuses),
      }),
    ),
  }),
);

export const ProblemSchema = exactly<Problem>()(
  v.object({
    type: v.optional(v.string()),
    title: v.optional(v.string()),
    status: v.optional(v.pipe(v.number(), v.integer())),
    detail: v.optional(v.string()),
    instance: v.optional(v.string()),
    invalidParams: v.optional(v.array(v.object({ name: v.string(), reason: v.string() }))),
  }),
);

/**
 * `GET /capabilities`. Tolerant as the rest, and a little more: a capability that is not a
 * boolean where one is expected reads as not offered, rather than failing the whole answer.
 */
export const CapabilitiesSchema = exactly<Capabilities>()(
  v.object({
    export: v.optional(
      v.object({
        messages: v.optional(v.fallback(v.boolean(), false)),
      }),
    ),
  }),
);
