/**
 * A small CSV writer: RFC 4180 fields and records, CRLF line breaks, an optional UTF-8 byte-order
 * mark for spreadsheets, and formula-injection neutralisation.
 *
 * DOM-free: strings in, a string (or bytes) out; runs in browsers, workers and Node.
 *
 * Why neutralise: a spreadsheet opening a CSV evaluates any cell that starts with `=`, `+`, `-` or
 * `@` as a formula (and some also after a leading tab or line break), so a contact named
 * `=HYPERLINK(…)` would run in the reader's spreadsheet. RFC 4180 quoting does not prevent it (the
 * quotes are removed before evaluation). Such cells get a leading apostrophe, the OWASP
 * recommendation, which spreadsheets show as text and hide.
 */

/** The byte-order mark that makes Excel read a CSV as UTF-8. */
export const BOM = '\uFEFF';

/** RFC 4180's record separator. */
export const CRLF = '\r\n';

/**
 * First characters that make a spreadsheet treat a cell as a formula: `=`, `+`, `-`, `@`, tab,
 * carriage return and line feed, and their full-width forms (which some East Asian locales of
 * Excel evaluate too).
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** A cell's value: text, a number, or nothing (an empty field). */
export type CsvValue = string | number | null | undefined;

export interface CsvFieldOptions {
  /**
   * Prefix text cells that a spreadsheet would evaluate with an apostrophe. Default `true`.
   * Numbers are never prefixed: `-5` is data, not a formula.
   */
  neutralizeFormulas?: boolean;
}

export interface CsvOptions extends CsvFieldOptions {
  /** Start with a UTF-8 byte-order mark, for spreadsheets. Default `false`. */
  bom?: boolean;
}

/** Whether a spreadsheet would evaluate `text` as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGERS.has(text.charAt(0));
}

/** Text that a spreadsheet shows as `text` and never evaluates. */
export function neutralizeFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * One field: neutralised when it would be a formula, then enclosed in double quotes (with inner
 * quotes doubled) when it holds a comma, a double quote, a carriage return or a line feed.
 */
export function csvField(value: CsvValue, options: CsvFieldOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Non-finite numbers have no CSV spelling a spreadsheet reads back; leave the cell empty.
    return Number.isFinite(value) ? String(value) : '';
  }
  const text = options.neutralizeFormulas === false ? value : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line break. */
export function csvRecord(values: readonly CsvValue[], options: CsvFieldOptions = {}): string {
  return values.map((value) => csvField(value, options)).join(',');
}

/**
 * A whole file: the header record (when given) and every row, each ended by CRLF. Every record
 * has the header's field count, as RFC 4180 asks; a shorter row is padded with empty fields.
 */
export function toCsv(header: readonly string[] | undefined, rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const width = header?.length;
  const lines: string[] = [];
  if (header) lines.push(csvRecord(header, options));
  for (const row of rows) {
    const padded = width !== undefined && row.length < width ? [...row, ...new Array<CsvValue>(width - row.length).fill('')] : row;
    lines.push(csvRecord(padded, options));
  }
  const body = lines.length > 0 ? lines.join(CRLF) + CRLF : '';
  return options.bom ? BOM + body : body;
}

/** The UTF-8 bytes of `csv` (a BOM in the text becomes EF BB BF). */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}

/** The media type of CSV files (RFC 4180 §3), with the charset this writer produces. */
export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';
