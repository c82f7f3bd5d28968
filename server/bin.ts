#!/usr/bin/env node
/**
 * `msg-report-server`, the package's command (built into dist/server/cli.js): the reporting
 * endpoint on a database of your own — PostgreSQL through DATABASE_URL, or an SQLite file. No demo
 * page, and no sample data unless `--seed N` asks for it. `msg-report-server --help` lists the
 * options; ./command.ts runs it.
 */
import { runServerCommand } from './command.js';

await runServerCommand('product');
