/**
 * A workspace's channels: names for the breakdown's labels and kinds for its colours, and the
 * statuses each reports for "not reported". Apart from the resources because most of them ask.
 */
import type { Status } from '../../src/core/contract/types.js';
import type { SqlExecutor } from './sql.js';

export interface ChannelInfo {
  id: string;
  name: string;
  kind: string;
  reports: Status[];
}

export async function channelsOf(db: SqlExecutor, workspace: string): Promise<ChannelInfo[]> {
  const rows = await db.all<{ id: string; name: string; kind: string; reports: string }>(
    'SELECT id, name, kind, reports FROM channels WHERE workspace = ?',
    [workspace],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, reports: (r.reports ? r.reports.split(',') : []) as Status[] }));
}
