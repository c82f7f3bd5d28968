// Starts a TypeScript worker thread when the server itself runs from source under tsx: module
// hooks are per thread, so the worker registers tsx before importing its entry. (A build of the
// server to JavaScript starts the entry directly and never loads this file.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
