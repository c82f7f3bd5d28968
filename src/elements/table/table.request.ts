/**
 * What `<msg-table>` asks of the endpoint: its attributes, checked, and the first page of the
 * report's query it requests with them — in the order a person picked, narrowed to a drill.
 */
import * as v from 'valibot';
import { MESSAGE_KINDS, ORDERS, type MessageKind, type Order, type ReportQuery } from '../../core/contract/types.js';
import { drillQuery } from '../../core/query/drill.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import { oneOf } from '../shared/problems.js';
import type { ListingParams } from './table.listing.js';
import { MAX_PAGE_SIZE, MIN_PAGE_SIZE } from './table.types.js';

/** The list's attributes and what each accepts (`checkAttributes`). */
export const TABLE_ATTRIBUTES = {
  kind: oneOf('kind', MESSAGE_KINDS),
  order: oneOf('order', ORDERS),
  pageSize: {
    name: 'page-size',
    schema: v.pipe(v.number(), v.integer(), v.minValue(MIN_PAGE_SIZE), v.maxValue(MAX_PAGE_SIZE)),
    allowed: `${MIN_PAGE_SIZE}–${MAX_PAGE_SIZE}`,
  },
};

/** The list's attributes, checked. */
export interface TableConfig {
  readonly kind: MessageKind;
  readonly order: Order;
  readonly pageSize: number;
}

/** What the list asks: the first page of one query, in one order. */
export interface ListRequest {
  readonly params: ListingParams;
  readonly pageSize: number;
}

/** The order shown: a person's pick for this kind of list in the report, else the `order` attribute. */
export function listOrder(state: ReportSnapshot | undefined, config: TableConfig): Order {
  return state?.listOrder[config.kind] ?? config.order;
}

/** The report's query, narrowed to the drill a person opened from a figure ("see these messages"), if any. */
export function listRequest(query: ReportQuery, config: TableConfig, state: ReportSnapshot): ListRequest {
  const drill = state.drill;
  const params: ListingParams = { ...drillQuery(query, drill), kind: config.kind, order: listOrder(state, config) };
  if (drill?.status) params.status = drill.status;
  return { params, pageSize: config.pageSize };
}
