/**
 * Date presets and custom ranges (src/core/query/presets.ts), docs/decisions.md "Date presets and custom ranges":
 * Today = [start of today, start of tomorrow); Last N days = today and the N−1 days before it;
 * This month = [1st of this month, start of tomorrow); Last month = the whole previous month;
 * Custom = [start of the first day, start of the day after the last).
 *
 * Every expected instant is hand-computed from the zone's 2026 rules (checked against this
 * Chromium's tz data in zoned-time.test.ts):
 * - America/Santiago: −03 until DST ends Sat 4 Apr 24:00 (→ 23:00 −04, i.e. at 5 Apr 03:00Z);
 *   −04 until Sat 5 Sep 24:00 (→ Sun 6 Sep 01:00 −03, i.e. at 6 Sep 04:00Z); −03 afterwards.
 * - America/New_York: EST −05 until Sun 8 Mar 02:00; EDT −04 until Sun 1 Nov 02:00; EST after.
 * - Europe/Madrid: CET +01 until Sun 29 Mar 02:00; CEST +02 until Sun 25 Oct 03:00; CET after.
 * - America/Mexico_City: −06 all year (no DST since October 2022).
 */
import { expect } from 'chai';
import {
  DEFAULT_PRESET,
  PRESETS,
  dayCount,
  isPreset,
  presetDays,
  resolveRange,
  validateRange,
  type Preset,
} from '../../src/core/query/presets.js';
import { MAX_RANGE_DAYS } from '../../src/core/contract/types.js';
import type { PlainDate } from '../../src/core/query/zoned-time.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SANTIAGO = 'America/Santiago';
const NEW_YORK = 'America/New_York';
const MADRID = 'Europe/Madrid';
const MEXICO = 'America/Mexico_City';
const KATHMANDU = 'Asia/Kathmandu';
const KOLKATA = 'Asia/Kolkata';

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

/** A resolved range as readable strings: [from, to) and the inclusive local days. */
function resolved(preset: Preset, zone: string, now: string) {
  const range = resolveRange({ preset }, zone, at(now));
  return { from: iso(range.from), to: iso(range.to), days: `${dayText(range.firstDay)}..${dayText(range.lastDay)}` };
}
/** The expected shape, from hand-written short ISO strings. */
const expected = (from: string, to: string, days: string) => ({ from: iso(at(from)), to: iso(at(to)), days });

describe('presets', () => {
  describe('the preset list', () => {
    it('has the seven presets of the Spanish page, in menu order', () => {
      expect([...PRESETS]).to.deep.equal(['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month']);
    });
    it('isPreset accepts exactly those keys', () => {
      for (const preset of PRESETS) expect(isPreset(preset), preset).to.equal(true);
      for (const value of ['custom', 'Today', 'last_7days', 'last_90_days', '', undefined, null, 7, { preset: 'today' }]) {
        expect(isPreset(value), typeof value === 'object' ? JSON.stringify(value) : String(value)).to.equal(false);
      }
      expect(isPreset(DEFAULT_PRESET)).to.equal(true);
    });
  });

  /**
   * One fixed `now` for four zones: 2026-04-20T15:00:00Z, a Monday. Locally that is
   * Mon 20 Apr 11:00 −04 in Santiago, 11:00 EDT in New York, 17:00 CEST in Madrid and 09:00 −06 in
   * Mexico City. Last 30 days is 22 Mar … 20 Apr (10 days of March + 20 of April); Last 14 days
   * starts 7 Apr; Last 7 days starts 14 Apr.
   */
  describe('every preset from now = 2026-04-20T15:00Z', () => {
    const NOW = '2026-04-20T15:00:00Z';
    const table: Record<string, Record<Preset, ReturnType<typeof expected>>> = {
      // Santiago is −04 from 5 Apr, −03 before: 22 Mar, 1 Mar and 1 Apr start at 03:00Z.
      [SANTIAGO]: {
        today: expected('2026-04-20T04:00Z', '2026-04-21T04:00Z', '2026-04-20..2026-04-20'),
        yesterday: expected('2026-04-19T04:00Z', '2026-04-20T04:00Z', '2026-04-19..2026-04-19'),
        last_7_days: expected('2026-04-14T04:00Z', '2026-04-21T04:00Z', '2026-04-14..2026-04-20'),
        last_14_days: expected('2026-04-07T04:00Z', '2026-04-21T04:00Z', '2026-04-07..2026-04-20'),
        last_30_days: expected('2026-03-22T03:00Z', '2026-04-21T04:00Z', '2026-03-22..2026-04-20'),
        this_month: expected('2026-04-01T03:00Z', '2026-04-21T04:00Z', '2026-04-01..2026-04-20'),
        last_month: expected('2026-03-01T03:00Z', '2026-04-01T03:00Z', '2026-03-01..2026-03-31'),
      },
      // New York is EDT (−04) from 8 Mar: only 1 Mar (EST, 05:00Z) differs.
      [NEW_YORK]: {
        today: expected('2026-04-20T04:00Z', '2026-04-21T04:00Z', '2026-04-20..2026-04-20'),
        yesterday: expected('2026-04-19T04:00Z', '2026-04-20T04:00Z', '2026-04-19..2026-04-19'),
        last_7_days: expected('2026-04-14T04:00Z', '2026-04-21T04:00Z', '2026-04-14..2026-04-20'),
        last_14_days: expected('2026-04-07T04:00Z', '2026-04-21T04:00Z', '2026-04-07..2026-04-20'),
        last_30_days: expected('2026-03-22T04:00Z', '2026-04-21T04:00Z', '2026-03-22..2026-04-20'),
        this_month: expected('2026-04-01T04:00Z', '2026-04-21T04:00Z', '2026-04-01..2026-04-20'),
        last_month: expected('2026-03-01T05:00Z', '2026-04-01T04:00Z', '2026-03-01..2026-03-31'),
      },
      // Madrid is CEST (+02) from 29 Mar: midnights are 22:00Z the day before; 22 Mar and 1 Mar
      // are CET (+01), so 23:00Z the day before.
      [MADRID]: {
        today: expected('2026-04-19T22:00Z', '2026-04-20T22:00Z', '2026-04-20..2026-04-20'),
        yesterday: expected('2026-04-18T22:00Z', '2026-04-19T22:00Z', '2026-04-19..2026-04-19'),
        last_7_days: expected('2026-04-13T22:00Z', '2026-04-20T22:00Z', '2026-04-14..2026-04-20'),
        last_14_days: expected('2026-04-06T22:00Z', '2026-04-20T22:00Z', '2026-04-07..2026-04-20'),
        last_30_days: expected('2026-03-21T23:00Z', '2026-04-20T22:00Z', '2026-03-22..2026-04-20'),
        this_month: expected('2026-03-31T22:00Z', '2026-04-20T22:00Z', '2026-04-01..2026-04-20'),
        last_month: expected('2026-02-28T23:00Z', '2026-03-31T22:00Z', '2026-03-01..2026-03-31'),
      },
      // Mexico City is −06 all year: every midnight is 06:00Z.
      [MEXICO]: {
        today: expected('2026-04-20T06:00Z', '2026-04-21T06:00Z', '2026-04-20..2026-04-20'),
        yesterday: expected('2026-04-19T06:00Z', '2026-04-20T06:00Z', '2026-04-19..2026-04-19'),
        last_7_days: expected('2026-04-14T06:00Z', '2026-04-21T06:00Z', '2026-04-14..2026-04-20'),
        last_14_days: expected('2026-04-07T06:00Z', '2026-04-21T06:00Z', '2026-04-07..2026-04-20'),
        last_30_days: expected('2026-03-22T06:00Z', '2026-04-21T06:00Z', '2026-03-22..2026-04-20'),
        this_month: expected('2026-04-01T06:00Z', '2026-04-21T06:00Z', '2026-04-01..2026-04-20'),
        last_month: expected('2026-03-01T06:00Z', '2026-04-01T06:00Z', '2026-03-01..2026-03-31'),
      },
    };
    for (const [zone, presets] of Object.entries(table)) {
      describe(zone, () => {
        for (const preset of PRESETS) {
          it(preset, () => {
            expect(resolved(preset, zone, NOW)).to.deep.equal(presets[preset]);
          });
        }
      });
    }
    it('last_30_days spans 30 days plus the hour Santiago gained on 4 Apr, minus the hour Madrid lost on 29 Mar', () => {
      const length = (zone: string) => {
        const range = resolveRange({ preset: 'last_30_days' }, zone, at(NOW));
        return range.to - range.from;
      };
      expect(length(SANTIAGO)).to.equal(30 * DAY + HOUR);
      expect(length(MADRID)).to.equal(30 * DAY - HOUR);
      expect(length(NEW_YORK)).to.equal(30 * DAY);
      expect(length(MEXICO)).to.equal(30 * DAY);
    });
  });

  describe('around local midnight, where the UTC date differs from the local one', () => {
    it('Santiago, 1 ms before local midnight: 2026-04-21T03:59:59.999Z is still Mon 20 Apr (−04)', () => {
      expect(resolved('today', SANTIAGO, '2026-04-21T03:59:59.999Z')).to.deep.equal(
        expected('2026-04-20T04:00Z', '2026-04-21T04:00Z', '2026-04-20..2026-04-20'),
      );
    });
    it('Santiago, at local midnight: 2026-04-21T04:00Z is Tue 21 Apr 00:00 (−04)', () => {
      expect(resolved('today', SANTIAGO, '2026-04-21T04:00:00Z')).to.deep.equal(
        expected('2026-04-21T04:00Z', '2026-04-22T04:00Z', '2026-04-21..2026-04-21'),
      );
      expect(resolved('yesterday', SANTIAGO, '2026-04-21T04:00:00Z')).to.deep.equal(
        expected('2026-04-20T04:00Z', '2026-04-21T04:00Z', '2026-04-20..2026-04-20'),
      );
    });
    it('New York, 23:59:59.999 EDT on 20 Apr is 03:59:59.999Z on the 21st', () => {
      expect(resolved('today', NEW_YORK, '2026-04-21T03:59:59.999Z')).to.deep.equal(
        expected('2026-04-20T04:00Z', '2026-04-21T04:00Z', '2026-04-20..2026-04-20'),
      );
      expect(resolved('today', NEW_YORK, '2026-04-21T04:00:00Z')).to.deep.equal(
        expected('2026-04-21T04:00Z', '2026-04-22T04:00Z', '2026-04-21..2026-04-21'),
      );
    });
    it('Madrid, ahead of UTC: 2026-04-20T22:00Z is already Tue 21 Apr 00:00 CEST', () => {
      expect(resolved('today', MADRID, '2026-04-20T21:59:59.999Z')).to.deep.equal(
        expected('2026-04-19T22:00Z', '2026-04-20T22:00Z', '2026-04-20..2026-04-20'),
      );
      expect(resolved('today', MADRID, '2026-04-20T22:00:00Z')).to.deep.equal(
        expected('2026-04-20T22:00Z', '2026-04-21T22:00Z', '2026-04-21..2026-04-21'),
      );
      expect(resolved('last_7_days', MADRID, '2026-04-20T22:30:00Z')).to.deep.equal(
        expected('2026-04-14T22:00Z', '2026-04-21T22:00Z', '2026-04-15..2026-04-21'),
      );
    });
    it('Mexico City, 05:59:59Z vs 06:00Z on 21 Apr', () => {
      expect(resolved('yesterday', MEXICO, '2026-04-21T05:59:59Z')).to.deep.equal(
        expected('2026-04-19T06:00Z', '2026-04-20T06:00Z', '2026-04-19..2026-04-19'),
      );
      expect(resolved('yesterday', MEXICO, '2026-04-21T06:00:00Z')).to.deep.equal(
        expected('2026-04-20T06:00Z', '2026-04-21T06:00Z', '2026-04-20..2026-04-20'),
      );
    });
    it('Kathmandu (+05:45): 2026-06-16T18:15Z is 17 Jun 00:00 local', () => {
      expect(resolved('today', KATHMANDU, '2026-06-16T18:14:59Z')).to.deep.equal(
        expected('2026-06-15T18:15Z', '2026-06-16T18:15Z', '2026-06-16..2026-06-16'),
      );
      expect(resolved('today', KATHMANDU, '2026-06-16T18:15:00Z')).to.deep.equal(
        expected('2026-06-16T18:15Z', '2026-06-17T18:15Z', '2026-06-17..2026-06-17'),
      );
    });
    it('month end: 2026-05-01T03:30Z is still 30 Apr 23:30 in Santiago, so This month is April', () => {
      // 1 Apr 00:00 is −03 (03:00Z); 1 May 00:00 is −04 (04:00Z).
      expect(resolved('this_month', SANTIAGO, '2026-05-01T03:30:00Z')).to.deep.equal(
        expected('2026-04-01T03:00Z', '2026-05-01T04:00Z', '2026-04-01..2026-04-30'),
      );
      expect(resolved('last_month', SANTIAGO, '2026-05-01T03:30:00Z')).to.deep.equal(
        expected('2026-03-01T03:00Z', '2026-04-01T03:00Z', '2026-03-01..2026-03-31'),
      );
      // Half an hour later it is 1 May locally.
      expect(resolved('this_month', SANTIAGO, '2026-05-01T04:00:00Z')).to.deep.equal(
        expected('2026-05-01T04:00Z', '2026-05-02T04:00Z', '2026-05-01..2026-05-01'),
      );
      expect(resolved('last_month', SANTIAGO, '2026-05-01T04:00:00Z')).to.deep.equal(
        expected('2026-04-01T03:00Z', '2026-05-01T04:00Z', '2026-04-01..2026-04-30'),
      );
    });
    it('year end: Madrid is in 2027 an hour before UTC is', () => {
      // 2026-12-31T23:30Z is Fri 1 Jan 2027 00:30 CET.
      const now = '2026-12-31T23:30:00Z';
      expect(resolved('today', MADRID, now)).to.deep.equal(expected('2026-12-31T23:00Z', '2027-01-01T23:00Z', '2027-01-01..2027-01-01'));
      expect(resolved('yesterday', MADRID, now)).to.deep.equal(
        expected('2026-12-30T23:00Z', '2026-12-31T23:00Z', '2026-12-31..2026-12-31'),
      );
      expect(resolved('this_month', MADRID, now)).to.deep.equal(
        expected('2026-12-31T23:00Z', '2027-01-01T23:00Z', '2027-01-01..2027-01-01'),
      );
      expect(resolved('last_month', MADRID, now)).to.deep.equal(
        expected('2026-11-30T23:00Z', '2026-12-31T23:00Z', '2026-12-01..2026-12-31'),
      );
    });
    it('year end: Mexico City is still in 2026 at 2027-01-01T05:59:59Z', () => {
      const now = '2027-01-01T05:59:59Z';
      expect(resolved('this_month', MEXICO, now)).to.deep.equal(
        expected('2026-12-01T06:00Z', '2027-01-01T06:00Z', '2026-12-01..2026-12-31'),
      );
      expect(resolved('last_month', MEXICO, now)).to.deep.equal(
        expected('2026-11-01T06:00Z', '2026-12-01T06:00Z', '2026-11-01..2026-11-30'),
      );
    });
  });

  describe('on and across DST days', () => {
    it('Santiago, Sun 6 Sep 2026 (spring forward): Today is 23 h and starts 01:00 −03', () => {
      // now = 12:00 −03 = 15:00Z. Sunday starts 01:00 −03 = 04:00Z (midnight never happens) and
      // ends Mon 00:00 −03 = 03:00Z.
      expect(resolved('today', SANTIAGO, '2026-09-06T15:00:00Z')).to.deep.equal(
        expected('2026-09-06T04:00Z', '2026-09-07T03:00Z', '2026-09-06..2026-09-06'),
      );
      // Saturday 5 Sep: 00:00 −04 = 04:00Z to the jump at 04:00Z on the 6th, a full 24 h.
      expect(resolved('yesterday', SANTIAGO, '2026-09-06T15:00:00Z')).to.deep.equal(
        expected('2026-09-05T04:00Z', '2026-09-06T04:00Z', '2026-09-05..2026-09-05'),
      );
    });
    it('Santiago, at the first instant of Sun 6 Sep (04:00Z) Today is already Sunday', () => {
      expect(resolved('today', SANTIAGO, '2026-09-06T04:00:00Z')).to.deep.equal(
        expected('2026-09-06T04:00Z', '2026-09-07T03:00Z', '2026-09-06..2026-09-06'),
      );
      expect(resolved('today', SANTIAGO, '2026-09-06T03:59:59.999Z')).to.deep.equal(
        expected('2026-09-05T04:00Z', '2026-09-06T04:00Z', '2026-09-05..2026-09-05'),
      );
    });
    it('Santiago, Sat 4 Apr 2026 (fall back): Today is 25 h, also during the repeated 23:00 hour', () => {
      // Sat 00:00 −03 = 03:00Z; Sun 00:00 −04 = 04:00Z on the 5th.
      const saturday = expected('2026-04-04T03:00Z', '2026-04-05T04:00Z', '2026-04-04..2026-04-04');
      expect(resolved('today', SANTIAGO, '2026-04-04T20:00:00Z')).to.deep.equal(saturday); // 17:00 −03
      expect(resolved('today', SANTIAGO, '2026-04-05T02:30:00Z')).to.deep.equal(saturday); // first 23:30 (−03)
      expect(resolved('today', SANTIAGO, '2026-04-05T03:30:00Z')).to.deep.equal(saturday); // second 23:30 (−04)
      expect(resolved('today', SANTIAGO, '2026-04-05T04:00:00Z').days).to.equal('2026-04-05..2026-04-05');
    });
    it('New York, Sun 8 Mar 2026 (23 h) and Sun 1 Nov 2026 (25 h)', () => {
      expect(resolved('today', NEW_YORK, '2026-03-08T12:00:00Z')).to.deep.equal(
        expected('2026-03-08T05:00Z', '2026-03-09T04:00Z', '2026-03-08..2026-03-08'),
      );
      // 06:30Z on 1 Nov is the second 01:30 (EST).
      expect(resolved('today', NEW_YORK, '2026-11-01T06:30:00Z')).to.deep.equal(
        expected('2026-11-01T04:00Z', '2026-11-02T05:00Z', '2026-11-01..2026-11-01'),
      );
    });
    it('Madrid, Sun 29 Mar 2026 (23 h) and Sun 25 Oct 2026 (25 h)', () => {
      expect(resolved('today', MADRID, '2026-03-29T12:00:00Z')).to.deep.equal(
        expected('2026-03-28T23:00Z', '2026-03-29T22:00Z', '2026-03-29..2026-03-29'),
      );
      expect(resolved('today', MADRID, '2026-10-25T12:00:00Z')).to.deep.equal(
        expected('2026-10-24T22:00Z', '2026-10-25T23:00Z', '2026-10-25..2026-10-25'),
      );
    });
    it('last_7_days across Santiago’s spring-forward is 167 h', () => {
      // now = Wed 9 Sep 12:00 −03 = 15:00Z; days 3–9 Sep; 3 Sep 00:00 −04 = 04:00Z;
      // Thu 10 Sep 00:00 −03 = 03:00Z.
      const range = resolveRange({ preset: 'last_7_days' }, SANTIAGO, at('2026-09-09T15:00:00Z'));
      expect(iso(range.from)).to.equal(iso(at('2026-09-03T04:00Z')));
      expect(iso(range.to)).to.equal(iso(at('2026-09-10T03:00Z')));
      expect(range.to - range.from).to.equal(167 * HOUR);
    });
    it('last_14_days across New York’s fall-back is 337 h', () => {
      // now = Thu 5 Nov 12:00 EST = 17:00Z; days 23 Oct – 5 Nov; 23 Oct 00:00 EDT = 04:00Z;
      // Fri 6 Nov 00:00 EST = 05:00Z.
      expect(resolved('last_14_days', NEW_YORK, '2026-11-05T17:00:00Z')).to.deep.equal(
        expected('2026-10-23T04:00Z', '2026-11-06T05:00Z', '2026-10-23..2026-11-05'),
      );
    });

    // Last month / this month whose span contains a DST change.
    const monthCases: Array<[string, Preset, string, string, string, string, number]> = [
      // [zone, preset, now, from, to, days, hours]
      // September in Santiago: 1 Sep 00:00 −04 = 04:00Z; 1 Oct 00:00 −03 = 03:00Z; 30 d − 1 h.
      [SANTIAGO, 'last_month', '2026-10-15T15:00:00Z', '2026-09-01T04:00Z', '2026-10-01T03:00Z', '2026-09-01..2026-09-30', 719],
      // April in Santiago: 1 Apr −03 = 03:00Z; 1 May −04 = 04:00Z; 30 d + 1 h.
      [SANTIAGO, 'last_month', '2026-05-10T15:00:00Z', '2026-04-01T03:00Z', '2026-05-01T04:00Z', '2026-04-01..2026-04-30', 721],
      // This month in Santiago on Sun 20 Sep 12:00 −03: 1 Sep 04:00Z to Mon 21 Sep 00:00 −03 = 03:00Z.
      [SANTIAGO, 'this_month', '2026-09-20T15:00:00Z', '2026-09-01T04:00Z', '2026-09-21T03:00Z', '2026-09-01..2026-09-20', 20 * 24 - 1],
      // March in New York: 1 Mar EST = 05:00Z; 1 Apr EDT = 04:00Z; 31 d − 1 h.
      [NEW_YORK, 'last_month', '2026-04-10T16:00:00Z', '2026-03-01T05:00Z', '2026-04-01T04:00Z', '2026-03-01..2026-03-31', 743],
      // November in New York: 1 Nov 00:00 EDT = 04:00Z; 1 Dec EST = 05:00Z; 30 d + 1 h.
      [NEW_YORK, 'last_month', '2026-12-10T17:00:00Z', '2026-11-01T04:00Z', '2026-12-01T05:00Z', '2026-11-01..2026-11-30', 721],
      // This month in New York on Fri 20 Mar 12:00 EDT: 1 Mar 05:00Z to 21 Mar 00:00 EDT = 04:00Z.
      [NEW_YORK, 'this_month', '2026-03-20T16:00:00Z', '2026-03-01T05:00Z', '2026-03-21T04:00Z', '2026-03-01..2026-03-20', 20 * 24 - 1],
      // October in Madrid: 1 Oct CEST = 30 Sep 22:00Z; 1 Nov CET = 31 Oct 23:00Z; 31 d + 1 h.
      [MADRID, 'last_month', '2026-11-05T12:00:00Z', '2026-09-30T22:00Z', '2026-10-31T23:00Z', '2026-10-01..2026-10-31', 745],
      // March in Madrid: 1 Mar CET = 28 Feb 23:00Z; 1 Apr CEST = 31 Mar 22:00Z; 31 d − 1 h.
      [MADRID, 'last_month', '2026-04-02T12:00:00Z', '2026-02-28T23:00Z', '2026-03-31T22:00Z', '2026-03-01..2026-03-31', 743],
      // This month in Madrid on Wed 28 Oct 13:00 CET: 30 Sep 22:00Z to 29 Oct 00:00 CET = 28 Oct 23:00Z.
      [MADRID, 'this_month', '2026-10-28T12:00:00Z', '2026-09-30T22:00Z', '2026-10-28T23:00Z', '2026-10-01..2026-10-28', 28 * 24 + 1],
      // Mexico City no longer changes: October is 31 × 24 h.
      [MEXICO, 'last_month', '2026-11-05T12:00:00Z', '2026-10-01T06:00Z', '2026-11-01T06:00Z', '2026-10-01..2026-10-31', 744],
    ];
    for (const [zone, preset, now, from, to, days, hours] of monthCases) {
      it(`${zone} ${preset} at ${now} is ${days} (${hours} h)`, () => {
        expect(resolved(preset, zone, now)).to.deep.equal(expected(from, to, days));
        expect(at(to) - at(from)).to.equal(hours * HOUR); // guards the hand arithmetic itself
        const range = resolveRange({ preset }, zone, at(now));
        expect(range.to - range.from).to.equal(hours * HOUR);
      });
    }
  });

  describe('presetDays', () => {
    it('last_month from the 31st of March is all of February', () => {
      expect(presetDays('last_month', day('2026-03-31'))).to.deep.equal({ firstDay: day('2026-02-01'), lastDay: day('2026-02-28') });
      expect(presetDays('last_month', day('2024-03-15'))).to.deep.equal({ firstDay: day('2024-02-01'), lastDay: day('2024-02-29') });
    });
    it('last_month in January is December of the year before', () => {
      expect(presetDays('last_month', day('2026-01-10'))).to.deep.equal({ firstDay: day('2025-12-01'), lastDay: day('2025-12-31') });
    });
    it('this_month on the 1st is that single day', () => {
      expect(presetDays('this_month', day('2026-07-01'))).to.deep.equal({ firstDay: day('2026-07-01'), lastDay: day('2026-07-01') });
    });
    it('last_30_days from 1 Mar 2026 starts 31 Jan (February has 28 days)', () => {
      expect(presetDays('last_30_days', day('2026-03-01'))).to.deep.equal({ firstDay: day('2026-01-31'), lastDay: day('2026-03-01') });
    });
    it('yesterday on 1 Jan is 31 Dec', () => {
      expect(presetDays('yesterday', day('2027-01-01'))).to.deep.equal({ firstDay: day('2026-12-31'), lastDay: day('2026-12-31') });
    });
    it('Last N days covers exactly N days, ending today', () => {
      const today = day('2026-03-05');
      for (const [preset, n] of [
        ['today', 1],
        ['last_7_days', 7],
        ['last_14_days', 14],
        ['last_30_days', 30],
      ] as const) {
        const { firstDay, lastDay } = presetDays(preset, today);
        expect(lastDay, preset).to.deep.equal(today);
        expect(dayCount(firstDay, lastDay), preset).to.equal(n);
      }
    });
  });

  describe('custom ranges', () => {
    it('resolve to [start of the first day, start of the day after the last)', () => {
      // Santiago 5–6 Sep 2026: Sat 00:00 −04 = 5 Sep 04:00Z; Mon 7 Sep 00:00 −03 = 03:00Z (47 h).
      const range = resolveRange({ from: day('2026-09-05'), to: day('2026-09-06') }, SANTIAGO, at('2026-11-01T00:00Z'));
      expect(iso(range.from)).to.equal(iso(at('2026-09-05T04:00Z')));
      expect(iso(range.to)).to.equal(iso(at('2026-09-07T03:00Z')));
      expect(range.firstDay).to.deep.equal(day('2026-09-05'));
      expect(range.lastDay).to.deep.equal(day('2026-09-06'));
      expect(range.to - range.from).to.equal(47 * HOUR);
    });
    it('a single day is that day, however long it is (New York, Sun 1 Nov 2026: 25 h)', () => {
      const range = resolveRange({ from: day('2026-11-01'), to: day('2026-11-01') }, NEW_YORK, at('2026-11-20T00:00Z'));
      expect([iso(range.from), iso(range.to)]).to.deep.equal([iso(at('2026-11-01T04:00Z')), iso(at('2026-11-02T05:00Z'))]);
    });
    it('the whole of 2026 in Madrid: 1 Jan 00:00 CET to 1 Jan 2027 00:00 CET', () => {
      const range = resolveRange({ from: day('2026-01-01'), to: day('2026-12-31') }, MADRID, at('2027-01-05T00:00Z'));
      expect([iso(range.from), iso(range.to)]).to.deep.equal([iso(at('2025-12-31T23:00Z')), iso(at('2026-12-31T23:00Z'))]);
    });
    it('June 2026 in Kolkata (+05:30)', () => {
      const range = resolveRange({ from: day('2026-06-01'), to: day('2026-06-30') }, KOLKATA, at('2026-07-01T00:00Z'));
      expect([iso(range.from), iso(range.to)]).to.deep.equal([iso(at('2026-05-31T18:30Z')), iso(at('2026-06-30T18:30Z'))]);
    });
    it('do not depend on `now`', () => {
      const a = resolveRange({ from: day('2026-03-01'), to: day('2026-03-31') }, MEXICO, at('2026-04-01T00:00Z'));
      const b = resolveRange({ from: day('2026-03-01'), to: day('2026-03-31') }, MEXICO, at('2030-01-01T00:00Z'));
      expect(a).to.deep.equal(b);
      expect([iso(a.from), iso(a.to)]).to.deep.equal([iso(at('2026-03-01T06:00Z')), iso(at('2026-04-01T06:00Z'))]);
    });
  });

  describe('dayCount', () => {
    it('counts inclusive days', () => {
      expect(dayCount(day('2026-04-20'), day('2026-04-20'))).to.equal(1);
      expect(dayCount(day('2026-01-01'), day('2026-12-31'))).to.equal(365);
      expect(dayCount(day('2024-01-01'), day('2024-12-31'))).to.equal(366);
      expect(dayCount(day('2026-03-22'), day('2026-04-20'))).to.equal(30);
    });
  });

  describe('validateRange', () => {
    it('the limit is 366 days', () => {
      expect(MAX_RANGE_DAYS).to.equal(366);
    });
    it('accepts a single day and an ordinary range', () => {
      expect(validateRange(day('2026-04-20'), day('2026-04-20'))).to.equal(undefined);
      expect(validateRange(day('2026-03-01'), day('2026-03-31'))).to.equal(undefined);
    });
    it('rejects from after to', () => {
      expect(validateRange(day('2026-04-21'), day('2026-04-20'))).to.deep.equal({ code: 'from-after-to' });
      expect(validateRange(day('2027-01-01'), day('2026-12-31'))).to.deep.equal({ code: 'from-after-to' });
    });
    it('accepts exactly 366 days (1 Jan 2026 … 1 Jan 2027; all of leap 2024)', () => {
      expect(validateRange(day('2026-01-01'), day('2027-01-01'))).to.equal(undefined);
      expect(validateRange(day('2024-01-01'), day('2024-12-31'))).to.equal(undefined);
    });
    it('rejects 367 days', () => {
      expect(validateRange(day('2026-01-01'), day('2027-01-02'))).to.deep.equal({ code: 'range-too-long', days: 367, max: 366 });
      // 2024 is a leap year: 1 Jan 2024 … 1 Jan 2025 is 367 days.
      expect(validateRange(day('2024-01-01'), day('2025-01-01'))).to.deep.equal({ code: 'range-too-long', days: 367, max: 366 });
    });
    it('rejects a range starting after today when today is given', () => {
      const today = day('2026-04-20');
      expect(validateRange(day('2026-04-21'), day('2026-04-25'), today)).to.deep.equal({ code: 'future', today });
      expect(validateRange(day('2027-01-01'), day('2027-01-01'), today)).to.deep.equal({ code: 'future', today });
    });
    it('accepts a range starting today, or in the past, when today is given', () => {
      const today = day('2026-04-20');
      expect(validateRange(day('2026-04-20'), day('2026-04-20'), today)).to.equal(undefined);
      expect(validateRange(day('2026-03-22'), day('2026-04-20'), today)).to.equal(undefined);
    });
    it('does not check the future without today', () => {
      expect(validateRange(day('2099-01-01'), day('2099-01-31'))).to.equal(undefined);
    });
    it('reports from-after-to before anything else', () => {
      expect(validateRange(day('2030-01-02'), day('2030-01-01'), day('2026-04-20'))).to.deep.equal({ code: 'from-after-to' });
    });
  });
});
