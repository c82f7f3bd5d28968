/**
 * Compile-time check, no runtime code: the hand-written contract types in `types.ts` are the same
 * types as those `openapi-typescript` generates from `openapi.yaml` (`openapi.gen.ts`). If the
 * document and the hand-written types drift apart — a field added, dropped, renamed, made optional
 * or nullable, an enum value changed — `tsc -p tsconfig.json` fails on the line below that names
 * the type. Fix whichever side is wrong, then `npm run contract:types`.
 *
 * "Same" is checked twice: mutual assignability (what a caller feels) and type identity (which
 * also catches an optional field missing on one side, which assignability alone lets through).
 */
import type { components, operations } from './openapi.gen.js';
import type {
  ActivityResponse,
  BreakdownGroup,
  BreakdownTrendBucket,
  BreakdownTrendResponse,
  BreakdownResponse,
  Broadcast,
  BroadcastsResponse,
  Capabilities,
  ChannelKind,
  ChannelRef,
  DeliveryBreakdownGroup,
  DeliveryBreakdownResponse,
  DeliveryBucket,
  DeliveryGroupBy,
  DeliveryResponse,
  DeliveryTotals,
  Direction,
  FilterField,
  FilterOption,
  GroupBy,
  Interval,
  KnownChannelKind,
  MessageError,
  MessageKind,
  MessageStatus,
  MessageRow,
  MessagesExportParams,
  MessagesResponse,
  MessageType,
  NamedRef,
  OptionsResponse,
  Order,
  Problem,
  Source,
  Status,
  SubtypeKind,
} from './types.js';

type Schemas = components['schemas'];

/** True when `A` and `B` are identical types. */
// The compiler compares these two generic signatures by identity, which is what makes the test
// exact; T is meant to appear once.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** True when each of `A` and `B` is assignable to the other. */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Both, so the error names the failing pair. */
type Same<A, B> = MutuallyAssignable<A, B> extends true ? Equals<A, B> : false;
/** Compiles only for `true`. */
type Assert<T extends true> = T;

type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** One line per contract type; the tuple is exported only so `noUnusedLocals` keeps quiet. */
export type ContractTypeChecks = [
  // responses
  Assert<Same<BreakdownResponse, Schemas['BreakdownResponse']>>,
  Assert<Same<BreakdownGroup, Schemas['BreakdownGroup']>>,
  Assert<Same<DeliveryResponse, Schemas['DeliveryResponse']>>,
  Assert<Same<DeliveryTotals, Schemas['DeliveryTotals']>>,
  Assert<Same<DeliveryBucket, Schemas['DeliveryBucket']>>,
  Assert<Same<DeliveryBreakdownResponse, Schemas['DeliveryBreakdownResponse']>>,
  Assert<Same<DeliveryBreakdownGroup, Schemas['DeliveryBreakdownGroup']>>,
  Assert<Same<DeliveryGroupBy, Schemas['DeliveryGroupBy']>>,
  Assert<Same<MessagesResponse, Schemas['MessagesResponse']>>,
  Assert<Same<BroadcastsResponse, Schemas['BroadcastsResponse']>>,
  Assert<Same<Broadcast, Schemas['Broadcast']>>,
  Assert<Same<MessageRow, Schemas['MessageRow']>>,
  Assert<Same<NamedRef, Schemas['NamedRef']>>,
  Assert<Same<ChannelRef, Schemas['ChannelRef']>>,
  Assert<Same<MessageError, Schemas['MessageError']>>,
  Assert<Same<OptionsResponse, Schemas['OptionsResponse']>>,
  Assert<Same<FilterOption, Schemas['FilterOption']>>,
  Assert<Same<Problem, Schemas['Problem']>>,
  // value lists
  Assert<Same<Direction, Schemas['Direction']>>,
  Assert<Same<Source, Schemas['Source']>>,
  Assert<Same<MessageType, Schemas['MessageType']>>,
  Assert<Same<SubtypeKind, Schemas['SubtypeKind']>>,
  Assert<Same<Status, Schemas['Status']>>,
  Assert<Same<KnownChannelKind, Schemas['KnownChannelKind']>>,
  Assert<Same<ChannelKind, Schemas['ChannelKind']>>,
  Assert<Same<FilterField, Schemas['FilterField']>>,
  Assert<Same<GroupBy, Schemas['GroupBy']>>,
  Assert<Same<Interval, Schemas['Interval']>>,
  Assert<Same<MessageKind, Schemas['MessageKind']>>,
  Assert<Same<MessageStatus, Schemas['MessageStatus']>>,
  Assert<Same<Order, Schemas['Order']>>,
  // the row variants are MessageRow with more fields required
  Assert<MutuallyAssignable<Schemas['IncomingMessageRow'], MessageRow>>,
  Assert<[Schemas['OutgoingMessageRow']] extends [MessageRow] ? true : false>,
  Assert<[Schemas['FailedMessageRow']] extends [MessageRow] ? true : false>,
  // parameters that take the value lists, and the filter parameters
  Assert<Same<Query<'getBreakdown'>['direction'], Direction>>,
  Assert<Same<Query<'getBreakdown'>['groupBy'], GroupBy>>,
  Assert<Same<NonNullable<Query<'getBreakdown'>['compareFrom']>, string>>,
  Assert<Same<NonNullable<Query<'getDelivery'>['compareTo']>, string>>,
  Assert<Same<Query<'getDelivery'>['interval'], Interval>>,
  Assert<Same<Query<'getDeliveryBreakdown'>['groupBy'], DeliveryGroupBy>>,
  Assert<Same<Exclude<keyof Query<'getDeliveryBreakdown'>, 'from' | 'to' | 'tz' | 'groupBy'>, FilterField>>,
  Assert<Same<Query<'listMessages'>['kind'], MessageKind>>,
  Assert<Same<NonNullable<Query<'listMessages'>['status']>, MessageStatus>>,
  Assert<Same<NonNullable<Query<'listMessages'>['order']>, Order>>,
  Assert<Same<operations['listOptions']['parameters']['path']['field'], FilterField>>,
  Assert<
    Same<Exclude<keyof Query<'getBreakdown'>, 'from' | 'to' | 'tz' | 'direction' | 'groupBy' | 'compareFrom' | 'compareTo'>, FilterField>
  >,
  Assert<Same<Exclude<keyof Query<'getDelivery'>, 'from' | 'to' | 'tz' | 'interval' | 'compareFrom' | 'compareTo'>, FilterField>>,
  Assert<Same<Exclude<keyof Query<'getBroadcasts'>, 'from' | 'to' | 'tz' | 'limit'>, FilterField>>,
  Assert<Same<Exclude<keyof Query<'listMessages'>, 'from' | 'to' | 'tz' | 'kind' | 'status' | 'limit' | 'cursor' | 'order'>, FilterField>>,
  Assert<Same<NonNullable<Query<'listMessages'>['source']>, Source[]>>,
  Assert<Same<NonNullable<Query<'listMessages'>['type']>, MessageType[]>>,
  // Data Export: the capabilities, and the export's query (the list's, plus lang, less paging)
  Assert<Same<Capabilities, Schemas['Capabilities']>>,
  Assert<Same<NonNullable<MessagesExportParams['lang']>, Schemas['Lang']>>,
  Assert<Same<Query<'exportMessages'>['kind'], MessageKind>>,
  Assert<Same<NonNullable<Query<'exportMessages'>['order']>, Order>>,
  Assert<Same<Exclude<keyof Query<'exportMessages'>, 'from' | 'to' | 'tz' | 'kind' | 'status' | 'order' | 'lang'>, FilterField>>,
  // trends per group and when people write (issue 12)
  Assert<Same<BreakdownTrendResponse, Schemas['BreakdownTrendResponse']>>,
  Assert<Same<BreakdownTrendBucket, Schemas['BreakdownTrendBucket']>>,
  Assert<Same<ActivityResponse, Schemas['ActivityResponse']>>,
  Assert<Same<Query<'getBreakdownTrend'>['interval'], Interval>>,
  Assert<Same<Query<'getActivity'>['direction'], Direction>>,
  Assert<Same<Exclude<keyof Query<'getBreakdownTrend'>, 'from' | 'to' | 'tz' | 'direction' | 'groupBy' | 'interval' | 'top'>, FilterField>>,
  Assert<Same<Exclude<keyof Query<'getActivity'>, 'from' | 'to' | 'tz' | 'direction'>, FilterField>>,
];
