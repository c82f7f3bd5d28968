/**
 * Filter applicability as data (src/core/query/applicability.ts), docs/decisions.md "Filter applicability":
 *
 * | filter                  | incoming | outgoing, delivery, failed |
 * | channel, contact        | yes      | yes                        |
 * | team, user              | yes      | yes                        |
 * | source, type, broadcast | no       | yes                        |
 */
import { expect } from 'chai';
import { FILTER_APPLICABILITY, activeFilterFields, notApplicableFilters, type QueryScope } from '../../src/core/query/applicability.js';
import { FILTER_FIELDS, type Filters } from '../../src/core/contract/types.js';

describe('filter applicability', () => {
  it('the seven filter fields, in "Add filter" menu order', () => {
    expect([...FILTER_FIELDS]).to.deep.equal(['channel', 'contact', 'source', 'type', 'team', 'user', 'broadcast']);
  });

  describe('FILTER_APPLICABILITY', () => {
    it('incoming honours channel, contact, team and user, and ignores source, type and broadcast', () => {
      expect(FILTER_APPLICABILITY.incoming).to.deep.equal({
        channel: true,
        contact: true,
        source: false,
        type: false,
        team: true,
        user: true,
        broadcast: false,
      });
    });
    it('outgoing honours every filter', () => {
      for (const field of FILTER_FIELDS) expect(FILTER_APPLICABILITY.outgoing[field], field).to.equal(true);
    });
    it('has exactly the two scopes, each with exactly the seven fields', () => {
      expect(Object.keys(FILTER_APPLICABILITY).sort()).to.deep.equal(['incoming', 'outgoing']);
      for (const scope of ['incoming', 'outgoing'] as const) {
        expect(Object.keys(FILTER_APPLICABILITY[scope]).sort(), scope).to.deep.equal([...FILTER_FIELDS].sort());
      }
    });
    it('is plain JSON data (booleans only), so it can be exported to hosts and servers', () => {
      expect(JSON.parse(JSON.stringify(FILTER_APPLICABILITY))).to.deep.equal(FILTER_APPLICABILITY);
      for (const scope of ['incoming', 'outgoing'] as const) {
        for (const value of Object.values(FILTER_APPLICABILITY[scope])) expect(value).to.be.a('boolean');
      }
    });
  });

  describe('activeFilterFields', () => {
    it('no filters, or only empty arrays, means no active filter', () => {
      expect(activeFilterFields({})).to.deep.equal([]);
      const allEmpty: Filters = { channel: [], contact: [], source: [], type: [], team: [], user: [], broadcast: [] };
      expect(activeFilterFields(allEmpty)).to.deep.equal([]);
    });
    it('an undefined field is not active', () => {
      expect(activeFilterFields({ channel: undefined, user: ['u_1'] })).to.deep.equal(['user']);
    });
    it('only fields with at least one value are active', () => {
      expect(activeFilterFields({ channel: ['ch_1'], source: [], broadcast: ['b_1', 'b_2'] })).to.deep.equal(['channel', 'broadcast']);
    });
    it('follows FILTER_FIELDS order, not the order the keys were added', () => {
      const filters: Filters = {
        broadcast: ['b'],
        user: ['u'],
        type: ['session'],
        channel: ['c'],
        team: ['t'],
        contact: ['k'],
        source: ['bot'],
      };
      expect(activeFilterFields(filters)).to.deep.equal([...FILTER_FIELDS]);
    });
    it('ignores keys that are not filter fields', () => {
      const filters = { channel: ['c'], q: ['x'], subtype: ['y'] } as unknown as Filters;
      expect(activeFilterFields(filters)).to.deep.equal(['channel']);
    });
  });

  describe('notApplicableFilters', () => {
    const every: Filters = {
      broadcast: ['b_3'],
      user: ['u_1'],
      type: ['whatsapp_template'],
      channel: ['ch_2'],
      team: ['t_1'],
      contact: ['c_9'],
      source: ['broadcast'],
    };

    it('incoming cannot honour source, type and broadcast, listed in menu order', () => {
      expect(notApplicableFilters('incoming', every)).to.deep.equal(['source', 'type', 'broadcast']);
    });
    it('outgoing honours them all', () => {
      expect(notApplicableFilters('outgoing', every)).to.deep.equal([]);
    });
    it('each incoming-only-ignored field is reported on its own', () => {
      for (const field of ['source', 'type', 'broadcast'] as const) {
        expect(notApplicableFilters('incoming', { [field]: ['x'] }), field).to.deep.equal([field]);
        expect(notApplicableFilters('outgoing', { [field]: ['x'] }), field).to.deep.equal([]);
      }
    });
    it('channel, contact, team and user are applicable everywhere', () => {
      const filters: Filters = { channel: ['a'], contact: ['b'], team: ['c'], user: ['d'] };
      for (const scope of ['incoming', 'outgoing'] as QueryScope[]) {
        expect(notApplicableFilters(scope, filters), scope).to.deep.equal([]);
      }
    });
    it('an empty array is not an active filter, so it is never "not applicable"', () => {
      expect(notApplicableFilters('incoming', { source: [], type: [], broadcast: [] })).to.deep.equal([]);
      expect(notApplicableFilters('incoming', { source: [], broadcast: ['b'] })).to.deep.equal(['broadcast']);
    });
    it('no filters at all: nothing to report in either scope', () => {
      expect(notApplicableFilters('incoming', {})).to.deep.equal([]);
      expect(notApplicableFilters('outgoing', {})).to.deep.equal([]);
    });
    it('agrees with the table for every single-field filter in both scopes', () => {
      for (const scope of ['incoming', 'outgoing'] as QueryScope[]) {
        for (const field of FILTER_FIELDS) {
          const expected = FILTER_APPLICABILITY[scope][field] ? [] : [field];
          expect(notApplicableFilters(scope, { [field]: ['v'] }), `${scope} ${field}`).to.deep.equal(expected);
        }
      }
    });
  });
});
