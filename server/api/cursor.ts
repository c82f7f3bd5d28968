/**
 * The opaque paging cursor of `GET /messages`, in two layers:
 *
 * - the **position** the stores read and write (the reference engine and the SQL report): base64url
 *   of a small JSON object with the last row's key (timestamp, id), how many rows were already
 *   returned (for the 10,000-row cap), and the kind and order it was made for;
 * - the **signed cursor** the router hands out and takes back: `<position>.<mac>`, where `mac` is an
 *   HMAC-SHA256 (Web Crypto) over the position and the query it belongs to — the workspace, kind,
 *   order, range and filters. A cursor whose position was edited (say, `n` set back to 1 to page
 *   past the cap), that another secret signed, or that was issued for another query or workspace,
 *   fails the check and is answered 400. The limit and the time zone are not bound: they do not
 *   change which rows come next.
 */
import { FILTER_FIELDS, MESSAGE_KINDS, ORDERS, type MessageKind, type MessagesParams, type Order } from '../../src/core/contract/types.js';

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

/** base64url (no padding) of bytes. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text, or `undefined` when it is not base64url. */
export function base64UrlToBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function fromBase64Url(text: string): string | undefined {
  if (text === '') return undefined;
  const bytes = base64UrlToBytes(text);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A position, as the stores write it. */
export function encodeCursor(state: CursorState): string {
  const wire: Wire = { v: 1, t: state.ts, i: state.id, n: state.returned, k: state.kind, o: state.order };
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(wire)));
}

/** The position's state, or `undefined` when it is not one this implementation made. */
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
  // An id is an id: no control characters (a NUL would reach the database).
  if (typeof w.i !== 'string' || w.i === '' || w.i.length > 256 || /\p{Cc}/u.test(w.i)) return undefined;
  if (typeof w.n !== 'number' || !Number.isSafeInteger(w.n) || w.n < 1) return undefined;
  if (!(MESSAGE_KINDS as readonly unknown[]).includes(w.k)) return undefined;
  if (!(ORDERS as readonly unknown[]).includes(w.o)) return undefined;
  return { ts: w.t, id: w.i, returned: w.n, kind: w.k as MessageKind, order: w.o as Order };
}

// ---- signing -----------------------------------------------------------------------------------

/** Signs and checks cursors; the default is {@link hmacCursorSigner}. Hosts may inject their own (a KMS, say). */
export interface CursorSigner {
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** Whether `mac` is `data`'s signature; in constant time. */
  verify(data: Uint8Array, mac: Uint8Array): Promise<boolean>;
}

/** Bytes of an HMAC-SHA256 signature: base64url of 32 bytes is 43 characters. */
const MAC_BYTES = 32;
const MAC_CHARS = 43;
/** The shortest secret accepted: 32 bytes (256 bits), as long as the hash. */
export const MIN_CURSOR_SECRET_BYTES = 32;

/** Why a secret cannot sign cursors, or `undefined` when it can. */
export function cursorSecretProblem(secret: string | Uint8Array): string | undefined {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (bytes.length < MIN_CURSOR_SECRET_BYTES)
    return `the cursor secret must be at least ${MIN_CURSOR_SECRET_BYTES} bytes long (it has ${bytes.length}); generate one with: openssl rand -base64 48`;
  return undefined;
}

/** 32 random bytes for a new secret (crypto.getRandomValues: every runtime has it, secure context or not). */
export function randomCursorSecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(MIN_CURSOR_SECRET_BYTES));
}

/**
 * HMAC-SHA256 with `secret` (a string is taken as its UTF-8 bytes) through Web Crypto
 * (`crypto.subtle`: Node, Deno, edge runtimes, and browsers in a secure context — https or
 * localhost — which is where the mocks run). Throws at once for a secret shorter than 32 bytes.
 */
export function hmacCursorSigner(secret: string | Uint8Array): CursorSigner {
  const problem = cursorSecretProblem(secret);
  if (problem) throw new RangeError(problem.charAt(0).toUpperCase() + problem.slice(1));
  const raw = typeof secret === 'string' ? new TextEncoder().encode(secret) : Uint8Array.from(secret);
  let key: Promise<CryptoKey> | undefined;
  const keyOf = (): Promise<CryptoKey> => {
    if (typeof crypto === 'undefined' || typeof crypto.subtle === 'undefined') {
      return Promise.reject(
        new Error('Signing cursors needs Web Crypto (crypto.subtle); a browser offers it only in a secure context (https or localhost)'),
      );
    }
    key ??= crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    return key;
  };
  return {
    async sign(data) {
      return new Uint8Array(await crypto.subtle.sign('HMAC', await keyOf(), Uint8Array.from(data)));
    },
    async verify(data, mac) {
      return crypto.subtle.verify('HMAC', await keyOf(), Uint8Array.from(mac), Uint8Array.from(data));
    },
  };
}

/**
 * What a cursor is bound to: the workspace and every parameter that decides which rows come next
 * (kind, order, the normalised range, the filters as sets, the status).
 */
export function cursorBinding(
  workspace: string,
  params: Pick<MessagesParams, 'kind' | 'order' | 'from' | 'to' | 'filters' | 'status'>,
): string {
  const filters = FILTER_FIELDS.map((field) => [...new Set(params.filters[field] ?? [])].sort());
  const binding: unknown[] = [workspace, params.kind, params.order ?? 'desc', params.from, params.to, filters];
  // Appended only when present, so cursors of unfiltered lists stay valid across this change.
  if (params.status !== undefined) binding.push(params.status);
  return JSON.stringify(binding);
}

function signedBytes(position: string, binding: string): Uint8Array {
  return new TextEncoder().encode(`msg-report cursor 1\n${binding}\n${position}`);
}

/** The signed cursor for `position` in the query `binding` describes. */
export async function signCursor(signer: CursorSigner, position: string, binding: string): Promise<string> {
  const mac = await signer.sign(signedBytes(position, binding));
  return `${position}.${bytesToBase64Url(mac)}`;
}

/** A signed cursor's two parts, or `undefined` when it is not shaped like one. */
export function splitSignedCursor(cursor: string): { position: string; mac: Uint8Array } | undefined {
  const dot = cursor.indexOf('.');
  if (dot <= 0 || cursor.length - dot - 1 !== MAC_CHARS) return undefined;
  const mac = base64UrlToBytes(cursor.slice(dot + 1));
  if (!mac || mac.length !== MAC_BYTES) return undefined;
  return { position: cursor.slice(0, dot), mac };
}

/**
 * The position inside `cursor` when `signer` signed it for the query `binding` describes;
 * `undefined` for anything else (edited, signed with another secret, another query or workspace).
 */
export async function openSignedCursor(signer: CursorSigner, cursor: string, binding: string): Promise<string | undefined> {
  const parts = splitSignedCursor(cursor);
  if (!parts) return undefined;
  return (await signer.verify(signedBytes(parts.position, binding), parts.mac)) ? parts.position : undefined;
}
