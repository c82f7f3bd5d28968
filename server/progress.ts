/** A one-line progress bar on stderr (redrawn in place on a TTY; a line per quarter otherwise). */
import type { SeedProgress } from './seed.js';

const LABELS: Record<string, string> = {
  generate: 'generating messages',
  lookups: 'writing lookups',
  messages: 'inserting messages',
  indexes: 'building indexes',
  rollup: 'counting messages per hour',
  statistics: 'gathering statistics',
};

export interface ProgressBar {
  update(progress: { phase: string; done: number; total: number }): void;
  done(message: string): void;
}

/**
 * Where the bar is drawn. Node types `process.stderr` as a TTY stream, but when stderr is a pipe or
 * a file it is a plain stream whose `isTTY` is undefined.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function progressBar(stream: ProgressStream = process.stderr): ProgressBar {
  const tty = stream.isTTY ?? false;
  const started = performance.now();
  let lastPhase = '';
  let lastQuarter = -1;
  let lastDraw = 0;
  return {
    update({ phase, done, total }: SeedProgress | { phase: string; done: number; total: number }) {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const label = LABELS[phase] ?? phase;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (tty) {
        const now = performance.now();
        if (phase === lastPhase && fraction < 1 && now - lastDraw < 50) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        const count = phase === 'messages' ? ` ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '';
        stream.write(
          `\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}${count} (${seconds} s)`,
        );
      } else {
        const quarter = Math.floor(fraction * 4);
        if (phase !== lastPhase || quarter !== lastQuarter) {
          stream.write(`seed: ${label} ${Math.round(fraction * 100)}% (${seconds} s)\n`);
          lastQuarter = quarter;
        }
      }
      lastPhase = phase;
    },
    done(message: string) {
      if (tty) stream.write('\r\x1b[2K');
      stream.write(`${message}\n`);
    },
  };
}
