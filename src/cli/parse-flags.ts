import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './options.js';

/**
 * node:util's parseArgs (strict), and one refusal it lacks: a flag that takes a value given twice
 * (`--workspace a.sqlite --workspace b.sqlite`, `--out x --out y`) would silently use the last one,
 * so a command acted on a file the operator did not mean. Flags declared `multiple` (audit verify's
 * --expect-head) and flags without a value (`--fast --fast`) may repeat. The values are not echoed
 * (one may be a token).
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const parsed = parseArgs(config);
  const options = config.options ?? {};
  const { tokens } = parseArgs({ ...config, tokens: true });
  const seen = new Set<string>();
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const o = options[t.name];
    if (!o || o.type !== 'string' || o.multiple) continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given more than once; give it once (only one value is used)`);
    seen.add(t.name);
  }
  const values = parsed.values as Record<string, unknown>;
  for (const name of PATH_FLAGS) {
    const v = values[name];
    if (typeof v === 'string') values[name] = homeExpanded(v);
    else if (Array.isArray(v)) values[name] = v.map((x) => (typeof x === 'string' ? homeExpanded(x) : x));
  }
  return parsed;
}

/**
 * The flags that name a file or folder. The shell expands `~` in `--workspace ~/ws.sqlite` but not
 * in `--workspace=~/ws.sqlite`, which made a folder named `~` in the working directory: a leading
 * `~/` (or `~` alone) is the home folder here as there.
 */
const PATH_FLAGS = ['workspace', 'out', 'rules', 'tariffs', 'release', 'tokens', 'public-key', 'sign', 'since-anchor', 'tls-cert', 'tls-key'];
const homeExpanded = (path: string): string => (path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path);

/**
 * A flag's whole number, or NaN unless it is written in digits: Number() would take "" and " " for
 * 0 (`--workers=` ran in one thread, `--port=` picked a free port) and "1e3", "0x10" for numbers.
 */
export const digitsOf = (value: string): number => (/^\d{1,15}$/u.test(value) ? Number(value) : NaN);

/**
 * A whole-number flag within its bounds, written in digits only ("1e3", "0x10" and " 5" are not
 * numbers an operator means). The upper bounds keep a typo from starting thousands of processes or
 * threads, or buffering a body larger than one JavaScript string can hold.
 */
export const wholeNumber = (v: string | undefined, name: string, dflt: number, min: number, max: number, why = ''): number => {
  if (v === undefined) return dflt;
  const n = digitsOf(v);
  if (!(n >= min && n <= max)) throw new UsageError(`${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}${why}, got "${v}"`);
  return n;
};
