/**
 * Two evaluators of the same JSON rules. json-rules-engine is the reference and the readable
 * source of truth; the compiled evaluator turns each rule's conditions into one plain function
 * with json-rules-engine's operator semantics, for the fleet simulator's hot path. Differential
 * property tests (test/camera-sim/rules-differential-*.test.ts) hold them identical. One file
 * each: `evaluate/reference.ts`, `evaluate/compiled.ts`, `evaluate/trace.ts` (the facts a rule
 * read); the operators' semantics, compiled form and sentences come from `operators.ts`.
 *
 * Both return the fired rules ordered by priority (highest first), then by their order in the
 * file, so the trace is deterministic (json-rules-engine runs a priority band in parallel).
 */
export { compileRuleFile, evaluateCompiled } from './evaluate/compiled.js';
export type { Facts } from './evaluate/fired.js';
export { evaluateJre } from './evaluate/reference.js';
export { factsRead } from './evaluate/trace.js';
