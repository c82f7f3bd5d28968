/**
 * Colour by key (SPEC: "Colour means one thing"). A channel, source, type, subtype or status
 * takes a colour *slot* decided by what it is, never by its rank: statuses, sources and types
 * have fixed slots; a channel takes a shade of its kind's family (WhatsApp greens, Facebook
 * blues, Instagram pinks…) picked by a hash of its key; a subtype, or a channel of an unknown
 * kind, takes one of 16 general slots by the same hash. Two keys of one set that hash alike are
 * told apart by probing to the next free slot, in key order, so a set of up to 16 groups never
 * repeats a colour and a filter that only reorders the groups changes nobody's colour.
 *
 * Slots are theme-independent names (`c3`, `whatsapp-2`, `other`); each theme gives each slot a
 * colour through a `--msg-color-*` custom property (see {@link SLOT_COLORS}). DOM-free.
 */
import { MESSAGE_TYPES, SOURCES, STATUSES, type GroupBy, type MessageType, type Source, type Status } from '../../core/contract/types.js';

/** How many general slots there are: `c1` … `c16`. */
export const GENERAL_SLOTS = 16;

/**
 * Channel kinds with a family of their own, and how many shades each has. Messenger channels
 * belong to the Facebook family.
 */
export const CHANNEL_FAMILIES = {
  whatsapp: 4,
  facebook: 4,
  instagram: 4,
  telegram: 3,
  webchat: 3,
  email: 3,
  sms: 3,
  google_business: 3,
  line: 3,
  viber: 3,
} as const;
export type ChannelFamily = keyof typeof CHANNEL_FAMILIES;

/** The slot of "Other": the groups too small to draw, summed. Always neutral grey. */
export const OTHER_SLOT = 'other';

const general = (n: number) => `c${n}`;

/** Fixed slots: the statuses as the delivery line always drew them, sources and types apart. */
const STATUS_SLOTS: Record<Status, string> = { sent: 'c1', delivered: 'c2', read: 'c5', failed: 'c4' };
const SOURCE_SLOTS: Record<Source, string> = {
  user: 'c1',
  bot: 'c5',
  broadcast: 'c3',
  workflow: 'c6',
  api: 'c10',
  zapier: 'c9',
  echo: 'c11',
};
/** Message tags and templates in their platforms' families. */
const TYPE_SLOTS: Record<MessageType, string> = { session: 'c5', facebook_message_tag: 'facebook-1', whatsapp_template: 'whatsapp-1' };

/** Light and dark default of every slot: `[light, dark]`, dark ones lighter for a dark surface. */
export const SLOT_COLORS: Readonly<Record<string, readonly [string, string]>> = {
  c1: ['#2563eb', '#60a5fa'],
  c2: ['#16a34a', '#4ade80'],
  c3: ['#d97706', '#fbbf24'],
  c4: ['#dc2626', '#f87171'],
  c5: ['#7c3aed', '#a78bfa'],
  c6: ['#0891b2', '#22d3ee'],
  c7: ['#db2777', '#f472b6'],
  c8: ['#65a30d', '#a3e635'],
  c9: ['#ea580c', '#fb923c'],
  c10: ['#4f46e5', '#818cf8'],
  c11: ['#0d9488', '#2dd4bf'],
  c12: ['#c026d3', '#e879f9'],
  c13: ['#a16207', '#eab308'],
  c14: ['#9333ea', '#c084fc'],
  c15: ['#0369a1', '#38bdf8'],
  c16: ['#be123c', '#fb7185'],
  'whatsapp-1': ['#16a34a', '#4ade80'],
  'whatsapp-2': ['#166534', '#22c55e'],
  'whatsapp-3': ['#22c55e', '#86efac'],
  'whatsapp-4': ['#15803d', '#16a34a'],
  'facebook-1': ['#2563eb', '#60a5fa'],
  'facebook-2': ['#1e40af', '#3b82f6'],
  'facebook-3': ['#3b82f6', '#93c5fd'],
  'facebook-4': ['#1d4ed8', '#2563eb'],
  'instagram-1': ['#db2777', '#f472b6'],
  'instagram-2': ['#9d174d', '#ec4899'],
  'instagram-3': ['#ec4899', '#f9a8d4'],
  'instagram-4': ['#be185d', '#db2777'],
  'telegram-1': ['#0284c7', '#38bdf8'],
  'telegram-2': ['#075985', '#0ea5e9'],
  'telegram-3': ['#0ea5e9', '#7dd3fc'],
  'webchat-1': ['#7c3aed', '#a78bfa'],
  'webchat-2': ['#5b21b6', '#8b5cf6'],
  'webchat-3': ['#8b5cf6', '#c4b5fd'],
  'email-1': ['#475569', '#94a3b8'],
  'email-2': ['#1e293b', '#cbd5e1'],
  'email-3': ['#64748b', '#a5b4fc'],
  'sms-1': ['#b45309', '#fbbf24'],
  'sms-2': ['#92400e', '#f59e0b'],
  'sms-3': ['#d97706', '#fcd34d'],
  'google_business-1': ['#ea580c', '#fb923c'],
  'google_business-2': ['#c2410c', '#f97316'],
  'google_business-3': ['#f97316', '#fdba74'],
  'line-1': ['#65a30d', '#a3e635'],
  'line-2': ['#3f6212', '#84cc16'],
  'line-3': ['#84cc16', '#bef264'],
  'viber-1': ['#9333ea', '#c084fc'],
  'viber-2': ['#6b21a8', '#a855f7'],
  'viber-3': ['#a855f7', '#d8b4fe'],
  [OTHER_SLOT]: ['#9ca3af', '#6b7280'],
};

/** Every slot name, in a stable order. */
export const SLOTS: readonly string[] = Object.keys(SLOT_COLORS);

/**
 * The public custom property of a slot: `--msg-color-1` … `--msg-color-16` for the general ones,
 * `--msg-color-whatsapp-1` for a family shade, `--msg-color-other`.
 */
export function slotProperty(slot: string): string {
  return `--msg-color-${slot.replace(/^c(\d+)$/, '$1').replace('_', '-')}`;
}

/** Words a channel's name shows its kind by, for backends whose breakdown sends no kind. */
const KIND_WORDS: readonly (readonly [ChannelFamily, RegExp])[] = [
  ['whatsapp', /whats\s?app|\bwa\b/],
  ['facebook', /facebook|messenger|\bfb\b/],
  ['instagram', /instagram|\big\b/],
  ['telegram', /telegram/],
  ['viber', /viber/],
  ['google_business', /google/],
  ['line', /\bline\b/],
  ['sms', /\bsms\b|\bsmss?\b|mensajes? de texto|text messag/],
  ['email', /e-?mail|correo|\bmail\b/],
  ['webchat', /chat|\bweb\b|sitio|site/],
];

/** The family of a channel: its kind when known, else what its name says, else none. */
export function channelFamily(kind: string | undefined, name: string): ChannelFamily | undefined {
  const known = kind === 'messenger' ? 'facebook' : kind;
  if (known && known in CHANNEL_FAMILIES) return known as ChannelFamily;
  const text = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return KIND_WORDS.find(([, words]) => words.test(text))?.[0];
}

/** FNV-1a: a small, stable hash of a key. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `count` slots named by `name(1…count)`, starting at the key's hash and wrapping round. */
function rotation(key: string, count: number, name: (n: number) => string): string[] {
  const start = hash(key) % count;
  return Array.from({ length: count }, (_, i) => name(((start + i) % count) + 1));
}

/** One group to colour: its key, and for channels the kind and name that place it in a family. */
export interface Colourable {
  readonly key: string;
  readonly label?: string;
  readonly kind?: string;
}

/** The slots a group may take, best first. */
function candidates(dimension: GroupBy | 'status', item: Colourable): string[] {
  const { key } = item;
  const fixed =
    dimension === 'status' && (STATUSES as readonly string[]).includes(key)
      ? STATUS_SLOTS[key as Status]
      : dimension === 'source' && (SOURCES as readonly string[]).includes(key)
        ? SOURCE_SLOTS[key as Source]
        : dimension === 'type' && (MESSAGE_TYPES as readonly string[]).includes(key)
          ? TYPE_SLOTS[key as MessageType]
          : undefined;
  if (fixed) return [fixed];
  const generalSlots = rotation(key, GENERAL_SLOTS, general);
  const family = dimension === 'channel' ? channelFamily(item.kind, item.label ?? '') : undefined;
  return family ? [...rotation(key, CHANNEL_FAMILIES[family], (n) => `${family}-${n}`), ...generalSlots] : generalSlots;
}

/**
 * The slot of each group of one set (all the groups an answer holds, drawn or not, so every chart
 * of it agrees). `otherKey` names the "Other" entry, which is always {@link OTHER_SLOT}.
 */
export function assignSlots(dimension: GroupBy | 'status', items: readonly Colourable[], otherKey?: string): Map<string, string> {
  const slots = new Map<string, string>();
  const used = new Set<string>();
  // Fixed slots first, then key order, not rank: a filter that reorders the groups leaves every
  // colour where it was.
  const ordered = items
    .filter((item) => item.key !== otherKey)
    .map((item) => ({ key: item.key, options: candidates(dimension, item) }))
    .sort((a, b) => a.options.length - b.options.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, options } of ordered) {
    const slot = options.find((option) => !used.has(option)) ?? options[0] ?? general(1);
    used.add(slot);
    slots.set(key, slot);
  }
  if (otherKey !== undefined) slots.set(otherKey, OTHER_SLOT);
  return slots;
}

/** The slot of a status: fixed, so the delivery line, its legend and its table always agree. */
export function statusSlot(status: Status): string {
  return STATUS_SLOTS[status];
}
