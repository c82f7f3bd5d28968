import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus, type Task } from '@lit/task';

/** What the controller uses of a task, whatever its arguments and value. */
type ControlledTask = Pick<Task, 'status' | 'abort' | 'run'>;

/**
 * Aborts a `@lit/task` whose run is still pending when its host leaves the document, and runs it
 * again when the host comes back (House style: abort on disconnect, run again on reconnect).
 *
 * Aborting reaches `fetch` through the task's `AbortSignal`, so a removed element leaves no
 * request behind. Running again matters because a task only reruns when its arguments change:
 * without it, an element moved or re-attached mid-request would wait forever on a run that was
 * cancelled. A task that had settled keeps its value and is not run again.
 *
 * Elements attach it in their constructor: `new AbortOnDisconnect(this, this.#task)`.
 */
export class AbortOnDisconnect implements ReactiveController {
  readonly #task: ControlledTask;
  #aborted = false;

  constructor(host: ReactiveControllerHost, task: ControlledTask) {
    this.#task = task;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#aborted) return;
    this.#aborted = false;
    void this.#task.run();
  }

  hostDisconnected(): void {
    if (this.#task.status !== TaskStatus.PENDING) return;
    this.#aborted = true;
    this.#task.abort(new DOMException('element removed', 'AbortError'));
  }
}
