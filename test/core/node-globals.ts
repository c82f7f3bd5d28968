/**
 * Runs the core's Mocha-style tests under `node --test` as well as in Chromium: Node's test
 * runner provides `describe`, `it` and the hooks; they become globals here, as Mocha's are in the
 * browser. The core is DOM-free, so its tests must pass in both.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

Object.assign(globalThis, { after, afterEach, before, beforeEach, describe, it });
