/**
 * The period a range is compared with (src/core/query/comparison.ts), SPEC "Comparison": the one
 * of the same calendar length just before `from`, in the report's zone, DST-correct; a range that
 * runs past `now` is compared over the same elapsed part only.
 *
 * Every expected instant is hand-computed from the zones' rules:
 * - America/Mexico_City: −06 all year since October 2022; in 2022 CDT −05 from Sun 3 Apr 02:00 to
 *   Sun 30 Oct 02:00.
 * - America/New_York: EST −05 until Sun 8 Mar 2026 02:00; EDT −04 until Sun 1 Nov 02:00; EST after.
 * - Europe/Madrid: CET +01 until Sun 29 Mar 2026 02:00; CEST +02 until Sun 25 Oct 03:00.
 */
import { expect } from 'chai';
import { comparisonPeriod, describePeriod, type ComparisonPeriod } from '../../src/core/query/comparison.js';
import type { DateRange, Preset } from '../../src/core/query/presets.js';
import { buildReportState } from '../../src/core/query/report-state.js';
import { zonedInstant, type PlainDate } from '../../src/core/query/zoned-time.js';

const MEXICO = 'America/Mexico_City';
const NEW_YORK = 'America/New_York';
const MADRID = 'Europe/Madrid';

const at = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bad ISO string in test: ${text}`);
  return ms;
};
const iso = (instant: number): string => new Date(instant).toISOString();
const day = (text: string): PlainDate => {
  const [year, month, dayOfMonth] = text.split('-').map(Number);
  return { year: year!, month: month!, day: dayOfMonth! };
};
const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (date: PlainDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** A period as readable strings: `[from, to)`, its local days and where it stops. */
function readable(period: ComparisonPeriod | undefined) {
  if (!period) return undefined;
  return {
    from: iso(period.from),
    to: iso(period.to),
    days: `${dayText(period.firstDay)}..${dayText(period.lastDay)}`,
    until: period.until ? `${pad(period.until.hour)}:${pad(period.until.minute)}` : undefined,
    wholeMonths: period.wholeMonths,
  };
}

function compared(range: DateRange | Preset, zone: string, now: string) {
  return readable(comparisonPeriod(typeof range === 'string' ? { preset: range } : range, zone, at(now)));
}

const expected = (from: string, to: string, days: string, until?: string, wholeMonths = false) => ({
  from: iso(at(from)),
  to: iso(at(to)),
  days,
  until,
  wholeMonths,
});

const custom = (from: string, to: string): DateRange => ({ from: day(from), to: day(to) });

describe('comparison period', () => {
  describe('every preset, America/Mexico_City, on Thu 5 Mar 2026 at 10:00 (16:00Z)', () => {
    const now = '2026-03-05T16:00:00Z';
    it('Today: yesterday until 10:00', () => {
      expect(compared('today', MEXICO, now)).to.deep.equal(
        expected('2026-03-04T06:00Z', '2026-03-04T16:00Z', '2026-03-04..2026-03-04', '10:00'),
      );
    });
    it('Yesterday (over): the whole day before', () => {
      expect(compared('yesterday', MEXICO, now)).to.deep.equal(
        expected('2026-03-03T06:00Z', '2026-03-04T06:00Z', '2026-03-03..2026-03-03'),
      );
    });
    it('Last 7 days: the 7 days before, until 10:00 of the day as far in as today', () => {
      expect(compared('last_7_days', MEXICO, now)).to.deep.equal(
        expected('2026-02-20T06:00Z', '2026-02-26T16:00Z', '2026-02-20..2026-02-26', '10:00'),
      );
    });
    it('Last 14 days', () => {
      expect(compared('last_14_days', MEXICO, now)).to.deep.equal(
        expected('2026-02-06T06:00Z', '2026-02-19T16:00Z', '2026-02-06..2026-02-19', '10:00'),
      );
    });
    it('Last 30 days', () => {
      expect(compared('last_30_days', MEXICO, now)).to.deep.equal(
        expected('2026-01-05T06:00Z', '2026-02-03T16:00Z', '2026-01-05..2026-02-03', '10:00'),
      );
    });
    it('This month on the 5th at 10:00: the 1st to the 5th at 10:00 of last month', () => {
      expect(compared('this_month', MEXICO, now)).to.deep.equal(
        expected('2026-02-01T06:00Z', '2026-02-05T16:00Z', '2026-02-01..2026-02-05', '10:00'),
      );
    });
    it('Last month (over): the whole month before it, whatever its length (February → January)', () => {
      expect(compared('last_month', MEXICO, now)).to.deep.equal(
        expected('2026-01-01T06:00Z', '2026-02-01T06:00Z', '2026-01-01..2026-01-31', undefined, true),
      );
    });
  });

  describe('custom ranges', () => {
    const now = '2026-03-05T16:00:00Z';
    it('a past week: the 7 days before it, whole', () => {
      expect(compared(custom('2026-02-10', '2026-02-16'), MEXICO, now)).to.deep.equal(
        expected('2026-02-03T06:00Z', '2026-02-10T06:00Z', '2026-02-03..2026-02-09'),
      );
    });
    it('90 past days: the 90 days before them', () => {
      expect(compared(custom('2025-11-01', '2026-01-29'), MEXICO, now)).to.deep.equal(
        expected('2025-08-03T06:00Z', '2025-11-01T06:00Z', '2025-08-03..2025-10-31'),
      );
    });
    it('10 days that run past now: the 10 days before, cut as far in as now is', () => {
      expect(compared(custom('2026-03-01', '2026-03-10'), MEXICO, now)).to.deep.equal(
        expected('2026-02-19T06:00Z', '2026-02-23T16:00Z', '2026-02-19..2026-02-23', '10:00'),
      );
    });
    it('whole months: as many whole months before (December–February → September–November)', () => {
      expect(compared(custom('2025-12-01', '2026-02-28'), MEXICO, now)).to.deep.equal(
        expected('2025-09-01T06:00Z', '2025-12-01T06:00Z', '2025-09-01..2025-11-30', undefined, true),
      );
    });
    it('one whole month that runs past now: the same days of the month before', () => {
      expect(compared(custom('2026-03-01', '2026-03-31'), MEXICO, now)).to.deep.equal(
        expected('2026-02-01T06:00Z', '2026-02-05T16:00Z', '2026-02-01..2026-02-05', '10:00'),
      );
    });
  });

  describe('the edges of now', () => {
    it('cuts to the minute: 10:00:45.5 compares until 10:00', () => {
      expect(compared('today', MEXICO, '2026-03-05T16:00:45.500Z')).to.deep.equal(
        expected('2026-03-04T06:00Z', '2026-03-04T16:00Z', '2026-03-04..2026-03-04', '10:00'),
      );
    });
    it('at local midnight nothing of Today has elapsed: no comparison', () => {
      expect(compared('today', MEXICO, '2026-03-05T06:00:00Z')).to.equal(undefined);
    });
    it('at local midnight of the 7th day, Last 7 days compares the 6 whole days before', () => {
      expect(compared('last_7_days', MEXICO, '2026-03-05T06:00:00Z')).to.deep.equal(
        expected('2026-02-20T06:00Z', '2026-02-26T06:00Z', '2026-02-20..2026-02-25'),
      );
    });
  });

  describe('the month-length edge: a day the previous month lacks compares that month whole', () => {
    it('This month on 31 March: the whole of February (not 3 March)', () => {
      expect(compared('this_month', MEXICO, '2026-03-31T16:00:00Z')).to.deep.equal(
        expected('2026-02-01T06:00Z', '2026-03-01T06:00Z', '2026-02-01..2026-02-28', undefined, true),
      );
    });
    it('This month on 29 March: the whole of February too', () => {
      expect(compared('this_month', MEXICO, '2026-03-29T16:00:00Z')).to.deep.equal(
        expected('2026-02-01T06:00Z', '2026-03-01T06:00Z', '2026-02-01..2026-02-28', undefined, true),
      );
    });
    it('This month on 28 March: 1–28 February until 10:00', () => {
      expect(compared('this_month', MEXICO, '2026-03-28T16:00:00Z')).to.deep.equal(
        expected('2026-02-01T06:00Z', '2026-02-28T16:00Z', '2026-02-01..2026-02-28', '10:00'),
      );
    });
    it('This month on 31 May: the whole of April (30 days)', () => {
      expect(compared('this_month', MEXICO, '2026-05-31T16:00:00Z')).to.deep.equal(
        expected('2026-04-01T06:00Z', '2026-05-01T06:00Z', '2026-04-01..2026-04-30', undefined, true),
      );
    });
    it('This month on 29 March of a leap year: 1–29 February until 10:00', () => {
      expect(compared('this_month', MEXICO, '2028-03-29T16:00:00Z')).to.deep.equal(
        expected('2028-02-01T06:00Z', '2028-02-29T16:00Z', '2028-02-01..2028-02-29', '10:00'),
      );
    });
    it('Last month on 31 March: February against the whole of January', () => {
      expect(compared('last_month', MEXICO, '2026-03-31T16:00:00Z')).to.deep.equal(
        expected('2026-01-01T06:00Z', '2026-02-01T06:00Z', '2026-01-01..2026-01-31', undefined, true),
      );
    });
  });

  describe('across DST changes', () => {
    it('New York, Today on Sun 8 Mar 2026 (23 h) at 10:00 EDT: Saturday until 10:00 EST', () => {
      expect(compared('today', NEW_YORK, '2026-03-08T14:00:00Z')).to.deep.equal(
        expected('2026-03-07T05:00Z', '2026-03-07T15:00Z', '2026-03-07..2026-03-07', '10:00'),
      );
    });
    it('New York, Today on Mon 9 Mar at 10:00: Sunday from its midnight (EST) until 10:00 EDT, 9 real hours', () => {
      const period = comparisonPeriod({ preset: 'today' }, NEW_YORK, at('2026-03-09T14:00:00Z'))!;
      expect(readable(period)).to.deep.equal(expected('2026-03-08T05:00Z', '2026-03-08T14:00Z', '2026-03-08..2026-03-08', '10:00'));
      expect(period.to - period.from).to.equal(9 * 3_600_000);
    });
    it('New York, Today on Mon 9 Mar at 02:30: Sunday until 03:30, since 02:30 did not exist', () => {
      expect(compared('today', NEW_YORK, '2026-03-09T06:30:00Z')).to.deep.equal(
        expected('2026-03-08T05:00Z', '2026-03-08T07:30Z', '2026-03-08..2026-03-08', '03:30'),
      );
    });
    it('New York, Last 7 days on 12 Mar at 10:00 EDT: 27 Feb – 5 Mar until 10:00 EST', () => {
      expect(compared('last_7_days', NEW_YORK, '2026-03-12T14:00:00Z')).to.deep.equal(
        expected('2026-02-27T05:00Z', '2026-03-05T15:00Z', '2026-02-27..2026-03-05', '10:00'),
      );
    });
    it('New York, Yesterday on Mon 2 Nov (Sunday had 25 h): Saturday whole', () => {
      expect(compared('yesterday', NEW_YORK, '2026-11-02T15:00:00Z')).to.deep.equal(
        expected('2026-10-31T04:00Z', '2026-11-01T04:00Z', '2026-10-31..2026-10-31'),
      );
    });
    it('New York, Today on Mon 2 Nov at 01:30 EST: Sunday until the first 01:30 (EDT)', () => {
      expect(compared('today', NEW_YORK, '2026-11-02T06:30:00Z')).to.deep.equal(
        expected('2026-11-01T04:00Z', '2026-11-01T05:30Z', '2026-11-01..2026-11-01', '01:30'),
      );
    });
    it('New York, Today on Sun 1 Nov at 10:00 EST: Saturday until 10:00 EDT', () => {
      expect(compared('today', NEW_YORK, '2026-11-01T15:00:00Z')).to.deep.equal(
        expected('2026-10-31T04:00Z', '2026-10-31T14:00Z', '2026-10-31..2026-10-31', '10:00'),
      );
    });
    it('Madrid, Today on Mon 30 Mar 2026 at 10:00 CEST: Sunday (23 h) until 10:00 CEST', () => {
      expect(compared('today', MADRID, '2026-03-30T08:00:00Z')).to.deep.equal(
        expected('2026-03-28T23:00Z', '2026-03-29T08:00Z', '2026-03-29..2026-03-29', '10:00'),
      );
    });
    it('Madrid, Last month in April 2026: March (CET, then CEST) against February', () => {
      expect(compared('last_month', MADRID, '2026-04-10T08:00:00Z')).to.deep.equal(
        expected('2026-01-31T23:00Z', '2026-02-28T23:00Z', '2026-02-01..2026-02-28', undefined, true),
      );
    });
    it('Mexico City in 2022, Today on 4 Apr at 10:00 CDT: 3 Apr (DST began) until 10:00 CDT', () => {
      expect(compared('today', MEXICO, '2022-04-04T15:00:00Z')).to.deep.equal(
        expected('2022-04-03T06:00Z', '2022-04-03T15:00Z', '2022-04-03..2022-04-03', '10:00'),
      );
    });
    it('Mexico City in 2022, This month on 5 Nov at 10:00 CST: 1–5 Oct (CDT) until 10:00', () => {
      expect(compared('this_month', MEXICO, '2022-11-05T16:00:00Z')).to.deep.equal(
        expected('2022-10-01T05:00Z', '2022-10-05T15:00Z', '2022-10-01..2022-10-05', '10:00'),
      );
    });
  });

  describe('zonedInstant', () => {
    it('reads a wall time in its zone; a time in a gap moves forward, a repeated one is the first', () => {
      const hours = (h: number, m = 0) => (h * 60 + m) * 60_000;
      expect(iso(zonedInstant(day('2026-03-05'), hours(10), MEXICO))).to.equal('2026-03-05T16:00:00.000Z');
      expect(iso(zonedInstant(day('2026-03-08'), hours(2, 30), NEW_YORK))).to.equal('2026-03-08T07:30:00.000Z');
      expect(iso(zonedInstant(day('2026-11-01'), hours(1, 30), NEW_YORK))).to.equal('2026-11-01T05:30:00.000Z');
      expect(iso(zonedInstant(day('2026-10-25'), hours(2, 30), MADRID))).to.equal('2026-10-25T00:30:00.000Z');
    });
  });

  describe('describePeriod: what a label says of a request’s compareFrom/compareTo', () => {
    it('gives back the days, the cut and whole months of every period computed above', () => {
      const cases: [DateRange | Preset, string, string][] = [
        ['today', NEW_YORK, '2026-03-09T14:00:00Z'],
        ['last_7_days', MEXICO, '2026-03-05T16:00:00Z'],
        ['this_month', MEXICO, '2026-03-31T16:00:00Z'],
        ['last_month', MADRID, '2026-04-10T08:00:00Z'],
        [custom('2025-12-01', '2026-02-28'), MEXICO, '2026-03-05T16:00:00Z'],
        ['yesterday', NEW_YORK, '2026-11-02T15:00:00Z'],
      ];
      for (const [range, zone, now] of cases) {
        const period = comparisonPeriod(typeof range === 'string' ? { preset: range } : range, zone, at(now))!;
        expect(readable(describePeriod(period.from, period.to, zone)), `${JSON.stringify(range)} ${zone}`).to.deep.equal(readable(period));
      }
    });
  });

  describe('in the report state', () => {
    it('is counted from the same instant as the range, and absent while the input has errors', () => {
      const state = buildReportState({
        endpoint: 'https://crm.example/api',
        timezone: MEXICO,
        preset: 'today',
        now: '2026-03-05T16:00:00Z',
      });
      expect(readable(state.comparison)).to.deep.equal(
        expected('2026-03-04T06:00Z', '2026-03-04T16:00Z', '2026-03-04..2026-03-04', '10:00'),
      );
      expect(buildReportState({ endpoint: 'https://crm.example/api', timezone: 'Nowhere/Atlantis', preset: 'today' }).comparison).to.equal(
        undefined,
      );
    });
  });
});
