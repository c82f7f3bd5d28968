/**
 * How a person chose to see the report, beside what it queries: the grouping of the outgoing
 * breakdown and the time order of each list. Part of the report's state, so that they are saved,
 * restored from a link and announced like the range. Checked here, at the boundary.
 */
import { GROUP_BYS, MESSAGE_KINDS, ORDERS, type GroupBy, type MessageKind, type Order } from '../contract/types.js';

/** The time order a person picked for each list (`{ failed: 'asc' }`); a list not named keeps its own. */
export type ListOrder = Readonly<Partial<Record<MessageKind, Order>>>;

export function isGroupBy(value: unknown): value is GroupBy {
  return (GROUP_BYS as readonly unknown[]).includes(value);
}

/** Checks a list order: keeps each valid list's order, and names what it dropped (plain English). */
export function parseListOrder(value: unknown): { listOrder: ListOrder; dropped: string[] } {
  const dropped: string[] = [];
  const listOrder: Partial<Record<MessageKind, Order>> = {};
  if (value === undefined || value === null) return { listOrder: Object.freeze(listOrder), dropped };
  if (typeof value !== 'object' || Array.isArray(value)) {
    dropped.push(`listOrder must map lists (${MESSAGE_KINDS.join(', ')}) to ${ORDERS.join(' or ')}`);
    return { listOrder: Object.freeze(listOrder), dropped };
  }
  for (const [kind, order] of Object.entries(value)) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) dropped.push(`unknown list ${JSON.stringify(kind)} in listOrder`);
    else if (!(ORDERS as readonly unknown[]).includes(order)) dropped.push(`unknown order ${JSON.stringify(order)} for the ${kind} list`);
    else listOrder[kind as MessageKind] = order as Order;
  }
  return { listOrder: Object.freeze(listOrder), dropped };
}
