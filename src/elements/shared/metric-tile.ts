/**
 * The parts of a metric tile the breakdown and the delivery line share: under the count, its share
 * ("42 % del total") and its change against the period compared with (an arrow, a colour and a
 * sentence for screen readers); above the tiles, the note that says which period that is.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CompareParams } from '../../core/contract/types.js';
import { describePeriod } from '../../core/query/comparison.js';
import { localDate } from '../../core/query/zoned-time.js';
import { formatChange, formatPercent } from '../../i18n/format.js';
import { formatPeriod } from '../../i18n/format-period.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';

/** The period a request compared with, in words; `undefined` when it compared with none. */
export function comparedPeriodText(lang: Lang, request: CompareParams & { tz: string }, now: number): string | undefined {
  if (request.compareFrom === undefined || request.compareTo === undefined) return undefined;
  const period = describePeriod(Date.parse(request.compareFrom), Date.parse(request.compareTo), request.tz);
  return formatPeriod(lang, period, localDate(now, request.tz));
}

/** What a tile shows under its count: its share of the total (none for the total) and its change. */
export interface TileFigures {
  readonly count: number;
  readonly share?: number | undefined;
  readonly previousCount?: number | undefined;
  /** For failures: a fall is good news. */
  readonly lowerIsBetter?: boolean;
}

/**
 * The line under a tile's count: "42 % del total" and the change, side by side, wrapping onto two
 * lines when the tile is narrow (two columns on a phone).
 */
export function renderTileDetails(lang: Lang, figures: TileFigures, period: string): TemplateResult | typeof nothing {
  const share =
    figures.share === undefined
      ? nothing
      : html`<span class="metric-share">${translate(lang, 'metric.share', { share: formatPercent(lang, figures.share) })}</span>`;
  const change = renderChange(lang, figures.count, figures.previousCount, period, figures.lowerIsBetter);
  if (share === nothing && change === nothing) return nothing;
  return html`<span class="metric-details">${share}${change}</span>`;
}

/**
 * The change from `previous` to `count`: `▲ +12,3 %` in green (red when `lowerIsBetter`, as for
 * failures), `▼ −4 %` the other way, `0 %` in grey; screen readers hear "aumentó 12,3 % frente a
 * ayer hasta las 10:00". Nothing when the period compared with has no such messages.
 */
function renderChange(
  lang: Lang,
  count: number,
  previous: number | undefined,
  period: string,
  lowerIsBetter = false,
): TemplateResult | typeof nothing {
  if (!previous) return nothing;
  const change = (count - previous) / previous;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const tone = direction === 'flat' ? 'neutral' : (direction === 'up') !== lowerIsBetter ? 'good' : 'bad';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
  const spoken = translate(lang, `compare.${direction}`, { change: formatPercent(lang, Math.abs(change)), period });
  return html`<span class="metric-change ${direction} ${tone}" part="change" title=${spoken}
    ><span aria-hidden="true"><span class="arrow">${arrow}</span>${formatChange(lang, change)}</span
    ><span class="visually-hidden">${spoken}</span></span
  >`;
}

/**
 * Above the tiles: which period the changes compare with, or that it has no data (then the tiles
 * show no change).
 */
export function renderCompareNote(lang: Lang, period: string | undefined, hasData: boolean): TemplateResult | typeof nothing {
  if (!period) return nothing;
  return html`<p class="compare-note" part="compare-note">${translate(lang, hasData ? 'compare.note' : 'compare.noData', { period })}</p>`;
}
