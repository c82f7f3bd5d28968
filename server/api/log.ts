/**
 * Structured logs, through `console` so that the same loggers work in Node (stdout for debug and
 * info, stderr for warn and error) and in any other runtime the router runs in: JSON lines for
 * machines (`jsonLogger`), or one short readable line per entry for a person at a terminal
 * (`textLogger`).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogEntry = { level: LogLevel; msg: string } & Record<string, unknown>;

export type Logger = (entry: LogEntry) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function isLogLevel(value: string): value is LogLevel {
  return Object.hasOwn(RANK, value);
}

/** A logger that drops entries below `minLevel` (an unknown level counts as `fallback`) and writes the rest as `format` says. */
function levelledLogger(minLevel: string, fallback: LogLevel, format: (entry: LogEntry) => string): Logger {
  const threshold = isLogLevel(minLevel) ? RANK[minLevel] : RANK[fallback];
  return (entry) => {
    if (RANK[entry.level] < threshold) return;
    const line = format(entry);
    if (entry.level === 'warn' || entry.level === 'error') console.error(line);
    else console.log(line);
  };
}

/** A JSON-lines logger that drops entries below `minLevel` (default info; an unknown level is info). */
export function jsonLogger(minLevel: string = 'info'): Logger {
  return levelledLogger(minLevel, 'info', (entry) => JSON.stringify({ time: new Date().toISOString(), ...entry }));
}

/** `key=value`, the value quoted when it holds spaces or quotes. */
function field(key: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `${key}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
}

/**
 * A logger for a person at a terminal: `15:04:05 ERROR request failed method=GET path=/api/x …`,
 * warnings and errors only unless `minLevel` asks for more (default warn), so that requests do
 * not bury what the server printed at start.
 */
export function textLogger(minLevel: string = 'warn'): Logger {
  return levelledLogger(minLevel, 'warn', ({ level, msg, ...rest }) => {
    // The local time of day, as the terminal's clock shows it.
    const time = new Date().toTimeString().slice(0, 8);
    const fields = Object.entries(rest)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => field(key, value));
    return [time, level.toUpperCase(), msg, ...fields].join(' ');
  });
}

/** How log entries are written: JSON lines, or readable text. */
export type LogFormat = 'json' | 'text';

export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];

export const silentLogger: Logger = () => {};
