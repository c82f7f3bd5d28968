/**
 * Data Export (`GET /export/messages`): every row of a message list as the list's CSV, past the
 * 10,000-row cap, streamed as it is read.
 *
 * - The query is the list's (`GET /messages`, decoded by the same parser, so a bad parameter is the
 *   same 400 problem), plus `lang` for the headers and labels.
 * - The rows come in keyset pages of {@link EXPORT_PAGE_ROWS}, one short statement each (on SQLite,
 *   one job in the worker pool each), pulled only as fast as the client reads: memory holds about
 *   one page whatever the file's size, and no statement or worker is held for the whole file.
 * - A client that leaves cancels the stream: no further page is asked for, and a page still
 *   waiting for a worker is dropped.
 * - The file is written by the core's message CSV (src/core/csv/messages-csv.ts), the one
 *   `<msg-table>` downloads: the same columns, headers, formula-safety and instants.
 */
import type { MessageRow, MessagesExportParams } from '../../src/core/contract/types.js';
import { CSV_MEDIA_TYPE } from '../../src/core/csv/csv.js';
import { messagesCsvFileName, messagesCsvHeader, messagesCsvRecords } from '../../src/core/csv/messages-csv.js';
import { localDate } from '../../src/core/query/zoned-time.js';
import { DEFAULT_LANG, LANGS, type Language } from '../../src/i18n/locales.js';
import { loadMessages } from '../../src/i18n/translate.js';
import { parseResourceParams } from './params.js';
import type { ParseResult } from './query-params.js';
import { invalidQuery, type InvalidParam } from './problem.js';
import type { ExportPageParams, KeysetPosition, ReportStore, RunOptions } from './store.js';

/** Rows per page: large enough that a statement's overhead is small, small enough to hold in memory. */
export const EXPORT_PAGE_ROWS = 2_000;

/**
 * The export's query: the parameters of `GET /messages` (`limit` and `cursor` set aside, as the
 * export has no pages of its own), and `lang`.
 */
export function parseExportParams(params: URLSearchParams, limits: { maxFilterValues: number }): ParseResult<MessagesExportParams> {
  const listing = new URLSearchParams(params);
  listing.delete('limit');
  listing.delete('cursor');
  const parsed = parseResourceParams('messages', listing, limits);
  const lang = params.get('lang');
  const errors: InvalidParam[] = [];
  if (lang !== null && !(LANGS as readonly string[]).includes(lang))
    errors.push({ name: 'lang', reason: `must be one of ${LANGS.join(', ')}` });
  if (!parsed.ok) {
    const problem = errors.length > 0 ? invalidQuery([...(parsed.problem.invalidParams ?? []), ...errors]) : parsed.problem;
    return { ok: false, problem };
  }
  if (errors.length > 0) return { ok: false, problem: invalidQuery(errors) };
  const { kind, order, from, to, tz, filters, status } = parsed.params as MessagesExportParams;
  const exported: MessagesExportParams = { from, to, tz, filters, kind, order, lang: (lang as Language | null) ?? DEFAULT_LANG };
  if (status !== undefined) exported.status = status;
  return { ok: true, params: exported };
}

/** Whether `Accept-Encoding` accepts gzip (named, or through `*`, with a weight above zero). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...rest] = part.trim().toLowerCase().split(';');
    const weight = rest.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
    const q = weight === undefined ? 1 : Number(weight);
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzip = q;
    else if (name.trim() === '*') any = q;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** The `Content-Disposition` of the file: its name in ASCII, and exactly (RFC 6266, `filename*`). */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function positionOf(row: MessageRow): KeysetPosition {
  return { ts: Date.parse(row.timestamp), id: row.id };
}

export interface ExportOptions {
  store: ReportStore;
  workspace: string;
  params: MessagesExportParams;
  /** Each page's deadline and the request's signal (a page not started when it aborts is dropped). */
  run: RunOptions;
  gzip: boolean;
  /** Told once the file is complete, cut short by an error, or abandoned by its client; `rows` written. */
  onEnd?: (outcome: { rows: number; pages: number; ended: 'complete' | 'error' | 'cancelled'; error?: unknown }) => void;
}

/**
 * The export's answer. The first page is read before answering, so that a query that cannot run
 * (a timeout, a full queue, a lost database) is still a problem answer with its status; after
 * that, a failing page can only cut the file short.
 */
export async function exportResponse(options: ExportOptions): Promise<Response> {
  const { store, workspace, params, run } = options;
  const lang = params.lang ?? DEFAULT_LANG;
  await loadMessages(lang);
  const query: ExportPageParams['query'] = { from: params.from, to: params.to, tz: params.tz, filters: params.filters, kind: params.kind };
  if (params.order) query.order = params.order;
  if (params.status) query.status = params.status;
  const csv = { kind: params.kind, lang, timeZone: params.tz };
  const page = (after?: KeysetPosition) => {
    const pageParams: ExportPageParams = { query, limit: EXPORT_PAGE_ROWS };
    if (after) pageParams.after = after;
    return store.run('exportPage', workspace, pageParams, run);
  };

  let rows = await page();
  let written = 0;
  let pages = 1;
  let ended = false;
  const end = (outcome: 'complete' | 'error' | 'cancelled', error?: unknown) => {
    if (ended) return;
    ended = true;
    options.onEnd?.({ rows: written, pages, ended: outcome, error });
  };
  const encoder = new TextEncoder();
  let header: string | undefined = messagesCsvHeader(csv);
  // Typed as BufferSource, what CompressionStream's side takes (the bytes are Uint8Arrays).
  const body = new ReadableStream<BufferSource>(
    {
      // Called only when the reader wants more: at most one page waits in the stream.
      async pull(controller) {
        try {
          const text = (header ?? '') + messagesCsvRecords(rows, csv);
          header = undefined;
          written += rows.length;
          const last = rows.length === EXPORT_PAGE_ROWS ? rows[rows.length - 1] : undefined;
          if (text) controller.enqueue(encoder.encode(text));
          if (!last) {
            controller.close();
            end('complete');
            return;
          }
          rows = await page(positionOf(last));
          pages++;
        } catch (error) {
          end(run.signal?.aborted ? 'cancelled' : 'error', error);
          controller.error(error);
        }
      },
      cancel() {
        end('cancelled');
      },
    },
    { highWaterMark: 1 },
  );
  const [firstDay, lastDay] = [localDate(Date.parse(params.from), params.tz), localDate(Date.parse(params.to) - 1, params.tz)];
  const headers: Record<string, string> = {
    'Content-Type': CSV_MEDIA_TYPE,
    'Content-Disposition': attachment(messagesCsvFileName(params.kind, lang, firstDay, lastDay)),
    'Cache-Control': 'private, no-store',
    Vary: 'Accept-Encoding',
  };
  if (!options.gzip) return new Response(body, { status: 200, headers });
  return new Response(body.pipeThrough(new CompressionStream('gzip')), {
    status: 200,
    headers: { ...headers, 'Content-Encoding': 'gzip' },
  });
}
