/**
 * `npm start` at a terminal (issue 8): the start-up output ends with the report's URL alone on its
 * line; requests are not logged in the terminal's quiet text format, and are logged as JSON lines
 * with LOG_FORMAT=json (the default when stdout is not a terminal); seeding reports how far the
 * generation of the sample data is while it runs, not only before and after.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { chooseLogging } from '../../server/command.js';
import type { SeedProgress } from '../../server/seed.js';
import { setupStore } from '../../server/setup.js';

const dir = mkdtempSync(join(tmpdir(), 'msg-report-terminal-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Finished {
  url: string;
  stdout: string;
  stderr: string;
  /** stderr as it stood when the URL was printed: the start-up output. */
  startup: string;
}

/**
 * Starts the demo server (the first run seeds a small data set, the next ones reuse it), waits for
 * its URL, sends one request for a breakdown, then stops it with SIGTERM and returns its output.
 */
async function serveOneRequest(env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: '', LOG_FORMAT: '', DATA_DIR: dir, SEED_MESSAGES: '2000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const match = /serving the report at\n(\S+)\n$/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const startup = stderr;
    const response = await fetch(
      `${url}api/breakdown?direction=incoming&groupBy=channel&from=2026-11-01T06:00:00Z&to=2026-11-02T06:00:00Z&tz=America/Mexico_City`,
    );
    assert.equal(response.status, 200, await response.clone().text());
    await response.arrayBuffer();
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    return { url, stdout, stderr, startup };
  } finally {
    child.kill('SIGKILL');
  }
}

describe('#8 npm start at a terminal', () => {
  test(
    'the last line of the start-up output is the URL, alone; a request is not logged in the terminal format',
    { timeout: 120_000 },
    async () => {
      const run = await serveOneRequest({ LOG_FORMAT: 'text' });
      const lines = run.startup.split('\n');
      assert.equal(lines.at(-1), '', 'the output ends with a line break');
      assert.equal(lines.at(-2), run.url, `the URL alone on the last line: ${JSON.stringify(run.startup)}`);
      assert.match(run.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.equal(run.stdout, '', 'nothing on stdout: no JSON line at start, none per request');
      assert.equal(run.stderr, run.startup, 'nothing more on stderr after the URL: the request was not logged');
    },
  );

  test('with LOG_FORMAT=json, the request is logged as a JSON line', { timeout: 120_000 }, async () => {
    const run = await serveOneRequest({ LOG_FORMAT: 'json' });
    const entries = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const request = entries.find((entry) => entry.msg === 'request');
    assert.ok(request, `a request entry among ${run.stdout}`);
    assert.equal(request.path, '/api/breakdown');
    assert.equal(request.status, 200);
    assert.equal(run.startup.trimEnd().split('\n').at(-1), run.url, 'the URL is still the last line of the start-up output');
  });

  test('the format follows the terminal unless LOG_FORMAT says; a bad LOG_FORMAT is refused', () => {
    assert.equal(chooseLogging(undefined, undefined, true).format, 'text');
    assert.equal(chooseLogging(undefined, undefined, false).format, 'json');
    assert.equal(chooseLogging('json', undefined, true).format, 'json');
    assert.equal(chooseLogging('text', undefined, false).format, 'text');
    assert.match(chooseLogging('yaml', undefined, true).problem ?? '', /LOG_FORMAT must be json or text, not "yaml"/);
  });
});

describe('#8 seeding progress', () => {
  test('the progress callback reports intermediate fractions while the sample data is generated', async () => {
    const seen: SeedProgress[] = [];
    const setup = await setupStore({
      sqliteFile: join(dir, 'progress.sqlite'),
      seed: { messages: 3000, dataset: { months: 2 } },
      sqliteWorkers: 1,
      onProgress: (progress) => seen.push({ ...progress }),
    });
    await setup.store.close();
    const generate = seen.filter((p) => p.phase === 'generate').map((p) => p.done / p.total);
    assert.equal(generate[0], 0);
    assert.equal(generate.at(-1), 1);
    const between = generate.filter((fraction) => fraction > 0 && fraction < 1);
    assert.ok(between.length >= 30, `a step per day of generation at least (${between.length} between 0 and 1)`);
    assert.deepEqual(
      generate,
      [...generate].sort((a, b) => a - b),
      'never backwards',
    );
    // The generation comes first, then the loading phases, each moving too.
    assert.equal(seen[0]?.phase, 'generate');
    const rollup = seen.filter((p) => p.phase === 'rollup');
    assert.ok(
      rollup.some((p) => p.done > 0 && p.done < p.total),
      'the message counts are rebuilt step by step',
    );
    const statistics = seen.filter((p) => p.phase === 'statistics');
    assert.ok(
      statistics.some((p) => p.done > 0 && p.done < p.total),
      'statistics are gathered table by table',
    );
  });
});
