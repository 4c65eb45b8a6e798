// `npm run bench`: every benchmark in one run, each printed as a table with
// the measured figures beside the baselines and goals its issue names.
// Benchmarks are measurements, not tests: nothing here fails on timing.
// `npm run bench -- flags` runs only the named ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { errorMessage } from '../../lib/errors';

interface BenchResult {
  title: string;
  lines: string[];
}

const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchResult> }>> = {
  flags: () => import('./flags'),
  groups: () => import('./groups'),
  facebook: () => import('./facebook'),
  ideas: () => import('./ideas'),
  judgement: () => import('./judgement'),
  regex: () => import('./regex'),
  report: () => import('./report'),
  similar: () => import('./similar'),
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = only.length > 0 ? only : Object.keys(BENCHES);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const out: string[] = [`# npm run bench — ${new Date().toISOString()}`, '', `Machine: ${machine}`, ''];
let failed = 0;

for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  const started = Date.now();
  console.error(`… ${name}`);
  try {
    const result = await (await load()).run();
    const section = [
      `## ${result.title}`,
      '',
      ...result.lines,
      '',
      `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
      '',
    ];
    console.log(section.join('\n'));
    out.push(...section);
  } catch (error) {
    failed++;
    const message = `## ${name}: could not run — ${errorMessage(error)}`;
    console.log(message);
    out.push(message, '');
  }
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', `${out.join('\n')}\n`);
console.error(`written to bench-results/latest.md${failed ? ` (${failed} could not run)` : ''}`);
if (failed) process.exitCode = 1;
