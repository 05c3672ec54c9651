// Entry of a batch thread of the decision service: loads TypeScript through tsx (as bin/tariff.mjs
// does), then the thread itself. A thread does not inherit the loader hooks of the one that started
// it. In the build, dist/cli/batch-worker-entry.mjs is batch-worker.ts bundled.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
