import { useEffect, useRef, useState } from 'react';

/**
 * What `ask` answers, asked again `delayMs` after `key` changes (the parts of the form it reads,
 * as a string: the form is a new object on every render). An answer overtaken by a later change is
 * dropped; a refused call gives null (saving or running names the bad field); `key` null asks
 * nothing.
 */
export function useDebouncedAnswer<T>(ask: () => Promise<T>, key: string | null, delayMs: number): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  const asked = useRef(0);
  const latest = useRef(ask);
  latest.current = ask;
  useEffect(() => {
    if (key === null) return undefined;
    const ticket = ++asked.current;
    const timer = window.setTimeout(() => {
      latest.current().then(
        (v) => {
          if (ticket === asked.current) setAnswer(v);
        },
        () => {
          if (ticket === asked.current) setAnswer(null);
        },
      );
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [key, delayMs]);
  return answer;
}
