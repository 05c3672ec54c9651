import type { HTMLAttributes } from 'react';
import { reflowTerms } from './reflow-terms.js';

/** A clause of the terms as a reader reads it: the printed page's breaks inside sentences joined (reflow-terms.ts). */
export function TermsText({ text, ...rest }: { text: string } & HTMLAttributes<HTMLPreElement> & { 'data-testid'?: string }) {
  return (
    <pre className="terms" {...rest}>
      {reflowTerms(text)}
    </pre>
  );
}
