import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../src/studio/api/contract.js';

/**
 * A result schema is held to its result type at compile time (src/studio/api/contract/call.ts):
 * `npm run typecheck` fails on any call of the contract whose schema and type differ. These tests
 * compile small contracts that drift in each way and expect the compiler to refuse them, so the
 * check itself cannot silently go weak (a check that lets drift through fails here).
 */
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const callModule = join(root, 'src', 'studio', 'api', 'contract', 'call.js');

/** Compiles one declaration per line after two header lines; the error messages by declaration index. */
const diagnosticsOf = (lines: string[]): string[][] => {
  const file = join(root, 'test', 'studio', '__drift-fixture.ts');
  const header = `import { call } from ${JSON.stringify(callModule)};\nconst noArgs = { type: 'object', additionalProperties: false, properties: {}, required: [] } as never;\n`;
  const source = header + lines.join('\n') + '\n';
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  const program = ts.createProgram([file], options, host);
  const out: string[][] = lines.map(() => []);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line - 2 : -1;
    (out[line] ?? (out[0] = out[0] ?? [])).push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return out;
};

const person = `{ type: 'object', additionalProperties: false, required: ['name', 'age', 'note'], properties: { name: { type: 'string' }, age: { type: 'integer' }, note: { type: ['string', 'null'] } } }`;
const personType = `{ name: string; age: number; note: string | null }`;

const drifts: [string, string, string][] = [
  ['a field of the type missing from the schema', `{ name: string; age: number; note: string | null; extra: string }`, person],
  ['a field of the schema missing from the type', `{ name: string; age: number }`, person],
  ['a field whose kind changed', `{ name: string; age: string; note: string | null }`, person],
  ['a field that may be null in the type only', `{ name: string | null; age: number; note: string | null }`, person],
  ['a field required in the schema but optional in the type', `{ name?: string; age: number; note: string | null }`, person],
  ['an enum that differs', `{ state: 'a' | 'b' }`, `{ type: 'object', additionalProperties: false, required: ['state'], properties: { state: { enum: ['a', 'c'] } } }`],
  [
    'an array of another item',
    `{ xs: string[] }`,
    `{ type: 'object', additionalProperties: false, required: ['xs'], properties: { xs: { type: 'array', items: { type: 'integer' } } } }`,
  ],
];
const declaration = (i: number, type: string, schema: string) => `export const c${i} = call<Record<string, never>, ${type}>('s', noArgs).returns(${schema});`;

describe('result schemas cannot drift from result types', () => {
  const errors = diagnosticsOf([declaration(0, personType, person), ...drifts.map(([, type, schema], i) => declaration(i + 1, type, schema))]);

  it('a schema that admits exactly its type compiles', () => {
    expect(errors[0]).toEqual([]);
  });

  it.each(drifts.map(([what], i) => [what, i + 1] as const))('%s is a compile error', (_what, i) => {
    expect(errors[i]!.join('\n')).toContain('the result schema does not match the result type');
  });

  it('every call of the contract has a summary, an argument schema and a result schema', () => {
    for (const [domain, calls] of Object.entries(CONTRACT))
      for (const [method, spec] of Object.entries(calls as Record<string, { summary: string; args: object; result: object }>)) {
        expect(spec.summary, `${domain}.${method}`).not.toBe('');
        expect(typeof spec.args, `${domain}.${method}`).toBe('object');
        expect(typeof spec.result, `${domain}.${method}`).toBe('object');
      }
  });
});
