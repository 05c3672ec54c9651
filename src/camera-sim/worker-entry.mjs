// Entry of a simulation worker thread: loads TypeScript through tsx (as bin/tariff.mjs does), then
// the worker itself. A worker does not inherit the loader hooks of the thread that started it.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
