import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import { inCaseOrder } from '../../src/engine/errors.js';
import type { CaseInput, Output } from '../../src/engine/output-types.js';
import { registry, TODAY } from './helpers.js';

/**
 * case-files.md: an invalid case has `errors`, one per problem. A case with several independent
 * problems reports them all at once: for any two or three single-problem changes of a valid case
 * that read different facts, the combined case's errors are the union of each change's own errors,
 * on both decide paths, in the case's order (docs/engine.md).
 */
type Case = { asOf: string; decision: string; facts: Record<string, unknown>; interpretations?: Record<string, unknown> };
/** One problem: what it changes and every fact (or entry) the checks that find it read. */
type Problem = { name: string; reads: string[]; apply: (c: Case) => void };

const facts = (c: Case) => c.facts as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const set =
  (key: string, value: unknown) =>
  (c: Case): void => {
    facts(c)[key] = value;
  };
const common: Problem[] = [
  { name: 'an unknown fact', reads: ['memo'], apply: set('memo', 'from the call centre') },
  {
    name: 'an unknown interpretation',
    reads: ['interpretations'],
    apply: (c) => {
      c.interpretations = { monthsUsd: 'elapsed' };
    },
  },
];

const DECISIONS: { base: Case; problems: Problem[] }[] = [
  {
    base: {
      asOf: '2024-05-01',
      decision: 'monthlyCharge',
      facts: {
        course: 'LONG',
        startDate: '2024-01-15',
        month: '2024-03',
        endDate: '2024-06-30',
        freeMonths: 0,
        options: ['event-api', 'place-ai', { code: 'video-api', from: '2024-02' }],
      },
    },
    problems: [
      { name: 'a misspelt course', reads: ['course'], apply: set('course', 'LONGG') },
      { name: 'a startDate that does not exist', reads: ['startDate'], apply: set('startDate', '2024-02-30') },
      { name: 'a month before the start', reads: ['month', 'startDate'], apply: set('month', '2023-12') },
      { name: 'a month after endDate', reads: ['month', 'endDate'], apply: set('month', '2024-08') },
      { name: 'endDate before startDate', reads: ['endDate', 'startDate'], apply: set('endDate', '2024-01-01') },
      { name: 'freeMonths of the wrong type', reads: ['freeMonths'], apply: set('freeMonths', 'one') },
      { name: 'no month', reads: ['month'], apply: (c) => delete facts(c).month },
      { name: 'an option entry of the wrong type', reads: ['options/0'], apply: (c) => (facts(c).options[0] = 5) },
      { name: 'an unknown option', reads: ['options/0'], apply: (c) => (facts(c).options[0] = 'event-apl') },
      { name: 'an option listed twice', reads: ['options/1', 'options/2'], apply: (c) => (facts(c).options[2] = 'place-ai') },
      { name: 'an unknown key in an option entry', reads: ['options/2'], apply: (c) => (facts(c).options[2].note = 'memo') },
      { name: 'an option taken before the first month', reads: ['options/2', 'startDate'], apply: (c) => (facts(c).options[2].from = '2023-11') },
      ...common,
    ],
  },
  {
    base: {
      asOf: '2024-07-01',
      decision: 'paymentAllocation',
      facts: {
        bills: [
          { id: 'A', dueDate: '2024-04-30', amount: 1000 },
          { id: 'B', dueDate: '2024-05-31', amount: 1000 },
          { id: 'C', dueDate: '2024-06-30', amount: 1000 },
        ],
        payments: [
          { date: '2024-05-10', amount: 500 },
          { date: '2024-06-10', amount: 500 },
        ],
      },
    },
    problems: [
      { name: 'a bill id used twice', reads: ['bills/0/id', 'bills/1/id'], apply: (c) => (facts(c).bills[1].id = 'A') },
      { name: 'another bill id used twice', reads: ['bills/1/id', 'bills/2/id'], apply: (c) => (facts(c).bills[2].id = 'B') },
      { name: 'a bill amount of the wrong type', reads: ['bills/0/amount'], apply: (c) => (facts(c).bills[0].amount = '1000') },
      { name: 'a bill of 0 yen', reads: ['bills/1/amount'], apply: (c) => (facts(c).bills[1].amount = 0) },
      // An id is a string or a number (case-files.md gives `id` no type): true is of the wrong type.
      { name: 'a bill id of the wrong type', reads: ['bills/2/id'], apply: (c) => (facts(c).bills[2].id = true) },
      // A key of the writer's own in a bill is ignored (docs/engine.md); a due date that does not exist is not.
      { name: 'a bill due date that does not exist', reads: ['bills/2/dueDate'], apply: (c) => (facts(c).bills[2].dueDate = '2024-06-31') },
      { name: 'a payment date that does not exist', reads: ['payments/0/date'], apply: (c) => (facts(c).payments[0].date = '2024-02-30') },
      { name: 'a payment that is null', reads: ['payments/1'], apply: (c) => (facts(c).payments[1] = null) },
      ...common,
    ],
  },
  {
    base: {
      asOf: '2024-07-01',
      decision: 'cancellation',
      facts: { course: 'LONG', requestDate: '2024-05-10', desiredEndDate: '2024-05-31', returnedDate: '2024-06-05', startDate: '2024-01-01', returnDelayAnnounced: false },
    },
    problems: [
      { name: 'a misspelt course', reads: ['course'], apply: set('course', 'LONGG') },
      { name: 'a return before the request', reads: ['returnedDate', 'requestDate'], apply: set('returnedDate', '2024-05-01') },
      { name: 'a start after the request', reads: ['startDate', 'requestDate'], apply: set('startDate', '2024-05-20') },
      { name: 'returnDelayAnnounced of the wrong type', reads: ['returnDelayAnnounced'], apply: set('returnDelayAnnounced', 'no') },
      { name: 'a desiredEndDate in another format', reads: ['desiredEndDate'], apply: set('desiredEndDate', '2024/05/31') },
      ...common,
    ],
  },
  {
    base: {
      asOf: '2024-07-01',
      decision: 'outageWaiver',
      facts: {
        course: 'LONG',
        knownAt: '2024-05-10T10:00',
        restoredAt: '2024-05-12T10:00',
        cause: 'other',
        cameraUsable: false,
        cloudUsable: false,
        startDate: '2024-01-01',
        paidAmount: 0,
      },
    },
    problems: [
      { name: 'a misspelt course', reads: ['course'], apply: set('course', 'LONGG') },
      { name: 'restoredAt before knownAt', reads: ['restoredAt', 'knownAt'], apply: set('restoredAt', '2024-05-09T10:00') },
      { name: 'a start after the day knownAt falls on', reads: ['startDate', 'knownAt'], apply: set('startDate', '2024-06-01') },
      { name: 'a cause not in the list', reads: ['cause'], apply: set('cause', 'company') },
      { name: 'paidAmount below 0', reads: ['paidAmount'], apply: set('paidAmount', -1) },
      { name: 'cameraUsable of the wrong type', reads: ['cameraUsable'], apply: set('cameraUsable', 'no') },
      ...common,
    ],
  },
  {
    base: { asOf: '2025-02-28', decision: 'settlement', facts: { course: 'LONG', startDate: '2024-01-01', endDate: '2024-12-31', freeMonths: 0, paid: 1000 } },
    problems: [
      { name: 'a misspelt course', reads: ['course'], apply: set('course', 'LONGG') },
      { name: 'endDate before startDate', reads: ['endDate', 'startDate'], apply: set('endDate', '2023-12-31') },
      { name: 'freeMonths below 0', reads: ['freeMonths'], apply: set('freeMonths', -1) },
      { name: 'paid of the wrong type', reads: ['paid'], apply: set('paid', '1000') },
      ...common,
    ],
  },
];

const withProblems = (base: Case, problems: readonly Problem[]): CaseInput => {
  const c = structuredClone(base);
  for (const p of problems) p.apply(c);
  return c as unknown as CaseInput;
};
const keys = (out: Output): string[] => (out.errors ?? []).map((e) => `${e.path} ${e.code}`).sort();
const answer = async (c: CaseInput): Promise<Output> => {
  const fast = decideFast(registry, c, { today: TODAY });
  // Both paths give the same errors in the same order.
  expect(await decide(registry, c, { today: TODAY })).toEqual(fast);
  return fast;
};
/** Facts read in common: the same fact, or one holding the other (`options` and `options/0`). */
const overlap = (a: Problem, b: Problem): boolean => a.reads.some((x) => b.reads.some((y) => x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`)));

describe('an invalid case reports every independent problem at once', () => {
  for (const { base, problems } of DECISIONS)
    it(`${base.decision}: any two or three problems reading different facts give the union of their errors`, async () => {
      expect((await answer(withProblems(base, []))).outcome).not.toBe('invalid');
      const alone = new Map<Problem, string[]>();
      for (const p of problems) {
        const out = await answer(withProblems(base, [p]));
        expect(out.outcome, p.name).toBe('invalid');
        alone.set(p, keys(out));
      }
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(problems, { minLength: 2, maxLength: 3 }).filter((ps) => ps.every((a, i) => ps.every((b, j) => i === j || !overlap(a, b)))),
          async (ps) => {
            const c = withProblems(base, ps);
            const out = await answer(c);
            expect(keys(out), ps.map((p) => p.name).join(' + ')).toEqual(ps.flatMap((p) => alone.get(p)!).sort());
            // In the case's order, whatever order the problems were made in.
            expect(out.errors).toEqual(inCaseOrder(c, out.errors!));
          },
        ),
        { numRuns: 150 },
      );
    });
});

describe('inCaseOrder: the order of an invalid case errors', () => {
  it('follows the keys as the case writes them, a list by index, a pointer before those inside it, a missing key after the present ones', () => {
    const c = { facts: { options: ['a', { code: 'b', note: 1 }], month: 'x' }, decision: 'monthlyCharge', asOf: 'y' };
    const found = ['/asOf', '/facts/startDate', '/facts/month', '/facts/options/1/note', '/facts/options/1', '/facts/course', '/decision', '/facts/options/0'].map((path) => ({
      path,
    }));
    expect(inCaseOrder(c, found).map((e) => e.path)).toEqual([
      '/facts/options/0',
      '/facts/options/1',
      '/facts/options/1/note',
      '/facts/month',
      // Missing facts: after the facts the case has, in the order found.
      '/facts/startDate',
      '/facts/course',
      '/decision',
      '/asOf',
    ]);
  });
  it('keeps errors at one pointer in the order found, and escaped keys (~1, ~0) find their place', () => {
    const c = { facts: { 'a/b': 1, 'c~d': 2 } };
    const found = [
      { path: '/facts/c~0d', n: 1 },
      { path: '/facts/a~1b', n: 2 },
      { path: '/facts/c~0d', n: 3 },
    ];
    expect(inCaseOrder(c, found).map((e) => e.n)).toEqual([2, 1, 3]);
  });
});
