import { expect } from '@open-wc/testing';
import { startOfDay } from '../../src/core/query/zoned-time.js';

it('smoke', () => {
  expect(new Date(startOfDay({ year: 2026, month: 3, day: 8 }, 'America/New_York')).toISOString()).to.equal('2026-03-08T05:00:00.000Z');
});
