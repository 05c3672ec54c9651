import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { WaitingInputsNote, type WaitingInput } from '../team/waiting-inputs.js';
import { holdSave } from '../transport/team-session.js';

/**
 * The saves of the Rules page (a parameter, an interpretation, a rule, a review step), one after
 * the other, as the tariff page's draft editor makes them (tariffs/use-draft-editor.ts). Each is
 * made on the revision the page showed when it was typed; a save of this page queued before it
 * moves that revision on, and the next is then sent on the revision that save made (this page's
 * own change, never a colleague's: theirs is still refused as DRAFT_CONFLICT). That holds only
 * while saves are queued: once none is, the page shows what its saves made, and a revision seen
 * before (a discarded draft's id may be given to the next one) moves nothing on. So several changes
 * made while the team server does not answer all wait (team-session.ts) and are all saved, in
 * order, once it answers. What each save changes is kept until it ends (`inputs`): the page names
 * them while they wait (team/waiting-inputs.tsx).
 */
export type RuleSave = <T>(save: { versionId: number; revision: number; inputs: readonly WaitingInput[]; send: (revision: number) => Promise<T>; madeRevision?: (result: T) => number | null }) => Promise<T>;

type RuleSaves = { save: RuleSave; inputs: readonly WaitingInput[] };

/** Outside a Rules page a save is sent as it is. */
const RuleSavesContext = createContext<RuleSaves>({ save: (s) => s.send(s.revision), inputs: [] });

export function RuleSavesProvider({ children }: { children: ReactNode }) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // `${version}:${revision}` → the revision this page's own save made from it, while saves are queued (`queued`).
  const moved = useRef(new Map<string, number>());
  const queued = useRef(0);
  const [pending, setPending] = useState<readonly { n: number; inputs: readonly WaitingInput[] }[]>([]);
  const seq = useRef(0);
  const save = useCallback<RuleSave>(({ versionId, revision, inputs, send, madeRevision }) => {
    const n = ++seq.current;
    queued.current++;
    setPending((p) => [...p, { n, inputs }]);
    const release = holdSave();
    const run = async () => {
      release();
      let at = revision;
      for (let next = moved.current.get(`${versionId}:${at}`); next !== undefined; next = moved.current.get(`${versionId}:${at}`)) at = next;
      const result = await send(at);
      const made = madeRevision?.(result) ?? null;
      if (made !== null && made !== at) moved.current.set(`${versionId}:${at}`, made);
      return result;
    };
    const done = queue.current.then(run);
    queue.current = done.catch(() => undefined);
    return done.finally(() => {
      if (--queued.current === 0) moved.current.clear();
      setPending((p) => p.filter((x) => x.n !== n));
    });
  }, []);
  const inputs = useMemo(() => pending.flatMap((p) => p.inputs), [pending]);
  const value = useMemo(() => ({ save, inputs }), [save, inputs]);
  return <RuleSavesContext.Provider value={value}>{children}</RuleSavesContext.Provider>;
}

/** The Rules page's saves: `save` queues one; `inputs`, what the saves under way change. */
export const useRuleSaves = (): RuleSaves => useContext(RuleSavesContext);

/** Above the Rules page's content: the values its saves still wait to save while the team server does not answer. */
export function RuleSavesNote() {
  const { inputs } = useRuleSaves();
  return <WaitingInputsNote inputs={inputs} shown="fields" />;
}
