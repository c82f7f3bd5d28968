/**
 * The DOM-free CSV writer (src/core/csv): RFC 4180 quoting and CRLF, the BOM, formula-injection
 * neutralisation, and instants written with their UTC offset in a zone.
 */
import { expect } from 'chai';
import { BOM, csvBytes, csvField, csvRecord, isFormulaLike, toCsv } from '../../src/core/csv/csv.js';
import { formatIsoWithOffset } from '../../src/core/csv/zoned-iso.js';
import { parseCsv } from '../../src/core/csv/read.js';
import { HOSTILE_NAMES, HOSTILE_TEXTS } from '../../reference/dataset/vocabulary.js';

describe('CSV writer (core)', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling inner quotes', () => {
    expect(csvField('plain text')).to.equal('plain text');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\r\nlines')).to.equal('"two\r\nlines"');
    expect(csvField('lf\nonly')).to.equal('"lf\nonly"');
    expect(csvField('')).to.equal('');
    expect(csvField(null)).to.equal('');
    expect(csvField(undefined)).to.equal('');
    expect(csvField(42)).to.equal('42');
    expect(csvField(-5), 'numbers are data, never neutralised').to.equal('-5');
    expect(csvField(Number.NaN)).to.equal('');
  });

  it('writes records with CRLF after each, header first, padding short rows', () => {
    const text = toCsv(['a', 'b', 'c'], [['1', '2', '3'], ['x']]);
    expect(text).to.equal('a,b,c\r\n1,2,3\r\nx,,\r\n');
    expect(toCsv(undefined, [])).to.equal('');
    expect(csvRecord(['a', 'b,c'])).to.equal('a,"b,c"');
  });

  it('starts with a UTF-8 byte-order mark only when asked', () => {
    expect(toCsv(['h'], [['ñ']], { bom: true })).to.equal(`${BOM}h\r\nñ\r\n`);
    const bytes = csvBytes(toCsv(['h'], [['ñ']], { bom: true }));
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3)]).to.deep.equal([0x68, 0x0d, 0x0a, 0xc3, 0xb1, 0x0d, 0x0a]);
    expect(toCsv(['h'], [['x']]).startsWith(BOM)).to.equal(false);
  });

  it('neutralises every cell a spreadsheet would evaluate with a leading apostrophe', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+52 55 1234 5678', "'+52 55 1234 5678"],
      ['-Luis Ortega', "'-Luis Ortega"],
      ['@SUM(1+1)', "'@SUM(1+1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', `"'\r=1+1"`],
      ['\n=1+1', `"'\n=1+1"`],
      ['\uFF1D1+1', "'\uFF1D1+1"],
      ['=HYPERLINK("https://evil.example","x")', `"'=HYPERLINK(""https://evil.example"",""x"")"`],
      ['a=1', 'a=1'],
      ["it's", "it's"],
    ];
    for (const [input, expected] of cases) expect(csvField(input), JSON.stringify(input)).to.equal(expected);
    expect(csvField('=1+1', { neutralizeFormulas: false })).to.equal('=1+1');
    expect(isFormulaLike('')).to.equal(false);
  });

  it('round-trips every hostile string: parsed back it is the text, with an apostrophe before a formula', () => {
    const values = [...HOSTILE_TEXTS, ...HOSTILE_NAMES];
    const text = toCsv(
      ['value'],
      values.map((value) => [value]),
      { bom: true },
    );
    const records = parseCsv(text);
    expect(records).to.have.length(values.length + 1);
    values.forEach((value, i) => {
      const cell = records[i + 1]![0]!;
      expect(cell, JSON.stringify(value).slice(0, 60)).to.equal(isFormulaLike(value) ? `'${value}` : value);
      expect(isFormulaLike(cell), 'no cell starts a formula').to.equal(false);
    });
  });

  it('reads back only well-formed RFC 4180', () => {
    expect(parseCsv('a,"b,""c"""\r\n,""\r\n')).to.deep.equal([
      ['a', 'b,"c"'],
      ['', ''],
    ]);
    expect(parseCsv(`${BOM}x\r\n`)).to.deep.equal([['x']]);
    for (const bad of ['a\nb\r\n', 'a"b\r\n', '"a"b\r\n', '"a\r\n', 'a,b', '""']) {
      expect(() => parseCsv(bad), JSON.stringify(bad)).to.throw(SyntaxError);
    }
  });

  it('writes instants as local ISO times with their UTC offset in the zone', () => {
    const instant = Date.parse('2026-11-26T15:04:05Z');
    expect(formatIsoWithOffset(instant, 'America/Mexico_City')).to.equal('2026-11-26T09:04:05-06:00');
    expect(formatIsoWithOffset('2026-11-26T16:49:51.943Z', 'America/Mexico_City')).to.equal('2026-11-26T10:49:51.943-06:00');
    expect(formatIsoWithOffset(instant, 'UTC')).to.equal('2026-11-26T15:04:05+00:00');
    expect(formatIsoWithOffset(instant, 'Asia/Kathmandu')).to.equal('2026-11-26T20:49:05+05:45');
    // Madrid around its fall-back (25 Oct 2026, 03:00 CEST → 02:00 CET at 01:00Z): both 02:30s.
    expect(formatIsoWithOffset('2026-10-25T00:30:00Z', 'Europe/Madrid')).to.equal('2026-10-25T02:30:00+02:00');
    expect(formatIsoWithOffset('2026-10-25T01:30:00Z', 'Europe/Madrid')).to.equal('2026-10-25T02:30:00+01:00');
    // Every output names the same instant again.
    for (const zone of ['America/Mexico_City', 'Europe/Madrid', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      expect(Date.parse(formatIsoWithOffset(instant, zone)), zone).to.equal(instant);
    }
    // Local mean time (Mexico City before 1922: −06:36:36) has no ISO offset: written in UTC.
    expect(formatIsoWithOffset('1900-01-01T12:00:00Z', 'America/Mexico_City')).to.equal('1900-01-01T12:00:00Z');
    expect(() => formatIsoWithOffset('not a date', 'UTC')).to.throw(RangeError);
  });
});
