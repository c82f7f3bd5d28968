/**
 * Start-up failures as one sentence an operator can act on: a full disk, a data directory that is
 * read-only or not ours, a port in use, PostgreSQL out of reach or refusing us. The CLI prints it
 * and exits 1; the stack goes to the log only at LOG_LEVEL=debug.
 */
import { StartupError } from './setup.js';

export interface StartupContext {
  /** Where the SQLite file lives (SQLite only). */
  dataDir?: string;
  /** The PostgreSQL URL without its password (PostgreSQL only). */
  database?: string;
  host: string;
  port: number;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The sentence for `error`; it ends with a full stop. */
export function describeStartupError(error: unknown, context: StartupContext): string {
  if (error instanceof StartupError) return error.message;
  const code = codeOf(error);
  const message = messageOf(error);
  const dir = context.dataDir ?? 'the data directory';
  const syscall = (error as { syscall?: unknown } | null)?.syscall;

  if (syscall === 'listen') {
    if (code === 'EADDRINUSE')
      return `Port ${context.port} on ${context.host} is already in use: stop what is listening there, or choose another port with PORT or --port.`;
    if (code === 'EACCES')
      return `Port ${context.port} on ${context.host} needs privileges this process does not have: choose a port above 1023 with PORT or --port.`;
    if (code === 'EADDRNOTAVAIL') return `${context.host} is not an address of this machine: set HOST (or --host) to one of its addresses.`;
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT')
    return `The disk holding ${dir} is full: free some space (seeding 1,000,000 messages writes about 500 MB) or set DATA_DIR to a directory on another disk.`;
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY_'))
    return `${dir} is on a read-only file system: set DATA_DIR to a writable directory.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM')
    return `${dir} cannot be written by this user: give it write permission, or set DATA_DIR to a writable directory.`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `${dir} is not a directory that can hold the database: set DATA_DIR to a directory.`;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return `The database in ${dir} is damaged or not an SQLite database: move it away and start again (it is seeded anew), or start with --reseed.`;
  if (code?.startsWith('SQLITE_IOERR') || code === 'EIO')
    return `Reading or writing ${dir} failed (an I/O error): check the disk, or set DATA_DIR to another directory.`;

  const database = context.database ?? 'PostgreSQL';
  if (code === 'ECONNREFUSED')
    return `${database} refused the connection: is PostgreSQL running, and is DATABASE_URL's host and port right?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host of ${database} cannot be found: check DATABASE_URL.`;
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout exceeded when trying to connect/i.test(message))
    return `${database} did not answer in time: check DATABASE_URL and the network between this server and the database.`;
  if (code === '28P01' || code === '28000') return `${database} refused the credentials in DATABASE_URL: check the user and password.`;
  if (code === '3D000') return `The database named in DATABASE_URL does not exist on ${database}: create it, or fix the URL.`;
  if (code === '42501') return `The user in DATABASE_URL lacks a privilege the server needs on ${database} (${message}).`;
  if (code === '53300' || code === '57P03') return `${database} accepts no more connections right now (${message}): retry later.`;

  const sentence = message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]?$/, '.');
  return `${sentence} (Set LOG_LEVEL=debug to see where.)`;
}
