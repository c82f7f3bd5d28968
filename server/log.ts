/** Structured logs: one JSON object per line, to stdout (info) or stderr (warn, error). */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogEntry = { level: LogLevel; msg: string } & Record<string, unknown>;

export type Logger = (entry: LogEntry) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A JSON-lines logger that drops entries below `minLevel` (default `LOG_LEVEL` or info). */
export function jsonLogger(minLevel: LogLevel = (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info'): Logger {
  const threshold = RANK[minLevel] ?? RANK.info;
  return (entry) => {
    if (RANK[entry.level] < threshold) return;
    const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
    (entry.level === 'warn' || entry.level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  };
}

export const silentLogger: Logger = () => {};
