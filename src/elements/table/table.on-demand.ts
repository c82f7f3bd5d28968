/**
 * What only some lists show, fetched on first use (issue 11) so a page of lists does not carry it:
 * - the job of fetching every row, with its progress and Cancel (table.export.ts): on Download,
 *   and with the failed log's first page (its summary by error code runs it); its download starts
 *   as soon as the pointer or focus reaches the Download button, with the CSV writer's;
 * - the cap notice with Data Export (table.data-export.ts): with the first page of a list past
 *   its cap, awaited with it, so the notice appears with the rows.
 */
import type { ReactiveControllerHost } from 'lit';
import { loadOnce } from '../shared/load-once.js';
import type { DataExport, DataExportOptions } from './table.data-export.js';
import type { RowsJob, RowsJobOptions } from './table.export.js';

const loadRowsJob = loadOnce(() => import('./table.export.js'));
const loadDataExport = loadOnce(() => import('./table.data-export.js'));

/** A module of the list could not be fetched (the network, a deploy meanwhile): the list goes on without it. */
export function reportUnloaded(error: unknown): void {
  console.error('msg-report: a part of the list could not be loaded', error);
}

/** A list's job and cap notice, each created once its module is in. */
export class OnDemandParts {
  readonly #host: HTMLElement & ReactiveControllerHost;
  readonly #options: { job: RowsJobOptions; dataExport: DataExportOptions };
  #job: RowsJob | undefined;
  #dataExport: DataExport | undefined;

  constructor(host: HTMLElement & ReactiveControllerHost, options: { job: RowsJobOptions; dataExport: DataExportOptions }) {
    this.#host = host;
    this.#options = options;
  }

  /** The job, once a download or the failed log's summary loaded it. */
  get job(): RowsJob | undefined {
    return this.#job;
  }

  /** The cap notice, once a list past its cap loaded it. */
  get dataExport(): DataExport | undefined {
    return this.#dataExport;
  }

  /** The job, its module loaded the first time. */
  async loadJob(): Promise<RowsJob> {
    const { RowsJob } = await loadRowsJob();
    return (this.#job ??= new RowsJob(this.#host, this.#options.job));
  }

  /** The cap notice, its module loaded the first time; the list renders again once it is in. */
  async loadDataExport(): Promise<void> {
    const { DataExport } = await loadDataExport();
    if (this.#dataExport) return;
    this.#dataExport = new DataExport(this.#host, this.#options.dataExport);
    this.#host.requestUpdate();
  }

  /** The Download button was reached: the job's code and the CSV writer start loading, so the click finds them in. */
  readonly prefetchDownload = (): void => {
    // A failed fetch is tried again on the click, which reports it.
    Promise.all([loadRowsJob(), import('./table.csv.js')]).catch(() => undefined);
  };
}
