/**
 * The size budgets, in npm test: `npm run size -- --check` builds the host pages of bench/size/
 * (the whole report, filters + table, one chart) and their floors with Vite, as a host builds its
 * app, and fails when a page breaks its budget (bench/size.ts holds the budgets and the aims). A few
 * seconds per build; no timing is asserted.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('host builds keep their size budgets (npm run size -- --check)', { timeout: 180_000 }, (t) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/size.ts', '--check'], { encoding: 'utf8' });
  for (const line of result.stdout.trimEnd().split('\n')) t.diagnostic(line);
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
});
