/**
 * Calendar math in IANA zones (src/core/query/zoned-time.ts), pinned on real DST days.
 *
 * Every expected instant below is worked out by hand from the zone's rules and written as an ISO
 * string; the comments give the reasoning. The rules were checked against this Chromium's ICU
 * (tz data in Chromium 156): they match the 2026 rules quoted in each comment.
 *
 * Zone facts used throughout (2026):
 * - America/Santiago: −03 in summer, −04 in winter. DST ends Sat 4 Apr at 24:00 −03 (= Sun 5 Apr
 *   03:00Z), clocks go back to Sat 23:00 −04. DST starts Sat 5 Sep at 24:00 −04 (= Sun 6 Sep
 *   04:00Z), clocks jump to Sun 01:00 −03, so Sunday 6 Sep has no midnight.
 * - America/New_York: EST −05 / EDT −04; springs 02:00 → 03:00 on Sun 8 Mar (07:00Z), falls
 *   02:00 → 01:00 on Sun 1 Nov (06:00Z).
 * - Europe/Madrid: CET +01 / CEST +02; springs 02:00 → 03:00 on Sun 29 Mar (01:00Z), falls
 *   03:00 → 02:00 on Sun 25 Oct (01:00Z).
 * - America/Mexico_City: −06 all year (DST abolished in October 2022).
 * - Asia/Kolkata +05:30 and Asia/Kathmandu +05:45, no DST.
 * - Australia/Lord_Howe: +11 in summer, +10:30 in winter (a half-hour DST shift); falls 02:00 →
 *   01:30 on Sun 5 Apr (15:00Z on 4 Apr), springs 02:00 → 02:30 on Sun 4 Oct (15:30Z on 3 Oct).
 */
import { expect } from 'chai';
import {
  addDays,
  bucketCount,
  bucketStart,
  bucketStarts,
  compareDates,
  daysBetween,
  firstOfMonth,
  formatPlainDate,
  isoWeekday,
  isValidTimeZone,
  localDate,
  localParts,
  nextBucketStart,
  offsetAt,
  parsePlainDate,
  startOfDay,
  type PlainDate,
} from '../../src/core/query/zoned-time.js';
import type { Interval } from '../../src/core/contract/types.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const SANTIAGO = 'America/Santiago';
const NEW_YORK = 'America/New_York';
const MADRID = 'Europe/Madrid';
const MEXICO = 'America/Mexico_City';
const KOLKATA = 'Asia/Kolkata';
const KATHMANDU = 'Asia/Kathmandu';
const LORD_HOWE = 'Australia/Lord_Howe';

/** An instant from a hand-written ISO string. */
const at = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bad ISO string in test: ${text}`);
  return ms;
};
/** Canonical ISO form, so failures print readable instants. */
const iso = (instant: number): string => new Date(instant).toISOString();
const isoAll = (texts: readonly string[]): string[] => texts.map((text) => iso(at(text)));
const day = (text: string): PlainDate => {
  const [year, month, dayOfMonth] = text.split('-').map(Number);
  return { year: year!, month: month!, day: dayOfMonth! };
};

/**
 * The local wall-clock "HH:MM" of an instant, read by the test itself with its own Intl formatter
 * (not through the module under test).
 */
function wallClock(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('hour')}:${get('minute')}`;
}

describe('zoned-time', () => {
  describe('the runtime tz data this suite relies on', () => {
    // If Chromium's ICU ever disagrees with the rules quoted at the top, fail loudly here rather
    // than in a hundred dependent assertions.
    const offsetName = (instant: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(instant)
        .find((part) => part.type === 'timeZoneName')!.value;
    const cases: Array<[string, string, string, string]> = [
      [SANTIAGO, '2026-04-05T02:59:59Z', 'GMT-03:00', 'GMT-04:00'],
      [SANTIAGO, '2026-09-06T03:59:59Z', 'GMT-04:00', 'GMT-03:00'],
      [NEW_YORK, '2026-03-08T06:59:59Z', 'GMT-05:00', 'GMT-04:00'],
      [NEW_YORK, '2026-11-01T05:59:59Z', 'GMT-04:00', 'GMT-05:00'],
      [MADRID, '2026-03-29T00:59:59Z', 'GMT+01:00', 'GMT+02:00'],
      [MADRID, '2026-10-25T00:59:59Z', 'GMT+02:00', 'GMT+01:00'],
      [LORD_HOWE, '2026-04-04T14:59:59Z', 'GMT+11:00', 'GMT+10:30'],
      [LORD_HOWE, '2026-10-03T15:29:59Z', 'GMT+10:30', 'GMT+11:00'],
    ];
    for (const [zone, lastSecondBefore, before, after] of cases) {
      it(`${zone} changes from ${before} to ${after} one second after ${lastSecondBefore}`, () => {
        expect(offsetName(at(lastSecondBefore), zone)).to.equal(before);
        expect(offsetName(at(lastSecondBefore) + 1000, zone)).to.equal(after);
      });
    }
    it('America/Mexico_City stays at GMT-06:00 through the old April and October change dates', () => {
      for (const text of ['2026-04-05T07:59:59Z', '2026-04-05T08:00:00Z', '2026-10-25T06:59:59Z', '2026-10-25T07:00:00Z']) {
        expect(offsetName(at(text), MEXICO), text).to.equal('GMT-06:00');
      }
    });
  });

  describe('isValidTimeZone', () => {
    it('accepts UTC and real IANA names', () => {
      for (const zone of ['UTC', 'Etc/UTC', SANTIAGO, NEW_YORK, MADRID, MEXICO, KOLKATA, KATHMANDU, LORD_HOWE]) {
        expect(isValidTimeZone(zone), zone).to.equal(true);
      }
    });
    it('accepts IANA backward-compatible links (Asia/Calcutta, US/Eastern)', () => {
      expect(isValidTimeZone('Asia/Calcutta')).to.equal(true);
      expect(isValidTimeZone('US/Eastern')).to.equal(true);
    });
    it("rejects 'Mars/Olympus', the empty string and names with stray spaces", () => {
      expect(isValidTimeZone('Mars/Olympus')).to.equal(false);
      expect(isValidTimeZone('')).to.equal(false);
      expect(isValidTimeZone(' UTC')).to.equal(false);
      expect(isValidTimeZone('America/Santiago ')).to.equal(false);
      expect(isValidTimeZone('America/')).to.equal(false);
    });
    it('rejects non-strings', () => {
      for (const value of [undefined, null, 0, -3, true, {}, [], ['UTC'], new String('UTC'), Symbol('UTC')]) {
        expect(isValidTimeZone(value), typeof value).to.equal(false);
      }
    });
    it("rejects UTC-offset strings ('+05:00', '-03:00'), which are not IANA names", () => {
      // Chromium's Intl accepts offset time zones (ES2024), so a bare `new Intl.DateTimeFormat`
      // check lets them through; the contract's `tz` is an IANA name, and backends such as
      // PostgreSQL read '+05:00' with the POSIX sign (i.e. as UTC−5).
      for (const zone of ['+05:00', '-03:00', '+0530', '-04']) {
        expect(isValidTimeZone(zone), zone).to.equal(false);
      }
    });
    it('stays consistent when asked twice (the formatter cache does not change the answer)', () => {
      expect(isValidTimeZone('Mars/Olympus')).to.equal(false);
      expect(isValidTimeZone('Mars/Olympus')).to.equal(false);
      expect(isValidTimeZone(KATHMANDU)).to.equal(true);
      expect(isValidTimeZone(KATHMANDU)).to.equal(true);
    });
  });

  describe('parsePlainDate and formatPlainDate', () => {
    it('parses real calendar days, including 29 Feb in a leap year', () => {
      expect(parsePlainDate('2026-04-05')).to.deep.equal({ year: 2026, month: 4, day: 5 });
      expect(parsePlainDate('2024-02-29')).to.deep.equal({ year: 2024, month: 2, day: 29 });
      expect(parsePlainDate('2000-02-29')).to.deep.equal({ year: 2000, month: 2, day: 29 });
      expect(parsePlainDate('2026-12-31')).to.deep.equal({ year: 2026, month: 12, day: 31 });
      expect(parsePlainDate('1999-01-01')).to.deep.equal({ year: 1999, month: 1, day: 1 });
    });
    it('rejects days that do not exist', () => {
      for (const text of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
        expect(parsePlainDate(text), text).to.equal(undefined);
      }
    });
    it('rejects anything but strict YYYY-MM-DD', () => {
      for (const text of [
        '2026-1-1',
        '2026-01-1',
        '2026-1-01',
        '26-01-01',
        '20260101',
        '2026/01/01',
        ' 2026-01-01',
        '2026-01-01 ',
        '2026-01-01T00:00',
        '2026-01-01Z',
        '+2026-01-01',
        '２０２６-01-01',
        '',
      ]) {
        expect(parsePlainDate(text), JSON.stringify(text)).to.equal(undefined);
      }
    });
    it('rejects non-strings', () => {
      for (const value of [undefined, null, 20260101, new Date(Date.UTC(2026, 0, 1)), { year: 2026, month: 1, day: 1 }, ['2026-01-01']]) {
        expect(parsePlainDate(value)).to.equal(undefined);
      }
    });
    it('parses years below 100 as themselves (not as 19xx)', () => {
      // Date.UTC maps years 0–99 to 1900–1999; a parser that round-trips through it would turn
      // 0050-06-15 into 1950-06-15 and reject a real (proleptic Gregorian) day.
      expect(parsePlainDate('0050-06-15')).to.deep.equal({ year: 50, month: 6, day: 15 });
      expect(parsePlainDate('0099-12-31')).to.deep.equal({ year: 99, month: 12, day: 31 });
    });
    it('formats with zero padding and round-trips', () => {
      expect(formatPlainDate({ year: 2026, month: 1, day: 5 })).to.equal('2026-01-05');
      expect(formatPlainDate({ year: 2026, month: 12, day: 31 })).to.equal('2026-12-31');
      expect(formatPlainDate({ year: 987, month: 6, day: 7 })).to.equal('0987-06-07');
      for (const text of ['2026-04-05', '2024-02-29', '2026-09-06', '2027-01-01']) {
        expect(formatPlainDate(parsePlainDate(text)!)).to.equal(text);
      }
    });
  });

  describe('plain-date arithmetic', () => {
    it('addDays crosses month and year ends and leap days', () => {
      expect(addDays(day('2026-04-20'), -29)).to.deep.equal(day('2026-03-22'));
      expect(addDays(day('2026-12-31'), 1)).to.deep.equal(day('2027-01-01'));
      expect(addDays(day('2024-02-28'), 1)).to.deep.equal(day('2024-02-29'));
      expect(addDays(day('2026-03-01'), -1)).to.deep.equal(day('2026-02-28'));
      expect(addDays(day('2026-09-06'), 0)).to.deep.equal(day('2026-09-06'));
    });
    it('addDays and daysBetween work in years below 100', () => {
      // 31 Dec 99 + 1 day is 1 Jan 100 (not 1 Jan 2000, which Date.UTC's two-digit years give).
      expect(addDays({ year: 99, month: 12, day: 31 }, 1)).to.deep.equal({ year: 100, month: 1, day: 1 });
      expect(daysBetween({ year: 99, month: 12, day: 31 }, { year: 100, month: 1, day: 1 })).to.equal(1);
    });
    it('firstOfMonth moves whole months, across years', () => {
      expect(firstOfMonth(day('2026-03-31'))).to.deep.equal(day('2026-03-01'));
      expect(firstOfMonth(day('2026-03-31'), -1)).to.deep.equal(day('2026-02-01'));
      expect(firstOfMonth(day('2026-01-15'), -1)).to.deep.equal(day('2025-12-01'));
      expect(firstOfMonth(day('2026-12-15'), 1)).to.deep.equal(day('2027-01-01'));
    });
    it('daysBetween counts calendar days (2024 is a leap year)', () => {
      expect(daysBetween(day('2026-01-01'), day('2026-12-31'))).to.equal(364);
      expect(daysBetween(day('2024-01-01'), day('2024-12-31'))).to.equal(365);
      expect(daysBetween(day('2026-04-20'), day('2026-03-22'))).to.equal(-29);
    });
    it('isoWeekday: Monday 1 … Sunday 7 (1 Jan 2026 is a Thursday)', () => {
      expect(isoWeekday(day('2026-01-01'))).to.equal(4);
      expect(isoWeekday(day('2026-03-08'))).to.equal(7);
      expect(isoWeekday(day('2026-03-09'))).to.equal(1);
      expect(isoWeekday(day('2026-09-05'))).to.equal(6);
    });
    it('compareDates orders by year, then month, then day', () => {
      expect(compareDates(day('2026-04-05'), day('2026-04-05'))).to.equal(0);
      expect(compareDates(day('2026-04-05'), day('2026-04-06'))).to.be.lessThan(0);
      expect(compareDates(day('2026-05-01'), day('2026-04-30'))).to.be.greaterThan(0);
      expect(compareDates(day('2025-12-31'), day('2026-01-01'))).to.be.lessThan(0);
    });
  });

  describe('offsetAt', () => {
    const cases: Array<[string, string, number]> = [
      // [zone, instant, offset in minutes (local − UTC)]
      ['UTC', '2026-06-17T12:00:00Z', 0],
      [SANTIAGO, '2026-04-05T02:59:59Z', -180], // last second of −03 (Sat 23:59:59 −03)
      [SANTIAGO, '2026-04-05T03:00:00Z', -240], // Sat 23:00 −04, the repeated hour begins
      [SANTIAGO, '2026-09-06T03:59:59Z', -240], // Sat 23:59:59 −04
      [SANTIAGO, '2026-09-06T04:00:00Z', -180], // Sun 01:00 −03
      [NEW_YORK, '2026-03-08T06:59:59Z', -300], // 01:59:59 EST
      [NEW_YORK, '2026-03-08T07:00:00Z', -240], // 03:00 EDT
      [NEW_YORK, '2026-11-01T05:59:59Z', -240], // 01:59:59 EDT
      [NEW_YORK, '2026-11-01T06:00:00Z', -300], // 01:00 EST
      [MADRID, '2026-03-29T00:59:59Z', 60], // 01:59:59 CET
      [MADRID, '2026-03-29T01:00:00Z', 120], // 03:00 CEST
      [MADRID, '2026-10-25T00:59:59Z', 120], // 02:59:59 CEST
      [MADRID, '2026-10-25T01:00:00Z', 60], // 02:00 CET
      [MEXICO, '2026-01-15T12:00:00Z', -360],
      [MEXICO, '2026-07-15T12:00:00Z', -360], // no summer time since 2022
      [KOLKATA, '2026-06-17T12:00:00Z', 330],
      [KATHMANDU, '2026-06-17T12:00:00Z', 345],
      [LORD_HOWE, '2026-04-04T14:59:59Z', 660],
      [LORD_HOWE, '2026-04-04T15:00:00Z', 630],
    ];
    for (const [zone, instant, minutes] of cases) {
      it(`${zone} at ${instant} is ${minutes} min`, () => {
        expect(offsetAt(at(instant), zone)).to.equal(minutes * MINUTE);
      });
    }
    it('ignores milliseconds (the offset of 07:00:00.999Z is the offset of 07:00:00Z)', () => {
      expect(offsetAt(at('2026-03-08T07:00:00.999Z'), NEW_YORK)).to.equal(-240 * MINUTE);
      expect(offsetAt(at('2026-03-08T06:59:59.999Z'), NEW_YORK)).to.equal(-300 * MINUTE);
    });
    it('works for instants before 1970 (negative epoch milliseconds)', () => {
      // 1 Jul 1960: New York observed EDT (−04) that summer.
      expect(offsetAt(at('1960-07-01T12:00:00.250Z'), NEW_YORK)).to.equal(-240 * MINUTE);
    });
  });

  describe('localDate and localParts', () => {
    it('reads the local day, not the UTC day, just before and after local midnight', () => {
      // 2026-04-21T03:59:59.999Z is Mon 20 Apr 23:59:59.999 −04 in Santiago; 04:00Z is Tue 00:00.
      expect(localDate(at('2026-04-21T03:59:59.999Z'), SANTIAGO)).to.deep.equal(day('2026-04-20'));
      expect(localDate(at('2026-04-21T04:00:00Z'), SANTIAGO)).to.deep.equal(day('2026-04-21'));
      // 2026-04-20T22:00Z is Tue 21 Apr 00:00 CEST in Madrid: a day ahead of UTC.
      expect(localDate(at('2026-04-20T21:59:59.999Z'), MADRID)).to.deep.equal(day('2026-04-20'));
      expect(localDate(at('2026-04-20T22:00:00Z'), MADRID)).to.deep.equal(day('2026-04-21'));
      // Kathmandu midnight of 17 Jun is 2026-06-16T18:15Z.
      expect(localDate(at('2026-06-16T18:14:59.999Z'), KATHMANDU)).to.deep.equal(day('2026-06-16'));
      expect(localDate(at('2026-06-16T18:15:00Z'), KATHMANDU)).to.deep.equal(day('2026-06-17'));
      // Mexico City −06: 05:59:59Z on 1 Jan 2027 is still 31 Dec 2026.
      expect(localDate(at('2027-01-01T05:59:59Z'), MEXICO)).to.deep.equal(day('2026-12-31'));
    });
    it('gives wall-clock fields, with hour 0 (never 24) at midnight', () => {
      expect(localParts(at('2026-04-21T04:00:00Z'), SANTIAGO)).to.deep.equal({
        year: 2026,
        month: 4,
        day: 21,
        hour: 0,
        minute: 0,
        second: 0,
      });
      // The repeated Santiago hour: 03:30Z on 5 Apr is Sat 4 Apr 23:30 −04.
      expect(localParts(at('2026-04-05T03:30:15Z'), SANTIAGO)).to.deep.equal({
        year: 2026,
        month: 4,
        day: 4,
        hour: 23,
        minute: 30,
        second: 15,
      });
    });
  });

  describe('startOfDay and the length of a day', () => {
    // [zone, local day, start (hand-computed), start of the next day, hours in the day, why]
    const cases: Array<[string, string, string, string, number, string]> = [
      [
        SANTIAGO,
        '2026-04-04',
        '2026-04-04T03:00Z',
        '2026-04-05T04:00Z',
        25,
        'Sat 00:00 −03 = 03:00Z; 23:00–24:00 happens twice; Sun 00:00 −04 = 04:00Z',
      ],
      [SANTIAGO, '2026-04-05', '2026-04-05T04:00Z', '2026-04-06T04:00Z', 24, 'first whole −04 day'],
      [SANTIAGO, '2026-09-05', '2026-09-05T04:00Z', '2026-09-06T04:00Z', 24, 'Sat 00:00 −04; it ends at 24:00 −04 = 04:00Z, the jump'],
      [
        SANTIAGO,
        '2026-09-06',
        '2026-09-06T04:00Z',
        '2026-09-07T03:00Z',
        23,
        'no midnight: Sunday starts 01:00 −03 = 04:00Z; Mon 00:00 −03 = 03:00Z',
      ],
      [SANTIAGO, '2026-09-07', '2026-09-07T03:00Z', '2026-09-08T03:00Z', 24, 'first whole −03 day'],
      [NEW_YORK, '2026-03-08', '2026-03-08T05:00Z', '2026-03-09T04:00Z', 23, '00:00 EST = 05:00Z; next midnight is EDT = 04:00Z'],
      [NEW_YORK, '2026-11-01', '2026-11-01T04:00Z', '2026-11-02T05:00Z', 25, '00:00 EDT = 04:00Z; next midnight is EST = 05:00Z'],
      [
        MADRID,
        '2026-03-29',
        '2026-03-28T23:00Z',
        '2026-03-29T22:00Z',
        23,
        '00:00 CET = 23:00Z the day before; next midnight CEST = 22:00Z',
      ],
      [
        MADRID,
        '2026-10-25',
        '2026-10-24T22:00Z',
        '2026-10-25T23:00Z',
        25,
        '00:00 CEST = 22:00Z the day before; next midnight CET = 23:00Z',
      ],
      [MEXICO, '2026-04-05', '2026-04-05T06:00Z', '2026-04-06T06:00Z', 24, 'the old DST start date, now a plain −06 day'],
      [MEXICO, '2026-10-25', '2026-10-25T06:00Z', '2026-10-26T06:00Z', 24, 'the old DST end date, now a plain −06 day'],
      [KOLKATA, '2026-06-17', '2026-06-16T18:30Z', '2026-06-17T18:30Z', 24, '00:00 +05:30'],
      [KATHMANDU, '2026-06-17', '2026-06-16T18:15Z', '2026-06-17T18:15Z', 24, '00:00 +05:45'],
      [LORD_HOWE, '2026-04-05', '2026-04-04T13:00Z', '2026-04-05T13:30Z', 24.5, '00:00 +11 = 13:00Z; next midnight +10:30 = 13:30Z'],
      [LORD_HOWE, '2026-10-04', '2026-10-03T13:30Z', '2026-10-04T13:00Z', 23.5, '00:00 +10:30 = 13:30Z; next midnight +11 = 13:00Z'],
      ['UTC', '2026-03-08', '2026-03-08T00:00Z', '2026-03-09T00:00Z', 24, 'UTC has no DST'],
    ];
    for (const [zone, date, start, nextStart, hours, why] of cases) {
      it(`${zone} ${date} starts at ${start} and lasts ${hours} h (${why})`, () => {
        const today = day(date);
        const from = startOfDay(today, zone);
        const to = startOfDay(addDays(today, 1), zone);
        expect(iso(from)).to.equal(iso(at(start)));
        expect(iso(to)).to.equal(iso(at(nextStart)));
        expect(to - from).to.equal(hours * HOUR);
        expect(localDate(from, zone)).to.deep.equal(today);
        expect(localDate(from - 1, zone)).to.deep.equal(addDays(today, -1));
      });
    }
    it('Pacific/Apia skipped Fri 30 Dec 2011: that day is empty and starts with the 31st', () => {
      // Samoa jumped from Thu 29 Dec 2011 24:00 −10 (= 30 Dec 10:00Z) straight to Sat 31 Dec 00:00 +14.
      const apia = 'Pacific/Apia';
      expect(iso(startOfDay(day('2011-12-29'), apia))).to.equal(iso(at('2011-12-29T10:00Z')));
      expect(iso(startOfDay(day('2011-12-30'), apia))).to.equal(iso(at('2011-12-30T10:00Z')));
      expect(iso(startOfDay(day('2011-12-31'), apia))).to.equal(iso(at('2011-12-30T10:00Z')));
      expect(iso(startOfDay(day('2012-01-01'), apia))).to.equal(iso(at('2011-12-31T10:00Z')));
    });
  });

  describe('hour buckets on DST days and in offset-with-minutes zones', () => {
    /** All hour buckets of one local day, and each bucket's local wall-clock label. */
    function hoursOf(date: string, zone: string) {
      const from = startOfDay(day(date), zone);
      const to = startOfDay(addDays(day(date), 1), zone);
      const starts = bucketStarts(from, to, zone, 'hour');
      return { starts, count: bucketCount(from, to, zone, 'hour'), labels: starts.map((start) => wallClock(start, zone)) };
    }
    const labels = (hours: readonly number[], minute = '00') => hours.map((hour) => `${String(hour).padStart(2, '0')}:${minute}`);
    const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

    it('New York, Sun 8 Mar 2026: 23 buckets, 02:00 missing', () => {
      // 00:00 EST = 05:00Z; 01:00 EST = 06:00Z; at 07:00Z the clock reads 03:00 EDT; the day ends
      // at Mon 00:00 EDT = 04:00Z, so the buckets are every UTC hour 05:00Z … 03:00Z (next day).
      const { starts, count, labels: local } = hoursOf('2026-03-08', NEW_YORK);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-03-08T05:00Z',
          '2026-03-08T06:00Z',
          '2026-03-08T07:00Z',
          '2026-03-08T08:00Z',
          '2026-03-08T09:00Z',
          '2026-03-08T10:00Z',
          '2026-03-08T11:00Z',
          '2026-03-08T12:00Z',
          '2026-03-08T13:00Z',
          '2026-03-08T14:00Z',
          '2026-03-08T15:00Z',
          '2026-03-08T16:00Z',
          '2026-03-08T17:00Z',
          '2026-03-08T18:00Z',
          '2026-03-08T19:00Z',
          '2026-03-08T20:00Z',
          '2026-03-08T21:00Z',
          '2026-03-08T22:00Z',
          '2026-03-08T23:00Z',
          '2026-03-09T00:00Z',
          '2026-03-09T01:00Z',
          '2026-03-09T02:00Z',
          '2026-03-09T03:00Z',
        ]),
      );
      expect(local).to.deep.equal(labels([0, 1, ...range(3, 23)]));
      expect(count).to.equal(23);
    });
    it('New York, Sun 1 Nov 2026: 25 buckets, 01:00 twice (EDT, then EST)', () => {
      // 00:00 EDT = 04:00Z, 01:00 EDT = 05:00Z, 01:00 EST = 06:00Z, 02:00 EST = 07:00Z … 23:00 EST = 04:00Z.
      const { starts, count, labels: local } = hoursOf('2026-11-01', NEW_YORK);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-11-01T04:00Z',
          '2026-11-01T05:00Z',
          '2026-11-01T06:00Z',
          '2026-11-01T07:00Z',
          '2026-11-01T08:00Z',
          '2026-11-01T09:00Z',
          '2026-11-01T10:00Z',
          '2026-11-01T11:00Z',
          '2026-11-01T12:00Z',
          '2026-11-01T13:00Z',
          '2026-11-01T14:00Z',
          '2026-11-01T15:00Z',
          '2026-11-01T16:00Z',
          '2026-11-01T17:00Z',
          '2026-11-01T18:00Z',
          '2026-11-01T19:00Z',
          '2026-11-01T20:00Z',
          '2026-11-01T21:00Z',
          '2026-11-01T22:00Z',
          '2026-11-01T23:00Z',
          '2026-11-02T00:00Z',
          '2026-11-02T01:00Z',
          '2026-11-02T02:00Z',
          '2026-11-02T03:00Z',
          '2026-11-02T04:00Z',
        ]),
      );
      expect(local).to.deep.equal(labels([0, 1, 1, ...range(2, 23)]));
      expect(count).to.equal(25);
    });
    it('Madrid, Sun 29 Mar 2026: 23 buckets, 02:00 missing', () => {
      // 00:00 CET = 23:00Z (28 Mar), 01:00 CET = 00:00Z, then 01:00Z is 03:00 CEST … 23:00 CEST = 21:00Z.
      const { starts, count, labels: local } = hoursOf('2026-03-29', MADRID);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-03-28T23:00Z',
          '2026-03-29T00:00Z',
          '2026-03-29T01:00Z',
          '2026-03-29T02:00Z',
          '2026-03-29T03:00Z',
          '2026-03-29T04:00Z',
          '2026-03-29T05:00Z',
          '2026-03-29T06:00Z',
          '2026-03-29T07:00Z',
          '2026-03-29T08:00Z',
          '2026-03-29T09:00Z',
          '2026-03-29T10:00Z',
          '2026-03-29T11:00Z',
          '2026-03-29T12:00Z',
          '2026-03-29T13:00Z',
          '2026-03-29T14:00Z',
          '2026-03-29T15:00Z',
          '2026-03-29T16:00Z',
          '2026-03-29T17:00Z',
          '2026-03-29T18:00Z',
          '2026-03-29T19:00Z',
          '2026-03-29T20:00Z',
          '2026-03-29T21:00Z',
        ]),
      );
      expect(local).to.deep.equal(labels([0, 1, ...range(3, 23)]));
      expect(count).to.equal(23);
    });
    it('Madrid, Sun 25 Oct 2026: 25 buckets, 02:00 twice (CEST, then CET)', () => {
      // 00:00 CEST = 22:00Z (24 Oct), 02:00 CEST = 00:00Z, 02:00 CET = 01:00Z, 23:00 CET = 22:00Z.
      const { starts, count, labels: local } = hoursOf('2026-10-25', MADRID);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-10-24T22:00Z',
          '2026-10-24T23:00Z',
          '2026-10-25T00:00Z',
          '2026-10-25T01:00Z',
          '2026-10-25T02:00Z',
          '2026-10-25T03:00Z',
          '2026-10-25T04:00Z',
          '2026-10-25T05:00Z',
          '2026-10-25T06:00Z',
          '2026-10-25T07:00Z',
          '2026-10-25T08:00Z',
          '2026-10-25T09:00Z',
          '2026-10-25T10:00Z',
          '2026-10-25T11:00Z',
          '2026-10-25T12:00Z',
          '2026-10-25T13:00Z',
          '2026-10-25T14:00Z',
          '2026-10-25T15:00Z',
          '2026-10-25T16:00Z',
          '2026-10-25T17:00Z',
          '2026-10-25T18:00Z',
          '2026-10-25T19:00Z',
          '2026-10-25T20:00Z',
          '2026-10-25T21:00Z',
          '2026-10-25T22:00Z',
        ]),
      );
      expect(local).to.deep.equal(labels([0, 1, 2, 2, ...range(3, 23)]));
      expect(count).to.equal(25);
    });
    it('Santiago, Sat 4 Apr 2026: 25 buckets, 23:00 twice (−03, then −04)', () => {
      // 00:00 −03 = 03:00Z; 23:00 −03 = 02:00Z (5 Apr); 23:00 −04 = 03:00Z; the day ends 04:00Z.
      const { starts, count, labels: local } = hoursOf('2026-04-04', SANTIAGO);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-04-04T03:00Z',
          '2026-04-04T04:00Z',
          '2026-04-04T05:00Z',
          '2026-04-04T06:00Z',
          '2026-04-04T07:00Z',
          '2026-04-04T08:00Z',
          '2026-04-04T09:00Z',
          '2026-04-04T10:00Z',
          '2026-04-04T11:00Z',
          '2026-04-04T12:00Z',
          '2026-04-04T13:00Z',
          '2026-04-04T14:00Z',
          '2026-04-04T15:00Z',
          '2026-04-04T16:00Z',
          '2026-04-04T17:00Z',
          '2026-04-04T18:00Z',
          '2026-04-04T19:00Z',
          '2026-04-04T20:00Z',
          '2026-04-04T21:00Z',
          '2026-04-04T22:00Z',
          '2026-04-04T23:00Z',
          '2026-04-05T00:00Z',
          '2026-04-05T01:00Z',
          '2026-04-05T02:00Z',
          '2026-04-05T03:00Z',
        ]),
      );
      expect(local).to.deep.equal(labels([...range(0, 23), 23]));
      expect(count).to.equal(25);
    });
    it('Santiago, Sun 6 Sep 2026: 23 buckets, from 01:00 (midnight never happens)', () => {
      // The day starts 01:00 −03 = 04:00Z and ends Mon 00:00 −03 = 03:00Z, so 23 hours 01 … 23.
      const { starts, count, labels: local } = hoursOf('2026-09-06', SANTIAGO);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-09-06T04:00Z',
          '2026-09-06T05:00Z',
          '2026-09-06T06:00Z',
          '2026-09-06T07:00Z',
          '2026-09-06T08:00Z',
          '2026-09-06T09:00Z',
          '2026-09-06T10:00Z',
          '2026-09-06T11:00Z',
          '2026-09-06T12:00Z',
          '2026-09-06T13:00Z',
          '2026-09-06T14:00Z',
          '2026-09-06T15:00Z',
          '2026-09-06T16:00Z',
          '2026-09-06T17:00Z',
          '2026-09-06T18:00Z',
          '2026-09-06T19:00Z',
          '2026-09-06T20:00Z',
          '2026-09-06T21:00Z',
          '2026-09-06T22:00Z',
          '2026-09-06T23:00Z',
          '2026-09-07T00:00Z',
          '2026-09-07T01:00Z',
          '2026-09-07T02:00Z',
        ]),
      );
      expect(local).to.deep.equal(labels(range(1, 23)));
      expect(count).to.equal(23);
    });
    it('Asia/Kolkata (+05:30): 24 buckets on the half hour of UTC', () => {
      // Local 00:00 of 17 Jun = 18:30Z on 16 Jun; every local hour is hh:30Z.
      const { starts, count, labels: local } = hoursOf('2026-06-17', KOLKATA);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-06-16T18:30Z',
          '2026-06-16T19:30Z',
          '2026-06-16T20:30Z',
          '2026-06-16T21:30Z',
          '2026-06-16T22:30Z',
          '2026-06-16T23:30Z',
          '2026-06-17T00:30Z',
          '2026-06-17T01:30Z',
          '2026-06-17T02:30Z',
          '2026-06-17T03:30Z',
          '2026-06-17T04:30Z',
          '2026-06-17T05:30Z',
          '2026-06-17T06:30Z',
          '2026-06-17T07:30Z',
          '2026-06-17T08:30Z',
          '2026-06-17T09:30Z',
          '2026-06-17T10:30Z',
          '2026-06-17T11:30Z',
          '2026-06-17T12:30Z',
          '2026-06-17T13:30Z',
          '2026-06-17T14:30Z',
          '2026-06-17T15:30Z',
          '2026-06-17T16:30Z',
          '2026-06-17T17:30Z',
        ]),
      );
      expect(local).to.deep.equal(labels(range(0, 23)));
      expect(count).to.equal(24);
    });
    it('Asia/Kathmandu (+05:45): 24 buckets at quarter past UTC hours', () => {
      // Local 00:00 of 17 Jun = 18:15Z on 16 Jun; every local hour is hh:15Z.
      const { starts, count, labels: local } = hoursOf('2026-06-17', KATHMANDU);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-06-16T18:15Z',
          '2026-06-16T19:15Z',
          '2026-06-16T20:15Z',
          '2026-06-16T21:15Z',
          '2026-06-16T22:15Z',
          '2026-06-16T23:15Z',
          '2026-06-17T00:15Z',
          '2026-06-17T01:15Z',
          '2026-06-17T02:15Z',
          '2026-06-17T03:15Z',
          '2026-06-17T04:15Z',
          '2026-06-17T05:15Z',
          '2026-06-17T06:15Z',
          '2026-06-17T07:15Z',
          '2026-06-17T08:15Z',
          '2026-06-17T09:15Z',
          '2026-06-17T10:15Z',
          '2026-06-17T11:15Z',
          '2026-06-17T12:15Z',
          '2026-06-17T13:15Z',
          '2026-06-17T14:15Z',
          '2026-06-17T15:15Z',
          '2026-06-17T16:15Z',
          '2026-06-17T17:15Z',
        ]),
      );
      expect(local).to.deep.equal(labels(range(0, 23)));
      expect(count).to.equal(24);
    });
    it('Lord Howe, Sun 5 Apr 2026 (back half an hour): local hour 01 splits at the change', () => {
      // 00:00 +11 = 13:00Z; 01:00 +11 = 14:00Z; at 15:00Z (02:00 +11) clocks go back to 01:30
      // +10:30, so a second, half-hour "01" bucket runs 15:00Z–15:30Z; 02:00 +10:30 = 15:30Z and
      // every later hour is hh:30Z, up to 23:00 +10:30 = 12:30Z on 5 Apr. A bucket may never start
      // at a local :30 (01:30 +11 = 14:30Z is not an hour boundary).
      const { starts, count, labels: local } = hoursOf('2026-04-05', LORD_HOWE);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-04-04T13:00Z',
          '2026-04-04T14:00Z',
          '2026-04-04T15:00Z',
          '2026-04-04T15:30Z',
          '2026-04-04T16:30Z',
          '2026-04-04T17:30Z',
          '2026-04-04T18:30Z',
          '2026-04-04T19:30Z',
          '2026-04-04T20:30Z',
          '2026-04-04T21:30Z',
          '2026-04-04T22:30Z',
          '2026-04-04T23:30Z',
          '2026-04-05T00:30Z',
          '2026-04-05T01:30Z',
          '2026-04-05T02:30Z',
          '2026-04-05T03:30Z',
          '2026-04-05T04:30Z',
          '2026-04-05T05:30Z',
          '2026-04-05T06:30Z',
          '2026-04-05T07:30Z',
          '2026-04-05T08:30Z',
          '2026-04-05T09:30Z',
          '2026-04-05T10:30Z',
          '2026-04-05T11:30Z',
          '2026-04-05T12:30Z',
        ]),
      );
      expect(local).to.deep.equal(['00:00', '01:00', '01:30', ...labels(range(2, 23))]);
      expect(count).to.equal(25);
    });
    it('Lord Howe, Sun 4 Oct 2026 (forward half an hour): hour 02 starts at 02:30', () => {
      // 00:00 +10:30 = 13:30Z; 01:00 +10:30 = 14:30Z; at 15:30Z (02:00 +10:30) clocks jump to
      // 02:30 +11, so hour 02 runs 15:30Z–16:00Z; 03:00 +11 = 16:00Z … 23:00 +11 = 12:00Z.
      const { starts, count, labels: local } = hoursOf('2026-10-04', LORD_HOWE);
      expect(starts.map(iso)).to.deep.equal(
        isoAll([
          '2026-10-03T13:30Z',
          '2026-10-03T14:30Z',
          '2026-10-03T15:30Z',
          '2026-10-03T16:00Z',
          '2026-10-03T17:00Z',
          '2026-10-03T18:00Z',
          '2026-10-03T19:00Z',
          '2026-10-03T20:00Z',
          '2026-10-03T21:00Z',
          '2026-10-03T22:00Z',
          '2026-10-03T23:00Z',
          '2026-10-04T00:00Z',
          '2026-10-04T01:00Z',
          '2026-10-04T02:00Z',
          '2026-10-04T03:00Z',
          '2026-10-04T04:00Z',
          '2026-10-04T05:00Z',
          '2026-10-04T06:00Z',
          '2026-10-04T07:00Z',
          '2026-10-04T08:00Z',
          '2026-10-04T09:00Z',
          '2026-10-04T10:00Z',
          '2026-10-04T11:00Z',
          '2026-10-04T12:00Z',
        ]),
      );
      expect(local).to.deep.equal(['00:00', '01:00', '02:30', ...labels(range(3, 23))]);
      expect(count).to.equal(24);
    });

    describe('bucketStart(hour) of single instants', () => {
      const cases: Array<[string, string, string, string]> = [
        // [zone, instant, expected bucket start, why]
        [NEW_YORK, '2026-03-08T06:59:59Z', '2026-03-08T06:00Z', '01:59:59 EST is in the 01:00 EST bucket'],
        [NEW_YORK, '2026-03-08T07:00:00Z', '2026-03-08T07:00Z', '03:00 EDT opens its own bucket'],
        [NEW_YORK, '2026-03-08T07:45:00Z', '2026-03-08T07:00Z', '03:45 EDT'],
        [NEW_YORK, '2026-11-01T05:30:00Z', '2026-11-01T05:00Z', 'first 01:30 (EDT) → 01:00 EDT'],
        [NEW_YORK, '2026-11-01T06:30:00Z', '2026-11-01T06:00Z', 'second 01:30 (EST) → 01:00 EST'],
        [SANTIAGO, '2026-04-05T02:30:00Z', '2026-04-05T02:00Z', 'first 23:30 (−03) → 23:00 −03'],
        [SANTIAGO, '2026-04-05T03:30:00Z', '2026-04-05T03:00Z', 'second 23:30 (−04) → 23:00 −04'],
        [SANTIAGO, '2026-09-06T04:30:00Z', '2026-09-06T04:00Z', '01:30 −03 → 01:00 −03, the first instant of the day'],
        [MADRID, '2026-10-25T00:59:59Z', '2026-10-25T00:00Z', '02:59:59 CEST → 02:00 CEST'],
        [MADRID, '2026-10-25T01:00:00Z', '2026-10-25T01:00Z', '02:00 CET, the repeated hour'],
        [KOLKATA, '2026-06-17T10:10:00Z', '2026-06-17T09:30Z', '15:40 IST → 15:00 IST'],
        [KATHMANDU, '2026-06-17T10:10:00Z', '2026-06-17T09:15Z', '15:55 NPT → 15:00 NPT'],
        [KATHMANDU, '2026-06-17T10:20:00Z', '2026-06-17T10:15Z', '16:05 NPT → 16:00 NPT'],
        [LORD_HOWE, '2026-04-04T14:45:00Z', '2026-04-04T14:00Z', '01:45 +11 → 01:00 +11'],
        [LORD_HOWE, '2026-04-04T15:10:00Z', '2026-04-04T15:00Z', '01:40 +10:30, after the change at 15:00Z'],
        [LORD_HOWE, '2026-10-03T15:10:00Z', '2026-10-03T14:30Z', '01:40 +10:30 → 01:00 +10:30'],
        [LORD_HOWE, '2026-10-03T15:40:00Z', '2026-10-03T15:30Z', '02:40 +11; hour 02 began at the jump, 02:30 +11'],
        ['UTC', '2026-06-17T10:59:59.999Z', '2026-06-17T10:00Z', 'plain UTC'],
      ];
      for (const [zone, instant, expected, why] of cases) {
        it(`${zone} ${instant} → ${expected} (${why})`, () => {
          expect(iso(bucketStart(at(instant), zone, 'hour'))).to.equal(iso(at(expected)));
        });
      }
    });

    describe('nextBucketStart(hour)', () => {
      const cases: Array<[string, string, string, string]> = [
        [NEW_YORK, '2026-03-08T06:00Z', '2026-03-08T07:00Z', '01:00 EST → 03:00 EDT'],
        [NEW_YORK, '2026-11-01T05:00Z', '2026-11-01T06:00Z', '01:00 EDT → 01:00 EST'],
        [SANTIAGO, '2026-04-05T02:00Z', '2026-04-05T03:00Z', '23:00 −03 → 23:00 −04'],
        [SANTIAGO, '2026-04-05T03:00Z', '2026-04-05T04:00Z', '23:00 −04 → Sun 00:00 −04'],
        [SANTIAGO, '2026-09-06T03:00Z', '2026-09-06T04:00Z', 'Sat 23:00 −04 → Sun 01:00 −03'],
        [KOLKATA, '2026-06-17T09:30Z', '2026-06-17T10:30Z', '15:00 → 16:00 IST'],
        [KATHMANDU, '2026-06-17T09:15Z', '2026-06-17T10:15Z', '15:00 → 16:00 NPT'],
        [LORD_HOWE, '2026-04-04T14:00Z', '2026-04-04T15:00Z', '01:00 +11 → 01:30 +10:30 (the change)'],
        [LORD_HOWE, '2026-10-03T14:30Z', '2026-10-03T15:30Z', '01:00 +10:30 → 02:30 +11 (the jump)'],
      ];
      for (const [zone, start, expected, why] of cases) {
        it(`${zone} ${start} → ${expected} (${why})`, () => {
          expect(iso(nextBucketStart(at(start), zone, 'hour'))).to.equal(iso(at(expected)));
        });
      }
    });
  });

  describe('day, week and month buckets across transitions', () => {
    it('days around Santiago’s spring-forward (4–8 Sep 2026)', () => {
      // Thu 4, Fri 5 and Sat 5 start at 00:00 −04 = 04:00Z; Sun 6 at 01:00 −03 = 04:00Z;
      // Mon 7 and Tue 8 at 00:00 −03 = 03:00Z; the range ends Wed 9 00:00 −03 = 03:00Z.
      const from = at('2026-09-04T04:00Z');
      const to = at('2026-09-09T03:00Z');
      expect(bucketStarts(from, to, SANTIAGO, 'day').map(iso)).to.deep.equal(
        isoAll(['2026-09-04T04:00Z', '2026-09-05T04:00Z', '2026-09-06T04:00Z', '2026-09-07T03:00Z', '2026-09-08T03:00Z']),
      );
      expect(bucketCount(from, to, SANTIAGO, 'day')).to.equal(5);
    });
    it('days around Santiago’s fall-back (3–6 Apr 2026)', () => {
      // Fri 3 and Sat 4 start at 00:00 −03 = 03:00Z; Sun 5 and Mon 6 at 00:00 −04 = 04:00Z.
      const from = at('2026-04-03T03:00Z');
      const to = at('2026-04-07T04:00Z');
      expect(bucketStarts(from, to, SANTIAGO, 'day').map(iso)).to.deep.equal(
        isoAll(['2026-04-03T03:00Z', '2026-04-04T03:00Z', '2026-04-05T04:00Z', '2026-04-06T04:00Z']),
      );
    });
    it('days around New York’s fall-back (31 Oct – 3 Nov 2026)', () => {
      // Sat 31 Oct and Sun 1 Nov start at 00:00 EDT = 04:00Z; Mon 2 and Tue 3 at 00:00 EST = 05:00Z.
      const from = at('2026-10-31T04:00Z');
      const to = at('2026-11-04T05:00Z');
      expect(bucketStarts(from, to, NEW_YORK, 'day').map(iso)).to.deep.equal(
        isoAll(['2026-10-31T04:00Z', '2026-11-01T04:00Z', '2026-11-02T05:00Z', '2026-11-03T05:00Z']),
      );
    });
    it('days around Madrid’s spring-forward (28–30 Mar 2026)', () => {
      // Sat 28 and Sun 29 start at 00:00 CET = 23:00Z the day before; Mon 30 at 00:00 CEST = 22:00Z.
      const from = at('2026-03-27T23:00Z');
      const to = at('2026-03-30T22:00Z');
      expect(bucketStarts(from, to, MADRID, 'day').map(iso)).to.deep.equal(
        isoAll(['2026-03-27T23:00Z', '2026-03-28T23:00Z', '2026-03-29T22:00Z']),
      );
    });
    it('bucketStart(day) of an instant in Santiago’s repeated hour is Saturday', () => {
      // 03:30Z on 5 Apr is Sat 23:30 −04 (the second time round): still Saturday 4 Apr.
      expect(iso(bucketStart(at('2026-04-05T03:30Z'), SANTIAGO, 'day'))).to.equal(iso(at('2026-04-04T03:00Z')));
    });

    it('weeks start on Monday: New York 4–18 Mar 2026 (Wed to Wed) spans three weeks', () => {
      // Mon 2 Mar 00:00 EST = 05:00Z; Mon 9 Mar 00:00 EDT = 04:00Z (DST began Sunday 8th);
      // Mon 16 Mar 04:00Z. The first bucket is the Monday of the week `from` falls in.
      const from = at('2026-03-04T05:00Z');
      const to = at('2026-03-19T04:00Z');
      expect(bucketStarts(from, to, NEW_YORK, 'week').map(iso)).to.deep.equal(
        isoAll(['2026-03-02T05:00Z', '2026-03-09T04:00Z', '2026-03-16T04:00Z']),
      );
      expect(bucketCount(from, to, NEW_YORK, 'week')).to.equal(3);
    });
    it('weeks across Santiago’s spring-forward: the week of Sun 6 Sep lasts 167 h', () => {
      // Mon 31 Aug 00:00 −04 = 04:00Z; Mon 7 Sep 00:00 −03 = 03:00Z; Mon 14 Sep 03:00Z.
      const starts = bucketStarts(at('2026-08-31T04:00Z'), at('2026-09-21T03:00Z'), SANTIAGO, 'week');
      expect(starts.map(iso)).to.deep.equal(isoAll(['2026-08-31T04:00Z', '2026-09-07T03:00Z', '2026-09-14T03:00Z']));
      expect(starts[1]! - starts[0]!).to.equal(167 * HOUR);
      // Sun 6 Sep 12:00 −03 = 15:00Z still belongs to the week of Mon 31 Aug.
      expect(iso(bucketStart(at('2026-09-06T15:00Z'), SANTIAGO, 'week'))).to.equal(iso(at('2026-08-31T04:00Z')));
    });
    it('weeks across Santiago’s fall-back: the week of Sun 5 Apr lasts 169 h', () => {
      // Mon 30 Mar 00:00 −03 = 03:00Z; Mon 6 Apr 00:00 −04 = 04:00Z.
      const starts = bucketStarts(at('2026-03-30T03:00Z'), at('2026-04-13T04:00Z'), SANTIAGO, 'week');
      expect(starts.map(iso)).to.deep.equal(isoAll(['2026-03-30T03:00Z', '2026-04-06T04:00Z']));
      expect(starts[1]! - starts[0]!).to.equal(169 * HOUR);
    });
    it('weeks across Madrid’s fall-back (Mon 19 Oct CEST, Mon 26 Oct CET)', () => {
      // Mon 19 Oct 00:00 CEST = 18 Oct 22:00Z; Mon 26 Oct 00:00 CET = 25 Oct 23:00Z.
      const from = at('2026-10-21T22:00Z'); // Thu 22 Oct 00:00 CEST
      const to = at('2026-10-28T23:00Z'); // Thu 29 Oct 00:00 CET
      expect(bucketStarts(from, to, MADRID, 'week').map(iso)).to.deep.equal(isoAll(['2026-10-18T22:00Z', '2026-10-25T23:00Z']));
      expect(bucketCount(from, to, MADRID, 'week')).to.equal(2);
    });
    it('weeks of the whole of 2026 in Madrid: 53 Mondays from 29 Dec 2025', () => {
      // 1 Jan 2026 is a Thursday, so its week starts Mon 29 Dec 2025 00:00 CET = 28 Dec 23:00Z;
      // the last Monday in 2026 is 28 Dec (00:00 CET = 27 Dec 23:00Z).
      const from = at('2025-12-31T23:00Z');
      const to = at('2026-12-31T23:00Z');
      const starts = bucketStarts(from, to, MADRID, 'week');
      expect(starts.length).to.equal(53);
      expect(iso(starts[0]!)).to.equal(iso(at('2025-12-28T23:00Z')));
      expect(iso(starts[52]!)).to.equal(iso(at('2026-12-27T23:00Z')));
      expect(bucketCount(from, to, MADRID, 'week')).to.equal(53);
    });

    it('months of Feb–Oct 2026 in Santiago follow the offset of each 1st', () => {
      // 1 Feb, 1 Mar, 1 Apr (before the 5 Apr change) and 1 Oct are −03 → 03:00Z;
      // 1 May … 1 Sep (before the 6 Sep change) are −04 → 04:00Z.
      const from = at('2026-02-01T03:00Z');
      const to = at('2026-11-01T03:00Z');
      expect(bucketStarts(from, to, SANTIAGO, 'month').map(iso)).to.deep.equal(
        isoAll([
          '2026-02-01T03:00Z',
          '2026-03-01T03:00Z',
          '2026-04-01T03:00Z',
          '2026-05-01T04:00Z',
          '2026-06-01T04:00Z',
          '2026-07-01T04:00Z',
          '2026-08-01T04:00Z',
          '2026-09-01T04:00Z',
          '2026-10-01T03:00Z',
        ]),
      );
      expect(bucketCount(from, to, SANTIAGO, 'month')).to.equal(9);
    });
    it('months of 2026 in New York: 1 Nov is still EDT at midnight', () => {
      // Jan–Mar and Dec 1sts are EST → 05:00Z; Apr–Nov 1sts are EDT → 04:00Z (the 1 Nov change is at 02:00).
      const from = at('2026-01-01T05:00Z');
      const to = at('2027-01-01T05:00Z');
      expect(bucketStarts(from, to, NEW_YORK, 'month').map(iso)).to.deep.equal(
        isoAll([
          '2026-01-01T05:00Z',
          '2026-02-01T05:00Z',
          '2026-03-01T05:00Z',
          '2026-04-01T04:00Z',
          '2026-05-01T04:00Z',
          '2026-06-01T04:00Z',
          '2026-07-01T04:00Z',
          '2026-08-01T04:00Z',
          '2026-09-01T04:00Z',
          '2026-10-01T04:00Z',
          '2026-11-01T04:00Z',
          '2026-12-01T05:00Z',
        ]),
      );
      expect(bucketCount(from, to, NEW_YORK, 'month')).to.equal(12);
    });
    it('months of 2026 in Madrid: CET 1sts at 23:00Z the day before, CEST 1sts at 22:00Z', () => {
      const from = at('2025-12-31T23:00Z');
      const to = at('2026-12-31T23:00Z');
      expect(bucketStarts(from, to, MADRID, 'month').map(iso)).to.deep.equal(
        isoAll([
          '2025-12-31T23:00Z',
          '2026-01-31T23:00Z',
          '2026-02-28T23:00Z',
          '2026-03-31T22:00Z',
          '2026-04-30T22:00Z',
          '2026-05-31T22:00Z',
          '2026-06-30T22:00Z',
          '2026-07-31T22:00Z',
          '2026-08-31T22:00Z',
          '2026-09-30T22:00Z',
          '2026-10-31T23:00Z',
          '2026-11-30T23:00Z',
        ]),
      );
    });
    it('bucketStart(month) of the last instant of April in Santiago is 1 Apr (−03)', () => {
      // 04:00Z on 1 May is May's first instant (00:00 −04); one ms earlier is still April.
      expect(iso(bucketStart(at('2026-05-01T03:59:59.999Z'), SANTIAGO, 'month'))).to.equal(iso(at('2026-04-01T03:00Z')));
      expect(iso(bucketStart(at('2026-05-01T04:00:00Z'), SANTIAGO, 'month'))).to.equal(iso(at('2026-05-01T04:00Z')));
    });
  });

  describe('bucketStarts and bucketCount on edges', () => {
    it('an empty or inverted range has no buckets', () => {
      const t = at('2026-04-20T04:00Z');
      for (const interval of ['hour', 'day', 'week', 'month'] as const) {
        expect(bucketStarts(t, t, SANTIAGO, interval)).to.deep.equal([]);
        expect(bucketStarts(t + HOUR, t, SANTIAGO, interval)).to.deep.equal([]);
        expect(bucketCount(t, t, SANTIAGO, interval)).to.equal(0);
        expect(bucketCount(t + HOUR, t, SANTIAGO, interval)).to.equal(0);
      }
    });
    it('a range that does not start on a boundary starts with the bucket containing `from`', () => {
      // docs/contract.md: bucket starts are local hours/midnights/Mondays/1sts of `tz`. 10:30 EDT on
      // Wed 15 Apr 2026 = 14:30Z; its hour is 14:00Z, its day 04:00Z, its week Mon 13 Apr 04:00Z.
      const from = at('2026-04-15T14:30Z');
      expect(iso(bucketStarts(from, from + HOUR, NEW_YORK, 'hour')[0]!)).to.equal(iso(at('2026-04-15T14:00Z')));
      expect(iso(bucketStarts(from, from + HOUR, NEW_YORK, 'day')[0]!)).to.equal(iso(at('2026-04-15T04:00Z')));
      expect(iso(bucketStarts(from, from + HOUR, NEW_YORK, 'week')[0]!)).to.equal(iso(at('2026-04-13T04:00Z')));
      expect(iso(bucketStarts(from, from + HOUR, NEW_YORK, 'month')[0]!)).to.equal(iso(at('2026-04-01T04:00Z')));
      // [14:30Z, 16:10Z) touches the 14:00, 15:00 and 16:00 buckets.
      expect(bucketCount(from, at('2026-04-15T16:10Z'), NEW_YORK, 'hour')).to.equal(3);
      expect(bucketStarts(from, at('2026-04-15T16:10Z'), NEW_YORK, 'hour').map(iso)).to.deep.equal(
        isoAll(['2026-04-15T14:00Z', '2026-04-15T15:00Z', '2026-04-15T16:00Z']),
      );
    });
    it('`to` is exclusive: a range ending exactly on a boundary does not open the next bucket', () => {
      expect(bucketStarts(at('2026-06-16T18:15Z'), at('2026-06-16T20:15Z'), KATHMANDU, 'hour').map(iso)).to.deep.equal(
        isoAll(['2026-06-16T18:15Z', '2026-06-16T19:15Z']),
      );
      expect(bucketStarts(at('2026-06-16T18:15Z'), at('2026-06-16T20:15:00.001Z'), KATHMANDU, 'hour').length).to.equal(3);
    });
    it('a whole year in New York has 365 days and 8760 hours (the 23 h and 25 h days cancel)', () => {
      const from = at('2026-01-01T05:00Z');
      const to = at('2027-01-01T05:00Z');
      expect(bucketCount(from, to, NEW_YORK, 'day')).to.equal(365);
      expect(bucketStarts(from, to, NEW_YORK, 'day').length).to.equal(365);
      expect(bucketCount(from, to, NEW_YORK, 'hour')).to.equal(8760);
    });
    it('Santiago 1–30 Sep 2026 has 719 hours (the 6 Sep day is 23 h long)', () => {
      const from = at('2026-09-01T04:00Z');
      const to = at('2026-10-01T03:00Z');
      expect(bucketCount(from, to, SANTIAGO, 'hour')).to.equal(719);
      expect(bucketStarts(from, to, SANTIAGO, 'hour').length).to.equal(719);
    });
  });

  describe('bucketCount equals bucketStarts(...).length', () => {
    // Lord Howe is left out on purpose: its half-hour DST shift makes one bucket 30 min long, and
    // bucketCount's real-time estimate (ceil(hours)) can then be one off for ragged ranges; its
    // whole DST days are pinned by hand above instead.
    const zones = [SANTIAGO, NEW_YORK, MADRID, MEXICO, KOLKATA, KATHMANDU, 'UTC'];
    // Ranges as local days [first, last] (resolved with startOfDay), plus ranges with ragged ends.
    const dayRanges: Array<[string, string]> = [
      ['2026-04-03', '2026-04-06'], // Santiago April change
      ['2026-09-04', '2026-09-08'], // Santiago September change
      ['2026-03-07', '2026-03-09'], // New York March change
      ['2026-10-30', '2026-11-02'], // New York November change
      ['2026-03-28', '2026-03-30'], // Madrid March change
      ['2026-10-24', '2026-10-26'], // Madrid October change
      ['2026-01-01', '2026-12-31'], // a whole year (hour buckets ≈ 8760)
      ['2025-12-29', '2026-02-02'], // across a year end, Monday to Monday
      ['2026-02-25', '2026-03-03'], // across the end of February
    ];
    const intervals: Interval[] = ['hour', 'day', 'week', 'month'];
    for (const zone of zones) {
      for (const interval of intervals) {
        it(`${zone}, ${interval}`, () => {
          for (const [first, last] of dayRanges) {
            const from = startOfDay(day(first), zone);
            const to = startOfDay(addDays(day(last), 1), zone);
            const label = `${first}..${last}`;
            expect(bucketCount(from, to, zone, interval), label).to.equal(bucketStarts(from, to, zone, interval).length);
            // Ragged ends: 37 min 13 s into the first day, 3 h 1 min before the end.
            const raggedFrom = from + 37 * MINUTE + 13_000;
            const raggedTo = to - 3 * HOUR - MINUTE;
            expect(bucketCount(raggedFrom, raggedTo, zone, interval), `${label} ragged`).to.equal(
              bucketStarts(raggedFrom, raggedTo, zone, interval).length,
            );
          }
        });
      }
    }
    it('every listed start is strictly increasing and the first is at or before `from`', () => {
      for (const zone of zones) {
        for (const interval of intervals) {
          const from = startOfDay(day('2026-03-25'), zone) + 5 * HOUR + 17 * MINUTE;
          const to = startOfDay(day('2026-04-09'), zone);
          const starts = bucketStarts(from, to, zone, interval);
          expect(starts[0]!, `${zone} ${interval}`).to.be.at.most(from);
          for (let i = 1; i < starts.length; i += 1) expect(starts[i]!).to.be.greaterThan(starts[i - 1]!);
          expect(starts[starts.length - 1]!).to.be.lessThan(to);
        }
      }
    });
  });
});
