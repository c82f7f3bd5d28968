/** CSV writing, DOM-free: RFC 4180, CRLF, optional BOM, formula-injection safe. */
export {
  BOM,
  CRLF,
  CSV_MEDIA_TYPE,
  csvBytes,
  csvField,
  csvRecord,
  isFormulaLike,
  neutralizeFormula,
  toCsv,
  type CsvFieldOptions,
  type CsvOptions,
  type CsvValue,
} from './csv.js';
export { formatIsoWithOffset } from './zoned-iso.js';
export { parseCsv } from './read.js';
