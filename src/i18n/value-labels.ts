/**
 * Our label for a value the contract enumerates — a source (`broadcast` → "Broadcast",
 * "Transmisión") or a message type — in the report's language. Other values (channels, users,
 * subtypes, broadcasts) are names the endpoint sends, so this gives `undefined` for them and for a
 * value the contract does not list, and the caller shows the endpoint's name.
 */
import { MESSAGE_TYPES, SOURCES, type MessageType, type Source } from '../core/contract/types.js';
import type { Lang } from './locales.js';
import { translate } from './translate.js';

export function enumValueLabel(lang: Lang, field: string, value: string): string | undefined {
  if (field === 'source' && (SOURCES as readonly string[]).includes(value)) return translate(lang, `source.${value as Source}`);
  if (field === 'type' && (MESSAGE_TYPES as readonly string[]).includes(value)) return translate(lang, `type.${value as MessageType}`);
  return undefined;
}
