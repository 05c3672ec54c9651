import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags } from './parse-flags.js';
import { addDays, isIsoDate } from '../engine/dates.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { buildNotice, noticeMarkdown, noticeWorkbook } from '../io/change-notice.js';
import type { Command } from './main.js';
import { UsageError } from './options.js';
import { folderRegistry } from './data-folder.js';

/** `tariff notice --version DATE`: the change notice (第2条) of the version taking effect on DATE. */
export const noticeCommand: Command = {
  summary: 'export the change notice (第2条) of a new version: changed clauses, prices, effective date',
  usage:
    'tariff notice --version YYYY-MM-DD [--out FILE.md|FILE.xlsx] [--rules DIR] [--tariffs DIR]\n  Compares the rule and tariff versions taking effect on DATE (draft or approved) with those in force the day before.\n  Without --out, prints the Markdown.',
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: { version: { type: 'string' }, out: { type: 'string' }, rules: { type: 'string' }, tariffs: { type: 'string' } },
      strict: true,
    });
    const date = values.version;
    if (date === undefined) throw new UsageError('--version YYYY-MM-DD is required (the date the new version takes effect)');
    if (!isIsoDate(date)) throw new UsageError(`--version must be a date YYYY-MM-DD that exists, got "${date}"`);
    const { rulesDir, registry } = folderRegistry(values);
    const day = addDays(date, -1);
    const beforeRules = registry.rulesInForce(day);
    const beforeTariff = registry.tariffInForce(day);
    const afterRules = registry.ruleVersions.find((v) => v.effective === date) ?? beforeRules;
    const afterTariff = registry.tariffVersions.find((v) => v.effective === date) ?? beforeTariff;
    if (!beforeRules || !beforeTariff || !afterRules || !afterTariff) {
      io.err(`tariff notice: no version is in force on ${day} to compare with; the first takes effect on ${registry.firstEffective() ?? '(none)'}`);
      return 2;
    }
    if (afterRules === beforeRules && afterTariff === beforeTariff) {
      io.err(`tariff notice: no rule or tariff version takes effect on ${date}`);
      return 2;
    }
    const termsFile = [afterRules, beforeRules].map((v) => join(rulesDir, `terms-${v.effective}.txt`)).find((f) => existsSync(f));
    const terms = termsFile ? readFileSync(termsFile, 'utf8') : '';
    const notice = buildNotice({ effective: date, before: { rules: beforeRules, tariff: beforeTariff }, after: { rules: afterRules, tariff: afterTariff }, terms });
    if (!values.out) {
      io.out(noticeMarkdown(notice));
      return 0;
    }
    // Through a side file renamed into place: a failed export leaves no half-written notice behind.
    writeFileAtomically(values.out, values.out.endsWith('.xlsx') ? new Uint8Array(await (await noticeWorkbook(notice)).xlsx.writeBuffer()) : noticeMarkdown(notice));
    io.out(`${values.out}: ${notice.clauses.length} clause(s), ${notice.prices.length} price change(s), effective ${date}`);
    return 0;
  },
};
