import { expect } from '@open-wc/testing';

const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

interface CspResult {
  violations: string[];
  canvases: number[];
  metrics: number[];
  injected: boolean;
}

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  it('renders the elements and their charts without a single violation', async function () {
    this.timeout(20_000);
    const iframe = document.createElement('iframe');
    iframe.style.width = '1000px';
    iframe.style.height = '900px';
    const result = new Promise<CspResult>((resolve) => {
      window.addEventListener('message', function onMessage(event) {
        if ((event.data as { type?: string } | null)?.type !== 'csp-result') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data as CspResult);
      });
    });
    iframe.srcdoc = `<!doctype html><html lang="es"><head>
      <meta http-equiv="Content-Security-Policy" content="${POLICY}">
      <script type="module" src="/test/fixtures/process-shim.js"></script>
      <script type="module" src="/test/fixtures/csp-page.ts"></script>
      </head><body></body></html>`;
    document.body.append(iframe);
    const { violations, canvases, metrics, injected } = await result;
    iframe.remove();
    expect(violations).to.deep.equal([]);
    expect(canvases).to.deep.equal([2, 2]);
    expect(metrics.every((count) => count > 1)).to.equal(true);
    expect(injected, 'hostile names stay text').to.equal(false);
  });
});
