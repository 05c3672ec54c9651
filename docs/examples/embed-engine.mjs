// Embedding the engine in a Node billing service, without HTTP (npm run build:engine first, or
// installed from the tarball npm pack makes: docs/decision-service.md § The engine as a library).
// Run: node docs/examples/embed-engine.mjs RELEASE.json
import { decideFast } from 'tariff-studio';
import { loadReleaseFile } from 'tariff-studio/node';

const release = loadReleaseFile(process.argv[2]); // refuses a release edited by hand (RELEASE_HASH)
// A case as a case file writes it (docs/case-files.md): decision, asOf, facts, interpretations.
const question = { decision: 'settlement', asOf: '2025-02-28', facts: { course: 'M2035N・3年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-02-28' } };
const answer = decideFast(release.registry, question, { today: '2025-02-28' });
console.log(JSON.stringify({ release: release.id, outcome: answer.outcome, amount: answer.amount, clauses: answer.clauses }));
