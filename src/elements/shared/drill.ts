/**
 * The elements' side of "see these messages" (src/core/query/drill.ts): the words for a drill, the
 * chip a list shows while narrowed to one, and opening or closing one through the report's store
 * (the single write path, so `msg-state-change` and `sync-url` follow it as any person's change).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKind } from '../../core/contract/types.js';
import type { Drill } from '../../core/query/drill.js';
import type { ReportStore } from '../../core/store/report-store.js';
import { formatDay, formatTimeOfDay } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A bucket in words: `24 nov 2026, 10:00–11:00` (an hour), `24 nov 2026` (a day), or a span of days. */
export function describeWindow(lang: Lang, timeZone: string, from: string, to: string): string {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (end - start <= HOUR_MS)
    return `${formatDay(lang, timeZone, start)}, ${formatTimeOfDay(lang, timeZone, start)}–${formatTimeOfDay(lang, timeZone, end)}`;
  const first = formatDay(lang, timeZone, start);
  // 25 hours on the day clocks go back: still one day.
  const last = formatDay(lang, timeZone, end - 1);
  return first === last || end - start < DAY_MS ? first : `${first} – ${last}`;
}

/** What a drill narrows to, in words: `WhatsApp Ventas · 24 nov 2026, 10:00–11:00 · Leídos`. */
export function describeDrill(lang: Lang, timeZone: string, drill: Drill): string {
  const parts: string[] = [];
  if (drill.group) parts.push(drill.group.label);
  if (drill.window) parts.push(describeWindow(lang, timeZone, drill.window.from, drill.window.to));
  if (drill.status) parts.push(translate(lang, `drill.status.${drill.status}`));
  return parts.join(' · ');
}

/** Whether a list of `kind` can honour `drill`: incoming messages have no status, source, type or broadcast. */
export function listHonours(kind: MessageKind, drill: Drill): boolean {
  if (kind !== 'incoming') return true;
  const field = drill.group?.field;
  return drill.status === undefined && field !== 'source' && field !== 'type' && field !== 'broadcast';
}

/** A person's "see these messages": the lists narrow to `drill`, on top of the report's filters. */
export function openDrill(store: ReportStore | undefined, drill: Drill): void {
  store?.change({ drill });
}

/** The one action that restores the lists (the chip's ×, Escape, or Back with `sync-url`). */
export function closeDrill(store: ReportStore | undefined): void {
  if (store?.state.drill) store.change({ drill: null });
}

/** The chip a narrowed list shows above its rows: what it shows, and × to show everything again. */
export function renderDrillChip(
  lang: Lang,
  timeZone: string,
  drill: Drill | undefined,
  onClear: () => void,
): TemplateResult | typeof nothing {
  if (!drill) return nothing;
  return html`<p class="drill-chip" part="drill-chip">
    <span>${translate(lang, 'drill.showing', { what: describeDrill(lang, timeZone, drill) })}</span>
    <button
      type="button"
      part="drill-clear"
      aria-label=${translate(lang, 'drill.clear')}
      title=${translate(lang, 'drill.clear')}
      @click=${onClear}
    >
      <span aria-hidden="true">×</span>
    </button>
  </p>`;
}

/** The "See messages" button of a tile: keyboard-reachable, named for what it shows. */
export function renderDrillButton(lang: Lang, what: string, onDrill: () => void): TemplateResult {
  return html`<button
    type="button"
    class="drill-see"
    part="drill-see"
    aria-label=${translate(lang, 'drill.seeLabel', { what })}
    @click=${onDrill}
  >
    ${translate(lang, 'drill.see')}
  </button>`;
}
