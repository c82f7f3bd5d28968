/**
 * What a chart's PNG says under its title: the days and time zone of the report it shows, and its
 * filters by name — so an image passed around on its own still tells what it counts.
 */
import type { ReportDataSource } from '../../core/client/data-source.js';
import { FILTER_FIELDS, type FilterField, type Filters } from '../../core/contract/types.js';
import type { ReportState } from '../../core/query/report-state.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { enumLabel, formatPlain, isEnumField } from '../filters/report-filters.model.js';

/** Most values an options lookup returns: the same bound the filters' chips use. */
const LOOKUP_LIMIT = 200;

/**
 * The names of the values of `filters`: ours for enumerations, the endpoint's for the rest (one
 * `/options` lookup per field), the value itself when the endpoint does not know it or fails.
 */
async function valueNames(lang: Lang, filters: Filters, source: ReportDataSource | undefined): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    FILTER_FIELDS.map(async (field) => {
      const values = filters[field] ?? [];
      if (values.length === 0) return;
      if (isEnumField(field)) {
        for (const value of values) names.set(`${field}:${value}`, enumLabel(lang, field, value) ?? value);
        return;
      }
      try {
        const answer = await source?.options({ field, limit: LOOKUP_LIMIT });
        for (const option of answer?.options ?? []) names.set(`${field}:${option.value}`, option.label);
      } catch {
        // The image still names the filter, by the value's id.
      }
    }),
  );
  return names;
}

/** `Canal: WhatsApp Ventas, SMS Cobranza`, for each filtered field, in the filters' order. */
function describeFilters(lang: Lang, filters: Filters, names: ReadonlyMap<string, string>): string[] {
  return FILTER_FIELDS.filter((field: FilterField) => (filters[field]?.length ?? 0) > 0).map(
    (field) =>
      `${translate(lang, `field.${field}`)}: ${(filters[field] ?? []).map((value) => names.get(`${field}:${value}`) ?? value).join(', ')}`,
  );
}

/**
 * The lines under the title: `24 nov 2026 – 30 nov 2026 · Zona horaria: America/Mexico_City`, then
 * `Filtros: Canal: WhatsApp Ventas · Tipo de mensaje saliente: Sesión` when the report is filtered.
 */
export async function exportCaption(lang: Lang, state: ReportState, source: ReportDataSource | undefined): Promise<string[]> {
  const lines: string[] = [];
  const zone = translate(lang, 'zone.label', { zone: state.timezone });
  const days = state.resolved;
  lines.push(
    days
      ? `${translate(lang, 'filters.days', { from: formatPlain(lang, days.firstDay), to: formatPlain(lang, days.lastDay) })} · ${zone}`
      : zone,
  );
  const filtered = describeFilters(lang, state.filters, await valueNames(lang, state.filters, source));
  if (filtered.length > 0) lines.push(translate(lang, 'export.filters', { filters: filtered.join(' · ') }));
  return lines;
}
