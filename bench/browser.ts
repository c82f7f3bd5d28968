/**
 * The Chromium every page benchmark runs in. `npm run bench` and `npm run bench:profile` launch it
 * the same way, so that a profile explains the figures the bench prints: headless Debian
 * Chromium (or `CHROME_PATH`), no GPU, and none of the browser's own background traffic (updates,
 * sync, QUIC probes) competing with the page for the two cores.
 */
import puppeteer, { type Browser } from 'puppeteer-core';

export function launchBenchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
