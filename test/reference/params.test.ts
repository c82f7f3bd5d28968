import { expect } from '@open-wc/testing';
import { encodeCursor } from '../../server/api/cursor.js';
import { parseBreakdownParams, parseDeliveryParams, parseMessagesParams, parseOptionsParams } from '../../server/api/params.js';
import type { ParseResult } from '../../server/api/query-params.js';
import { parseInstant } from '../../server/api/time-params.js';
import type { CompareParams, Problem } from '../../src/core/contract/types.js';

const base = 'from=2026-11-01T06:00:00.000Z&to=2026-11-08T06:00:00.000Z&tz=America/Mexico_City';
const sp = (text: string) => new URLSearchParams(text);

function problemOf<T>(result: ParseResult<T>): Problem {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.params)}`);
  return result.problem;
}
function paramsOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected params, got ${JSON.stringify(result.problem)}`);
  return result.params;
}
const names = (problem: Problem) => problem.invalidParams!.map((p) => p.name);

describe('reference params', () => {
  it('parses a full breakdown query: filters repeated, deduplicated, unknown params ignored', () => {
    const params = paramsOf(
      parseBreakdownParams(
        sp(
          `${base}&direction=outgoing&groupBy=source&compareFrom=2026-10-25T00:00:00-06:00&compareTo=2026-11-01T06:00:00Z&channel=ch_1&channel=ch_2&channel=ch_1&source=bot&team=t_1&foo=bar`,
        ),
      ),
    );
    expect(params).to.deep.equal({
      from: '2026-11-01T06:00:00.000Z',
      to: '2026-11-08T06:00:00.000Z',
      tz: 'America/Mexico_City',
      filters: { channel: ['ch_1', 'ch_2'], source: ['bot'], team: ['t_1'] },
      direction: 'outgoing',
      groupBy: 'source',
      compareFrom: '2026-10-25T06:00:00.000Z',
      compareTo: '2026-11-01T06:00:00.000Z',
    });
  });

  it('answers an RFC 9457 problem naming each invalid parameter', () => {
    const problem = problemOf(parseBreakdownParams(sp('direction=sideways')));
    expect(problem).to.include({ type: 'about:blank', title: 'Invalid query', status: 400 });
    expect(names(problem)).to.deep.equal(['from', 'to', 'tz', 'direction', 'groupBy']);
    expect(problem.detail).to.be.a('string').and.contain('from is required');
  });

  it('rejects from after (or equal to) to', () => {
    const problem = problemOf(parseDeliveryParams(sp('from=2026-11-08T06:00:00.000Z&to=2026-11-01T06:00:00.000Z&tz=UTC&interval=day')));
    expect(problem.invalidParams).to.deep.equal([{ name: 'from', reason: 'must be before to' }]);
    expect(problem.detail).to.equal('from must be before to');
    const same = problemOf(parseDeliveryParams(sp('from=2026-11-08T06:00:00Z&to=2026-11-08T06:00:00Z&tz=UTC&interval=day')));
    expect(names(same)).to.deep.equal(['from']);
  });

  it('accepts 366 local days across a DST change and rejects 367', () => {
    // 10 March 2026 00:00 EDT → 11 March 2027 00:00 EST: 366 local days, 366 × 24 h + 1 h of real time.
    const ok = parseBreakdownParams(
      sp('from=2026-03-10T04:00:00.000Z&to=2027-03-11T05:00:00.000Z&tz=America/New_York&direction=outgoing&groupBy=channel'),
    );
    expect(ok.ok, JSON.stringify(ok)).to.equal(true);
    const tooLong = parseBreakdownParams(
      sp('from=2026-03-10T04:00:00.000Z&to=2027-03-12T05:00:00.000Z&tz=America/New_York&direction=outgoing&groupBy=channel'),
    );
    expect(names(problemOf(tooLong))).to.deep.equal(['to']);
    // The leap day counts: 1 March 2027 … 29 February 2028 is 366 days, one more is too many.
    expect(parseDeliveryParams(sp('from=2027-03-01T00:00:00Z&to=2028-03-01T00:00:00Z&tz=UTC&interval=month')).ok).to.equal(true);
    const year = problemOf(parseDeliveryParams(sp('from=2027-03-01T00:00:00Z&to=2028-03-02T00:00:00Z&tz=UTC&interval=month')));
    expect(names(year)).to.deep.equal(['to']);
  });

  it('rejects bad instants and unknown time zones', () => {
    for (const bad of [
      '2026-11-01',
      '2026-11-01T06:00',
      '2026-11-01T06:00Z',
      '2026-11-01T06:00:00',
      'yesterday',
      '2026-02-30T00:00:00Z',
      '2026-11-01T24:00:00Z',
      '1762000000000',
    ]) {
      expect(
        names(problemOf(parseBreakdownParams(sp(`from=${bad}&to=2026-12-01T00:00:00Z&tz=UTC&direction=outgoing&groupBy=type`)))),
        bad,
      ).to.deep.equal(['from']);
    }
    expect(parseInstant('2026-11-01T00:00:00-06:00')).to.equal(Date.parse('2026-11-01T06:00:00.000Z'));
    expect(parseInstant('2026-11-01T00:00:00 01:00'), 'an unencoded + arrives as a space').to.equal(Date.parse('2026-10-31T23:00:00.000Z'));
    expect(parseInstant('2026-11-01T06:00:00.123456Z')).to.equal(Date.parse('2026-11-01T06:00:00.123Z'));
    for (const tz of ['Mars/Olympus_Mons', 'GMT+25', '']) {
      const problem = problemOf(
        parseBreakdownParams(sp(`from=2026-11-01T06:00:00Z&to=2026-11-02T06:00:00Z&tz=${tz}&direction=outgoing&groupBy=type`)),
      );
      expect(names(problem), tz).to.deep.equal(['tz']);
    }
  });

  it('accepts only known source and type filter values', () => {
    expect(names(problemOf(parseBreakdownParams(sp(`${base}&direction=outgoing&groupBy=type&source=user&source=robot`))))).to.deep.equal([
      'source',
    ]);
    expect(names(problemOf(parseMessagesParams(sp(`${base}&kind=outgoing&type=template`))))).to.deep.equal(['type']);
    expect(paramsOf(parseMessagesParams(sp(`${base}&kind=outgoing&type=session&source=zapier`))).filters).to.deep.equal({
      type: ['session'],
      source: ['zapier'],
    });
  });

  it('allows only channel grouping for incoming messages', () => {
    for (const groupBy of ['source', 'type', 'subtype']) {
      const problem = problemOf(parseBreakdownParams(sp(`${base}&direction=incoming&groupBy=${groupBy}`)));
      expect(problem.invalidParams).to.deep.equal([{ name: 'groupBy', reason: 'must be channel for incoming messages' }]);
    }
    expect(paramsOf(parseBreakdownParams(sp(`${base}&direction=incoming&groupBy=channel`))).groupBy).to.equal('channel');
    expect(names(problemOf(parseBreakdownParams(sp(`${base}&direction=outgoing&groupBy=colour`))))).to.deep.equal(['groupBy']);
  });

  it('takes compareFrom/compareTo both or neither, in order, over at most 366 days, as instants in 1970–2100', () => {
    const breakdown = (extra: string) => parseBreakdownParams(sp(`${base}&direction=outgoing&groupBy=type${extra}`));
    const delivery = (extra: string) => parseDeliveryParams(sp(`${base}&interval=day${extra}`));
    const reasons = (result: ParseResult<unknown>) => problemOf(result).invalidParams;
    for (const parse of [breakdown, delivery] as ((extra: string) => ParseResult<CompareParams>)[]) {
      expect(paramsOf(parse(''))).not.to.have.any.keys('compareFrom', 'compareTo');
      expect(reasons(parse('&compareFrom=2026-10-25T06:00:00Z'))).to.deep.equal([
        { name: 'compareTo', reason: 'is required with compareFrom' },
      ]);
      expect(reasons(parse('&compareTo=2026-10-25T06:00:00Z'))).to.deep.equal([
        { name: 'compareFrom', reason: 'is required with compareTo' },
      ]);
      expect(reasons(parse('&compareFrom=2026-10-25T06:00:00Z&compareTo=2026-10-25T06:00:00Z'))).to.deep.equal([
        { name: 'compareFrom', reason: 'must be before compareTo' },
      ]);
      expect(names(problemOf(parse('&compareFrom=yesterday&compareTo=2026-10-25T06:00:00Z')))).to.deep.equal(['compareFrom']);
      expect(names(problemOf(parse('&compareFrom=&compareTo=')))).to.deep.equal(['compareFrom', 'compareTo']);
      expect(names(problemOf(parse('&compareFrom=1969-12-31T00:00:00Z&compareTo=1970-01-02T00:00:00Z')))).to.deep.equal(['compareFrom']);
      // 366 local days in Mexico City (the range's zone) pass; 367 do not.
      expect(paramsOf(parse('&compareFrom=2025-01-01T06:00:00Z&compareTo=2026-01-02T06:00:00Z'))).to.include({
        compareFrom: '2025-01-01T06:00:00.000Z',
        compareTo: '2026-01-02T06:00:00.000Z',
      });
      expect(reasons(parse('&compareFrom=2025-01-01T06:00:00Z&compareTo=2026-01-03T06:00:00Z'))).to.deep.equal([
        { name: 'compareTo', reason: 'must be at most 366 days after compareFrom (period spans 367 days)' },
      ]);
    }
  });

  it('limits delivery to 800 buckets', () => {
    const month = 'from=2026-01-01T06:00:00.000Z&to=2026-02-04T06:00:00.000Z&tz=America/Mexico_City';
    expect(names(problemOf(parseDeliveryParams(sp(`${month}&interval=hour`))))).to.deep.equal(['interval']); // 816 hours
    expect(paramsOf(parseDeliveryParams(sp(`${month}&interval=day`))).interval).to.equal('day');
    const exactly800 = 'from=2026-01-01T06:00:00.000Z&to=2026-02-03T14:00:00.000Z&tz=America/Mexico_City';
    expect(paramsOf(parseDeliveryParams(sp(`${exactly800}&interval=hour`))).interval).to.equal('hour');
    expect(names(problemOf(parseDeliveryParams(sp(base))))).to.deep.equal(['interval']);
    expect(names(problemOf(parseDeliveryParams(sp(`${base}&interval=minute`))))).to.deep.equal(['interval']);
  });

  it('validates messages kind, limit, order and cursor', () => {
    expect(paramsOf(parseMessagesParams(sp(`${base}&kind=failed`)))).to.include({ kind: 'failed', limit: 100, order: 'desc' });
    expect(paramsOf(parseMessagesParams(sp(`${base}&kind=incoming&limit=1000&order=asc`)))).to.include({ limit: 1000, order: 'asc' });
    for (const limit of ['0', '1001', '-5', '2.5', 'ten', '']) {
      expect(names(problemOf(parseMessagesParams(sp(`${base}&kind=incoming&limit=${limit}`)))), limit).to.deep.equal(['limit']);
    }
    expect(names(problemOf(parseMessagesParams(sp(`${base}&kind=all`))))).to.deep.equal(['kind']);
    expect(names(problemOf(parseMessagesParams(sp(`${base}&kind=incoming&order=random`))))).to.deep.equal(['order']);
    // A signed cursor is `<position>.<mac>`; the router checks the signature (test/node/server-hardening.test.ts).
    const position = encodeCursor({ ts: 1, id: 'm_1', returned: 100, kind: 'incoming', order: 'desc' });
    const cursor = `${position}.${'A'.repeat(43)}`;
    expect(paramsOf(parseMessagesParams(sp(`${base}&kind=incoming&cursor=${cursor}`))).cursor).to.equal(cursor);
    const unsigned = [position, `${position}.`, `${position}.${'A'.repeat(42)}`, `${position}.${'A'.repeat(44)}`];
    for (const bad of [
      'garbage!',
      'eyJ2IjoyfQ',
      btoa('{"v":1,"t":1,"i":"m","n":0,"k":"incoming","o":"desc"}'),
      cursor.slice(0, -3),
      ...unsigned,
    ]) {
      expect(names(problemOf(parseMessagesParams(sp(`${base}&kind=incoming&cursor=${encodeURIComponent(bad)}`)))), bad).to.deep.equal([
        'cursor',
      ]);
    }
    expect(names(problemOf(parseMessagesParams(sp(`${base}&kind=outgoing&cursor=${cursor}`)))), 'cursor of another kind').to.deep.equal([
      'cursor',
    ]);
    expect(
      names(problemOf(parseMessagesParams(sp(`${base}&kind=incoming&order=asc&cursor=${cursor}`)))),
      'cursor of another order',
    ).to.deep.equal(['cursor']);
  });

  it('validates options field, q and limit', () => {
    expect(paramsOf(parseOptionsParams('contact', sp('q=José')))).to.deep.equal({ field: 'contact', q: 'José', limit: 50 });
    expect(paramsOf(parseOptionsParams('channel', sp('limit=200&q=')))).to.deep.equal({ field: 'channel', limit: 200 });
    expect(names(problemOf(parseOptionsParams('channel', sp('limit=201'))))).to.deep.equal(['limit']);
    expect(names(problemOf(parseOptionsParams('channel', sp('limit=0'))))).to.deep.equal(['limit']);
    expect(names(problemOf(parseOptionsParams('colour', sp(''))))).to.deep.equal(['field']);
  });
});
