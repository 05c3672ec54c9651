import { parentPort, workerData } from 'node:worker_threads';
import { ChunkSimulator, type ChunkTask } from './chunk-simulator.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { transferables } from './side-sink.js';

/** A simulation worker: runs the chunks it is sent and returns their parts (typed arrays, transferred). */
export type ToWorker = { type: 'chunk'; task: ChunkTask } | { type: 'finish' };

const port = parentPort!;
const sim = new ChunkSimulator((workerData as { scenario: ResolvedScenario }).scenario);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'finish') {
    port.postMessage({ type: 'interpretations', value: sim.interpretations() });
    return;
  }
  const result = sim.run(msg.task);
  port.postMessage({ type: 'result', result }, [...transferables(result.sides[0]), ...transferables(result.sides[1])]);
});
