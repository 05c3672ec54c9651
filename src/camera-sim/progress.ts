import type { Progress } from './run-simulation.js';

/**
 * Progress of a long run: on a terminal, one line redrawn in place (a bar, the share done, the
 * contract-months simulated, the rate and the time left); elsewhere (CI logs, pipes), a plain line
 * at every tenth of the run.
 */
export type ProgressSink = { isTTY: boolean; write(s: string): void; line(s: string): void };

const fmt = (n: number): string => n.toLocaleString('en-US');
const compact = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(n));

export function progressReporter(sink: ProgressSink, width = 30): { update(p: Progress): void; done(): void } {
  let lastDraw = 0;
  let lastStep = -1;
  let drawn = false;
  return {
    update(p) {
      const share = p.contracts ? p.contractsDone / p.contracts : 1;
      const rate = p.elapsedMs > 0 ? (p.contractMonths / p.elapsedMs) * 1000 : 0;
      const left = share > 0 ? ((1 - share) * p.elapsedMs) / share / 1000 : 0;
      if (sink.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && share < 1) return;
        lastDraw = now;
        const full = Math.round(share * width);
        sink.write(
          `\r\x1b[2Ksimulating [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${compact(p.contractMonths)} contract-months  ${compact(Math.round(rate))}/s  ETA ${left.toFixed(0)}s`,
        );
        drawn = true;
        return;
      }
      const step = Math.floor(share * 10);
      if (step === lastStep) return;
      lastStep = step;
      sink.line(
        `progress: ${(share * 100).toFixed(0)}% (${fmt(p.contractsDone)} of ${fmt(p.contracts)} contracts, ${fmt(p.contractMonths)} contract-months, ${(p.elapsedMs / 1000).toFixed(1)} s)`,
      );
    },
    done() {
      if (sink.isTTY && drawn) sink.write('\r\x1b[2K');
    },
  };
}
