/**
 * The elements' side of "see these messages" (src/core/query/drill.ts): the words for a drill, the
 * chip a list shows while narrowed to one, and opening or closing one through the report's store
 * (the single write path, so `msg-state-change` and `sync-url` follow it as any person's change).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKind } from '../../core/contract/types.js';
import type { Drill, DrillMisfit } from '../../core/query/drill.js';
import type { InputProblem } from '../../core/query/report-state.js';
import type { ReportStore } from '../../core/store/report-store.js';
import { formatDay, formatTimeOfDay } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { enumValueLabel } from '../../i18n/value-labels.js';

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
  // A source or type is ours to name, in the report's language; a channel, user or template keeps
  // the name the endpoint gave when the person drilled (a saved link carries it).
  if (drill.group) parts.push(enumValueLabel(lang, drill.group.field, drill.group.value) ?? drill.group.label);
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

/**
 * The control each report's drill was opened from (a tile's button, a chart), so that closing the
 * chip gives it focus back. Weakly held: a report or a control gone from the page is forgotten.
 */
const origins = new WeakMap<ReportStore, WeakRef<HTMLElement>>();

/** The element that has focus, through open shadow roots (`document.activeElement` stops at a host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A person's "see these messages" from `origin`: the lists narrow to `drill`, on top of the report's filters. */
export function openDrill(store: ReportStore | undefined, drill: Drill, origin?: HTMLElement): void {
  if (!store) return;
  if (origin) origins.set(store, new WeakRef(origin));
  else origins.delete(store);
  store.change({ drill });
}

/**
 * The one action that restores the lists (the chip's ×, Escape, or Back with `sync-url`). With a
 * `fallback` (the chip's list, whose × is about to go), focus goes back to the control the drill
 * was opened from when it is still on the page, else to `fallback`, never to the page's body.
 */
export function closeDrill(store: ReportStore | undefined, fallback?: HTMLElement): void {
  if (!store?.state.drill) return;
  const origin = origins.get(store)?.deref();
  origins.delete(store);
  store.change({ drill: null });
  if (!fallback) return;
  if (origin?.isConnected) origin.focus();
  // A control hidden or disabled since takes no focus: the list does.
  if (deepActiveElement() !== origin) fallback.focus();
}

/**
 * The chip's × (or Escape on it) in the list rendered in `root`: focus goes back to the control the
 * drill was opened from, else to the list's heading, its rows, or the list itself.
 */
export function closeDrillInList(store: ReportStore | undefined, root: ParentNode): void {
  let fallback = root.querySelector<HTMLElement>('[part~="title"]') ?? root.querySelector<HTMLElement>('[part~="scroller"]');
  if (!fallback) {
    // No heading (no-heading) and no rows: the section itself, focusable from script only.
    fallback = root.querySelector<HTMLElement>('[part~="base"]');
    fallback?.setAttribute('tabindex', '-1');
  }
  closeDrill(store, fallback ?? undefined);
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
      @keydown=${(event: KeyboardEvent) => {
        // Escape on the × closes the chip here, so focus is placed as a click places it.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClear();
      }}
    >
      <span aria-hidden="true">×</span>
    </button>
  </p>`;
}

const MISFITS: readonly string[] = ['drillOutsideRange', 'drillClipped', 'drillOutsideFilters'] satisfies DrillMisfit[];

/**
 * What a list says when the drill it was given (a link, a saved state) did not fit the report:
 * a period outside the range or across its edge, a group outside the filters. It stands while
 * the state holds the problem, that is until a person changes the range, filters or drill.
 */
export function renderDrillMisfits(lang: Lang, problems: readonly InputProblem[]): TemplateResult | typeof nothing {
  const misfits = problems.filter((problem) => MISFITS.includes(problem.code));
  if (misfits.length === 0) return nothing;
  return html`<p class="drill-note" part="drill-note" role="status">
    ${misfits.map((problem) => translate(lang, `drill.misfit.${problem.code as DrillMisfit}`)).join(' ')}
  </p>`;
}

/** The "See messages" button of a tile: keyboard-reachable, named for what it shows. */
export function renderDrillButton(lang: Lang, what: string, onDrill: (origin: HTMLElement) => void): TemplateResult {
  return html`<button
    type="button"
    class="drill-see"
    part="drill-see"
    aria-label=${translate(lang, 'drill.seeLabel', { what })}
    @click=${(event: Event) => onDrill(event.currentTarget as HTMLElement)}
  >
    ${translate(lang, 'drill.see')}
  </button>`;
}
