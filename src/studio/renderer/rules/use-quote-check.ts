import { useEffect, useRef, useState } from 'react';
import type { QuoteCheck } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';

export type QuoteCheckView = QuoteCheck & { articleText: string | null };

/**
 * A clause and its quote checked against the terms in force for the draft as the user types
 * (authoring.checkQuote, debounced 250 ms; an answer to an older keystroke is dropped). Null until
 * the first answer arrives.
 */
export function useQuoteCheck(versionId: number, clause: string, quote: string): QuoteCheckView | null {
  const api = useApi();
  const [check, setCheck] = useState<QuoteCheckView | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    const timer = setTimeout(() => {
      api.authoring.checkQuote({ id: versionId, clause, quote }).then(
        (c) => n === seq.current && setCheck(c),
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [api, versionId, clause, quote]);
  return check;
}
