// @ts-check
/**
 * Browser tests: @web/test-runner in Debian's Chromium (no browser download on these machines).
 * TypeScript is stripped by esbuild; decorators follow tsconfig (experimentalDecorators).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser'] },
  // One page at a time: with two, the page in the background tab loses its animation frames
  // (fixtures and ECharts wait on them) and tests time out at random. One is also faster here.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  // Mocha's hooks share the tests' timeout. The first file whose `before` starts the mocks loads
  // ECharts unbundled (hundreds of module files through this server), which took 10.2–10.6 s on
  // a fresh 2-core machine (3.2 s once the server has them): 10 s failed that file at random.
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' })],
  middleware: [
    // MSW's worker must be served from the site root.
    function serveMockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
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
      },
    }),
  ],
  // ECharts reads process.env.NODE_ENV at import time.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
