import { coverageLines } from '../engine/coverage.js';
import { isIsoDate, todayInTokyo } from '../engine/dates.js';
import { coverageErrors, loadVersionCoverage } from '../io/coverage-file.js';
import type { Command } from './main.js';
import { UsageError } from './options.js';
import { folderRegistry } from './data-folder.js';
import { parseFlags } from './parse-flags.js';

/** `tariff coverage`: every article and paragraph of the terms, encoded, non-deciding or not encoded. */
export const coverageCommand: Command = {
  summary: 'list every article and paragraph of the terms: encoded (the rules citing it), non-deciding (why) or not encoded; last line "N of M deciding paragraphs encoded"',
  usage:
    'tariff coverage [--version DATE] [--json] [--rules DIR] [--tariffs DIR]\n  --version: the rule version in force on DATE (default today); its coverage.json and the terms in force.\n  --json: the report as JSON (rows with status, rules, note and text; findings; counts).\n  Exit 0, or 1 while a paragraph is unclassified or coverage.json contradicts the rules.',
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: { version: { type: 'string' }, json: { type: 'boolean' }, rules: { type: 'string' }, tariffs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
    const date = values.version ?? todayInTokyo();
    if (!isIsoDate(date)) throw new UsageError(`--version must be a date YYYY-MM-DD that exists, got "${date}"`);
    const { rulesDir, registry } = folderRegistry(values);
    const version = registry.ruleVersions.find((v) => v.effective === date) ?? registry.rulesInForce(date);
    if (!version) {
      io.err(`tariff coverage: no rule version is in force on ${date}; the first takes effect on ${registry.firstEffective('rules') ?? '(none)'}: give --version on or after it`);
      return 2;
    }
    const coverage = loadVersionCoverage(rulesDir, version);
    const { report } = coverage;
    if (values.json === true) io.out(JSON.stringify({ version: version.effective, terms: coverage.termsFile, coverageFile: coverage.coverageFile, ...report }, null, 2));
    else for (const line of coverageLines(report)) io.out(line);
    return coverageErrors(coverage).length ? 1 : 0;
  },
};
