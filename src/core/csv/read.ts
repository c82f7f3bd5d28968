/**
 * A strict RFC 4180 reader: CRLF-terminated records, fields quoted with `"` and `""` inside. It
 * reads back exactly what `toCsv` writes (a leading BOM is skipped) and rejects anything looser,
 * so tests and servers can check a file's structure, not just its bytes.
 */
import { BOM } from './csv.js';

/** The records of `text`, each a list of fields. @throws SyntaxError on malformed input. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** Whether anything of the current record has been read (an empty quoted field counts). */
  let open = false;
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`msg-report: CSV ${what} at character ${i}`);
  };
  while (i < source.length) {
    const char = source.charAt(i);
    if (char === '"' && field === '') {
      open = true;
      i++;
      for (;;) {
        if (i >= source.length) fail('has an unterminated quoted field');
        if (source[i] === '"') {
          if (source[i + 1] !== '"') break;
          i++;
        }
        field += source.charAt(i++);
      }
      i++;
      const next = source[i];
      if (next !== undefined && next !== ',' && !(next === '\r' && source[i + 1] === '\n')) fail('has text after a closing quote');
    } else if (char === ',') {
      record.push(field);
      field = '';
      open = true;
      i++;
    } else if (char === '\r' && source[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      open = false;
      i += 2;
    } else if (char === '\r' || char === '\n' || char === '"') {
      fail('has a bare line break or quote in an unquoted field');
    } else {
      field += char;
      open = true;
      i++;
    }
  }
  if (open) fail('does not end its last record with CRLF');
  return records;
}
