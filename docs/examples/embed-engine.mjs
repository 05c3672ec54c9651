// Embedding the engine in a Node billing service, without HTTP (npm run build:engine first).
// Run: node docs/examples/embed-engine.mjs RELEASE.json
import { decideFast } from 'tariff-studio';
import { loadReleaseFile } from 'tariff-studio/node';

const release = loadReleaseFile(process.argv[2]); // refuses a release edited by hand (RELEASE_HASH)
const answer = decideFast(
  release.registry,
  { decision: 'settlement', asOf: '2025-02-28', facts: { course: 'M2035N・3年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-02-28' } },
  { today: '2025-02-28' },
);
console.log(JSON.stringify({ release: release.id, outcome: answer.outcome, amount: answer.amount, clauses: answer.clauses }));
