/**
 * Structured logs: one JSON object per line, through `console` so that the same logger works in
 * Node (stdout for info, stderr for warn and error) and in any other runtime the router runs in.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogEntry = { level: LogLevel; msg: string } & Record<string, unknown>;

export type Logger = (entry: LogEntry) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function isLogLevel(value: string): value is LogLevel {
  return Object.hasOwn(RANK, value);
}

/** A JSON-lines logger that drops entries below `minLevel` (default info; an unknown level is info). */
export function jsonLogger(minLevel: string = 'info'): Logger {
  const threshold = isLogLevel(minLevel) ? RANK[minLevel] : RANK.info;
  return (entry) => {
    if (RANK[entry.level] < threshold) return;
    const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
    if (entry.level === 'warn' || entry.level === 'error') console.error(line);
    else console.log(line);
  };
}

export const silentLogger: Logger = () => {};
