/**
 * The benchmarks' servers run in processes of their own, so that the measuring client never shares
 * their event loop. Each server script prints `listening <port>` on stdout once it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** A server script of bench/ running in its own process, and the port it serves on. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Asks it to shut down (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script> ...args` from the project root; rejects if it exits before it listens. */
export async function startServerProcess(script: string, args: readonly string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  const port = await new Promise<number>((done, fail) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\d+)/.exec(seen);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code} before listening`)));
  });
  return {
    child,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
