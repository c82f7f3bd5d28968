/**
 * The opaque paging cursor of `GET /messages`: base64url of a small JSON object carrying the last
 * row's key (timestamp, id), how many rows were already returned (for the 10,000-row cap), and the
 * kind and order it was made for (a cursor from another listing is rejected, never misread).
 */
import { MESSAGE_KINDS, ORDERS, type MessageKind, type Order } from '../../src/core/contract/types.js';

export interface CursorState {
  /** The last returned row's timestamp, epoch ms. */
  ts: number;
  /** The last returned row's id. */
  id: string;
  /** Rows returned so far in this paging sequence. */
  returned: number;
  kind: MessageKind;
  order: Order;
}

interface Wire {
  v: 1;
  t: number;
  i: string;
  n: number;
  k: MessageKind;
  o: Order;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function encodeCursor(state: CursorState): string {
  const wire: Wire = { v: 1, t: state.ts, i: state.id, n: state.returned, k: state.kind, o: state.order };
  return toBase64Url(JSON.stringify(wire));
}

/** The cursor's state, or `undefined` when it is not one this implementation made. */
export function decodeCursor(cursor: string): CursorState | undefined {
  const json = fromBase64Url(cursor);
  if (json === undefined) return undefined;
  let wire: unknown;
  try {
    wire = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null) return undefined;
  const w = wire as Partial<Record<keyof Wire, unknown>>;
  if (w.v !== 1) return undefined;
  if (typeof w.t !== 'number' || !Number.isSafeInteger(w.t)) return undefined;
  if (typeof w.i !== 'string' || w.i === '') return undefined;
  if (typeof w.n !== 'number' || !Number.isSafeInteger(w.n) || w.n < 1) return undefined;
  if (!(MESSAGE_KINDS as readonly unknown[]).includes(w.k)) return undefined;
  if (!(ORDERS as readonly unknown[]).includes(w.o)) return undefined;
  return { ts: w.t, id: w.i, returned: w.n, kind: w.k as MessageKind, order: w.o as Order };
}
