/**
 * The in-memory reference engine as a {@link ReportStore}, so that the mocks answer through the
 * very router the server uses (server/api/). One data set is one workspace: the workspace the
 * router passes is ignored.
 */
import type { ReportStore } from '../server/api/store.js';
import type { Engine } from '../reference/engine.js';

export function engineStore(engine: Engine): ReportStore {
  return {
    engine: 'memory',
    run(op, _workspace, params) {
      // Each operation's params go to the engine method of the same name. The engine answers at
      // once; inside the executor, an invalid cursor it throws at becomes a rejection.
      const answer = engine[op] as (params: unknown) => unknown;
      return new Promise((resolve) => resolve(answer.call(engine, params) as never));
    },
    async ping() {},
  };
}
