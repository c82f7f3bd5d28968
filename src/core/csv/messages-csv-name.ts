/**
 * The name a message list's CSV saves under. A module of its own so a list can name its file
 * without loading the CSV writer, which it loads only when a person downloads (issue 11).
 */
import type { MessageKind } from '../contract/types.js';
import { formatPlainDate, type PlainDate } from '../query/zoned-time.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';

/** `mensajes-salientes-2026-11-20_2026-11-26.csv`: the list and its local days, in the report's language. */
export function messagesCsvFileName(kind: MessageKind, lang: Lang, firstDay: PlainDate, lastDay: PlainDate): string {
  const name = translate(lang, `table.fileName.${kind}`);
  return `${name}-${formatPlainDate(firstDay)}_${formatPlainDate(lastDay)}.csv`;
}
