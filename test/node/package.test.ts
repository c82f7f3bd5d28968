/**
 * The published package: `npm run build` produces every file the `exports` map names, with
 * types, and the DOM-free core runs in Node as it is published.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as Core from '../../src/core/index.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  customElements: string;
  sideEffects: string[];
};

describe('the package', () => {
  before(() => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe' });
  });

  it('builds every file its exports map names, each with its .d.ts', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const file of files) assert.ok(existsSync(resolve(root, file)), `${entry} → ${file} is missing`);
    }
  });

  it('lists what `npm pack` would publish, and nothing from the demo or the mocks', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(output) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
    assert.ok(files.includes('dist/index.js'));
    assert.ok(files.includes(pkg.customElements));
    assert.ok(files.includes('openapi.yaml'));
    assert.deepEqual(
      files.filter((file) => /mockServiceWorker|^mock\/|^reference\/|^demo\/|^test\//.test(file)),
      [],
    );
  });

  it('runs the DOM-free core in Node as published', async () => {
    const core = (await import(resolve(root, 'dist/core.js'))) as typeof Core;
    const state = core.buildReportState({
      endpoint: 'https://reports.example/api',
      timezone: 'America/Santiago',
      now: '2026-09-06T12:00:00Z',
      preset: 'today',
    });
    // Santiago springs forward at 24:00 on 5 Sep 2026: 6 Sep starts at 01:00 −03 = 04:00Z.
    assert.deepEqual(state.query, {
      from: '2026-09-06T04:00:00.000Z',
      to: '2026-09-07T03:00:00.000Z',
      tz: 'America/Santiago',
      filters: {},
    });
  });

  it('has a manifest that documents every element', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, pkg.customElements), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
    assert.deepEqual(tags.map((d) => d.tagName).sort(), [
      'msg-breakdown-chart',
      'msg-delivery-line',
      'msg-messages-report',
      'msg-report',
      'msg-report-filters',
      'msg-table',
    ]);
    const chart = tags.find((d) => d.tagName === 'msg-breakdown-chart')!;
    for (const name of ['direction', 'group-by', 'show', 'endpoint', 'for']) {
      assert.ok(
        chart.attributes?.some((a) => a.name === name),
        `attribute ${name}`,
      );
    }
  });
});
