import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { folderReleaseSource, releaseContent } from '../src/io/release-build.js';
import { sealRelease, writeReleaseFile } from '../src/io/release-file.js';
import { runLoad } from './http-load.js';
import { benchRequests, ROOT, startChild, stopChild } from './serve-cases.js';

/**
 * `node --import tsx bench/serve-cpu.ts [--requests N] [--rounds R] [--cpu-prof DIR] [--tariff BIN]`:
 * what a request costs each service in CPU, the way the passes of docs/decision-service-speed-log.md
 * measure it: `tariff serve` (one process), the json-rules-engine baseline and the bare server of
 * bench:serve side by side, the bench's mix of single requests at concurrency 8, in alternating
 * rounds after a warm-up, each service's CPU (user + system from /proc/PID/stat) over a round ÷ its
 * requests. `--tariff` runs another build's bin/tariff.mjs (an A/B of two builds: copy bin/ and
 * dist/ of one aside); `--cpu-prof DIR` has `tariff serve` write a V8 CPU profile there on exit.
 * Linux only (/proc). A probe for speed work, never part of the tests.
 */
const { values } = parseArgs({
  options: { requests: { type: 'string', default: '30000' }, rounds: { type: 'string', default: '3' }, 'cpu-prof': { type: 'string' }, tariff: { type: 'string' } },
});
const REQUESTS = Number(values.requests);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = 8;

const dir = mkdtempSync(join(tmpdir(), 'serve-cpu-'));
const releaseFile = join(dir, 'release.json');
writeReleaseFile(releaseFile, sealRelease(releaseContent(folderReleaseSource(join(ROOT, 'rules'), join(ROOT, 'tariffs')))));
const { singles } = benchRequests();

/** A service in a child process (bench:serve's startChild), named, once it printed its port. */
const start = async (name: string, args: string[]): Promise<{ name: string; child: ChildProcess; port: number }> => ({
  name,
  ...(await startChild(args, (line) => Number(/"url":"http:\/\/127\.0\.0\.1:(\d+)\/|^\{"port":(\d+)/u.exec(line)?.slice(1).find(Boolean)) || undefined)),
});
/** CPU time (ms) the process has used, user + system (/proc/PID/stat fields 14 and 15, in clock ticks of 10 ms). */
const cpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const prof = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
const services = [
  await start('tariff serve', [...prof, values.tariff ?? join(ROOT, 'bin', 'tariff.mjs'), 'serve', '--release', releaseFile, '--port', '0']),
  await start('json-rules-engine baseline', ['--import', 'tsx', join(ROOT, 'bench', 'jre-http-service.ts')]),
  await start('bare node:http', ['--import', 'tsx', join(ROOT, 'bench', 'jre-http-service.ts'), 'bare']),
];
for (const s of services) await runLoad(s.port, singles, Math.round(REQUESTS / 3), CONCURRENCY); // warm-up
for (let round = 1; round <= ROUNDS; round += 1)
  for (const s of services) {
    const before = cpuMs(s.child.pid!);
    const r = await runLoad(s.port, singles, REQUESTS, CONCURRENCY);
    const perRequestUs = ((cpuMs(s.child.pid!) - before) * 1000) / REQUESTS;
    process.stdout.write(
      `round ${round}  ${s.name.padEnd(27)} ${Math.round(r.perSec).toLocaleString().padStart(7)} requests/s  p99 ${r.p99Ms.toFixed(2)} ms  ${perRequestUs.toFixed(1)} µs of server CPU a request${r.failed ? `  (${r.failed} failed)` : ''}\n`,
    );
  }
for (const s of services) await stopChild(s.child);
rmSync(dir, { recursive: true, force: true });
