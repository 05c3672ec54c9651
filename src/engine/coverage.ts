import { DECISIONS, type DecisionName, type RuleVersion } from './rule-types.js';
import { crossReferenceFindings, termsParagraphs, type CrossReferenceFinding } from './terms-structure.js';

/**
 * Clause coverage, for legal: every article and paragraph of the terms, each either encoded (the
 * rules and parameters that cite it, or a reading the engine's code carries, named in
 * coverage.json), declared non-deciding with a one-line reason (rules/<version>/coverage.json),
 * declared deciding and not encoded yet, or unclassified (an error: `tariff validate` fails).
 * The terms' own cross-references are checked too (`第N条（title）` against the real title).
 */
export type CoverageFile = {
  description?: string;
  /** Paragraphs that decide something (encoded or not yet). */
  deciding: string[];
  /** Deciding paragraphs the engine's code carries rather than a rule: ref → where and how. */
  engine: Record<string, string>;
  /** Paragraphs that decide nothing the engine answers: ref → the one-line reason. */
  nonDeciding: Record<string, string>;
};

export type CoverageStatus = 'encoded' | 'non-deciding' | 'not-encoded' | 'unclassified';
export type CoverageRow = {
  ref: string;
  title: string;
  status: CoverageStatus;
  /** The rules (decision/id) and parameters (decision.parameters.name) citing it. */
  rules: string[];
  /** The reason it is non-deciding, or where the engine's code carries it. */
  note: string | null;
  text: string;
};
/** `rule`: for a citation of a rule or parameter, its decision's rule file and the pointer of the citation there. */
export type CoverageProblem = { pointer: string; message: string; rule?: { decision: DecisionName; pointer: string } };
export type CoverageReport = {
  rows: CoverageRow[];
  encoded: number;
  deciding: number;
  unclassified: string[];
  /** Entries of coverage.json that contradict the terms or the rules, and citations of no paragraph. */
  problems: CoverageProblem[];
  findings: CrossReferenceFinding[];
};

export const coverageFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['deciding', 'engine', 'nonDeciding'],
  properties: {
    description: { type: 'string' },
    deciding: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    engine: { type: 'object', additionalProperties: { type: 'string', minLength: 1, pattern: '^[^\\n]+$' } },
    nonDeciding: { type: 'object', additionalProperties: { type: 'string', minLength: 1, pattern: '^[^\\n]+$' } },
  },
} as const;

/** The paragraph a citation falls in: 第9条第2項第1号 → 第9条第2項; 第23条第3号 → 第23条 (one paragraph). */
export function paragraphOf(citation: string, refs: ReadonlySet<string>): string | undefined {
  if (refs.has(citation)) return citation;
  const m = /^(第\d+条)(第\d+項)?(第\d+号)?$/u.exec(citation);
  if (!m) return undefined;
  if (m[2] && refs.has(m[1]! + m[2])) return m[1]! + m[2];
  if (refs.has(m[1]!) && (!m[2] || m[2] === '第1項')) return m[1]!;
  return undefined;
}

export function clauseCoverage(terms: string, version: Pick<RuleVersion, 'decisions'>, file: CoverageFile): CoverageReport {
  const paragraphs = termsParagraphs(terms);
  const refs = new Set(paragraphs.map((p) => p.ref));
  const problems: CoverageProblem[] = [];
  const citedBy = new Map<string, string[]>();
  const cite = (clause: string, by: string, rule: { decision: DecisionName; pointer: string }): void => {
    const ref = paragraphOf(clause, refs);
    if (!ref) {
      problems.push({ pointer: by, message: `${by} cites ${clause}, which is no paragraph of the terms: cite one they have (tariff coverage lists them)`, rule });
      return;
    }
    citedBy.set(ref, [...(citedBy.get(ref) ?? []), by]);
  };
  for (const d of DECISIONS) {
    const f = version.decisions[d];
    if (!f) continue;
    f.rules.forEach((r, i) => {
      cite(r.clause, r.id, { decision: d, pointer: `/rules/${i}/clause` });
      (r.alsoCites ?? []).forEach((c, j) => cite(c, r.id, { decision: d, pointer: `/rules/${i}/alsoCites/${j}` }));
    });
    for (const [k, p] of Object.entries(f.parameters ?? {})) cite(p.clause, `${d}.parameters.${k}`, { decision: d, pointer: `/parameters/${k}/clause` });
  }
  const deciding = new Set(file.deciding);
  for (const [kind, keys] of [
    ['deciding', file.deciding],
    ['engine', Object.keys(file.engine)],
    ['nonDeciding', Object.keys(file.nonDeciding)],
  ] as const)
    keys.forEach((k, i) => {
      if (!refs.has(k))
        problems.push({
          pointer: kind === 'deciding' ? `/deciding/${i}` : `/${kind}/${k}`,
          message: `${k} is no paragraph of the terms; use a reference \`tariff coverage\` lists (e.g. 第9条第2項, 第5条, 別紙3表2)`,
        });
    });
  for (const k of Object.keys(file.nonDeciding)) {
    if (deciding.has(k) || file.engine[k] !== undefined) problems.push({ pointer: `/nonDeciding/${k}`, message: `${k} is declared both deciding and non-deciding; keep one` });
    else if (citedBy.has(k))
      problems.push({ pointer: `/nonDeciding/${k}`, message: `${k} is declared non-deciding, but ${citedBy.get(k)!.join(', ')} cite it; remove it from nonDeciding` });
  }
  const rows: CoverageRow[] = paragraphs.map((p) => {
    const rules = citedBy.get(p.ref) ?? [];
    const base = { ref: p.ref, title: p.title, rules, text: p.text };
    if (rules.length) return { ...base, status: 'encoded', note: file.engine[p.ref] ?? null };
    if (file.engine[p.ref] !== undefined) return { ...base, status: 'encoded', note: file.engine[p.ref]! };
    if (deciding.has(p.ref)) return { ...base, status: 'not-encoded', note: null };
    if (file.nonDeciding[p.ref] !== undefined) return { ...base, status: 'non-deciding', note: file.nonDeciding[p.ref]! };
    return { ...base, status: 'unclassified', note: null };
  });
  const encoded = rows.filter((r) => r.status === 'encoded').length;
  return {
    rows,
    encoded,
    deciding: encoded + rows.filter((r) => r.status === 'not-encoded').length,
    unclassified: rows.filter((r) => r.status === 'unclassified').map((r) => r.ref),
    problems,
    findings: crossReferenceFindings(terms, paragraphs),
  };
}

/** The report as the lines `tariff coverage` prints; the last is `N of M deciding paragraphs encoded`. */
export function coverageLines(report: CoverageReport): string[] {
  const label: Record<CoverageStatus, string> = { encoded: 'encoded', 'non-deciding': 'non-deciding', 'not-encoded': 'NOT ENCODED', unclassified: 'UNCLASSIFIED' };
  const lines = report.rows.map((r) => {
    const detail = r.status === 'encoded' ? [r.rules.join(', '), r.note ? `engine: ${r.note}` : ''].filter(Boolean).join('; ') : (r.note ?? '');
    return `${r.ref}\t${r.title}\t${label[r.status]}${detail ? `\t${detail}` : ''}`;
  });
  for (const p of report.problems) lines.push(`problem: coverage.json ${p.pointer}: ${p.message}`);
  for (const f of report.findings)
    lines.push(
      `cross-reference: ${f.at} cites ${f.cited}（${f.citedTitle}）, but ${f.cited} is titled ${f.actualTitle === null ? '(no such article)' : `（${f.actualTitle}）`}${f.titleBelongsTo.length ? `; （${f.citedTitle}） is the title of ${f.titleBelongsTo.join(', ')}` : ''}`,
    );
  lines.push(`${report.encoded} of ${report.deciding} deciding paragraphs encoded`);
  return lines;
}
