import type { ResolvedScenario } from './scenario-loader.js';
import { SideSim } from './side-sim.js';
import { PriceTrace, type PriceTracePart } from './price-trace.js';
import { SideSink, type SidePart } from './side-sink.js';

/**
 * Simulates a chunk of contracts (ids from..to-1) on both sides. A chunk's answer depends only on
 * the scenario and the ids, never on the worker that runs it, so results merged in any grouping
 * are the same (amounts are integer yen, summed exactly).
 */
export type ChunkTask = { index: number; from: number; to: number; ledger: boolean; trace?: boolean };
export type ChunkResult = { index: number; from: number; to: number; contractMonths: [number, number]; sides: [SidePart, SidePart]; trace?: PriceTracePart };

export class ChunkSimulator {
  readonly sims: [SideSim, SideSim];

  constructor(readonly rs: ResolvedScenario) {
    this.sims = [new SideSim(rs, rs.sides[0]), new SideSim(rs, rs.sides[1])];
    // Months before the horizon were billed under the baseline's prices (the settlement's paid).
    this.sims[1].priorFp = this.sims[0].fp;
  }

  run(task: ChunkTask): ChunkResult {
    const months = this.rs.scenario.horizon.months;
    const contractMonths: [number, number] = [0, 0];
    // Re-pricing records the proposal's events (price-trace.ts).
    const trace = task.trace ? new PriceTrace(this.sims[1].courseCount, months) : undefined;
    this.sims[1].trace = trace;
    const sides = this.sims.map((sim, k) => {
      const sink = new SideSink(sim.courseCount, months, task.ledger);
      sim.useSink(sink);
      for (let id = task.from; id < task.to; id += 1) contractMonths[k]! += sim.simulate(id);
      return sink.part();
    }) as [SidePart, SidePart];
    return { index: task.index, from: task.from, to: task.to, contractMonths, sides, ...(trace ? { trace: trace.part() } : {}) };
  }

  /** The interpretations each side's answers relied on so far. */
  interpretations(): [Record<string, string>, Record<string, string>] {
    return [this.sims[0].fp.interpretationsReliedOn(), this.sims[1].fp.interpretationsReliedOn()];
  }
}
