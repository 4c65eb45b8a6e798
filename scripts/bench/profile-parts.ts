// Where one batch's time goes, by part (issue 14, twelfth round): the V8
// profile a page bench run saved (`BENCH_PROFILE=batches
// BENCH_PROFILE_OUT=<profile>`), split into what the contracts' floor also
// does (find the comments, read the id and the words, write the marker, add
// the tools host) and what is ours beyond it (the watcher's checks and
// bookkeeping, the session's record, the judge's request and its answer, the
// flags' write, the counts). With the run's trace (`BENCH_TRACE_OUT=<prefix>`,
// its `-with-extension.json`), also by batch window: batch 0, batch 1, the
// others. Needs an unminified build (`KHCN_BUILD_UNMINIFIED=1 npm run
// build`): the parts are found by function name.
//
//   npx tsx scripts/bench/profile-parts.ts <profile.json> [<trace.json>]
//
// The profiler samples wall time (a blocked IPC send is sampled as if it
// worked) and slows the script it samples: read shares, not milliseconds.

import { readFileSync } from 'node:fs';

/** The floor's parts first, then ours beyond it; the order they are printed in. */
export const PARTS = [
  'floor: finding the comments (added nodes, one query each)',
  'floor: the glance — one subtree query, its parts sorted',
  'floor: the glance — the id',
  'floor: the glance — the words',
  'floor: the marker (data-khcn-comment)',
  'floor: the tools host (clone, append)',
  'ours: the checks (label, editable, nesting)',
  "ours: the watcher's bookkeeping (seen ids, nodes read)",
  "ours: the session's record per comment",
  "ours: the judge's request (pack, send, deadline)",
  "ours: the judge's answer (zod's parse)",
  "ours: the flags' write (badges, data-khcn-flags)",
  'ours: the counts (panel)',
  'other',
] as const;
export type Part = (typeof PARTS)[number];

/** Our functions by name (unminified build), nearest first on a stack, and the part each stands for. */
const BY_NAME: Record<string, Part> = {
  queueAdded: PARTS[0],
  runBatch: PARTS[0],
  countPosts: PARTS[0],
  glanceArticle: PARTS[1],
  glanceComment: PARTS[1],
  readCommentIds: PARTS[2],
  queryParam: PARTS[2],
  numeric: PARTS[2],
  decodeCommentToken: PARTS[2],
  isOutbound: PARTS[2],
  commentText: PARTS[3],
  blockText: PARTS[3],
  previewCards: PARTS[3],
  insideAny: PARTS[3],
  authorLink: PARTS[3],
  findAuthor: PARTS[3],
  toolsHost: PARTS[5],
  adoptStyles: PARTS[5],
  labelledOrNested: PARTS[6],
  labelOf: PARTS[6],
  isOrHoldsEditable: PARTS[6],
  ownership: PARTS[6],
  ownedBy: PARTS[6],
  read: PARTS[7],
  onComments: PARTS[8],
  judge: PARTS[9],
  judgeComments: PARTS[9],
  askBackground: PARTS[9],
  sendMessageWithin: PARTS[9],
  sendMessage: PARTS[9],
  packJudgeComments: PARTS[9],
  parseAnswer: PARTS[10],
  safeParse: PARTS[10],
  writeWaitingFlags: PARTS[11],
  writeFlags: PARTS[11],
  applyJudged: PARTS[11],
  addBadges: PARTS[11],
  badge: PARTS[11],
  buildBadge: PARTS[11],
  scheduleStats: PARTS[12],
  refreshStats: PARTS[12],
};

/**
 * The part a sample stands for, from its stack's function names (leaf
 * first): the nearest of our functions decides, except that a tools host
 * decorated by the flags' write is the write's, and an attribute read or
 * written straight from the watcher's `read` is the marker.
 */
export function partOf(stack: readonly string[]): Part {
  const inFlagsWrite = stack.includes('writeFlags') || stack.includes('writeWaitingFlags');
  for (let i = 0; i < stack.length; i++) {
    const name = stack[i]!;
    if (name === 'decorateComment' || name === 'categoriesOf') return inFlagsWrite ? PARTS[11] : PARTS[5];
    const part = BY_NAME[name];
    if (part === undefined) continue;
    if (name === 'read' && i === 1 && (stack[0] === 'setAttribute' || stack[0] === 'getAttribute'))
      return PARTS[4];
    return part;
  }
  return 'other';
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** ms per part, for each group of samples `groupOf` names (null: left out). */
export function splitProfile(
  profile: Profile,
  isOurs: (url: string) => boolean,
  groupOf: (ts: number) => string | null,
): Map<string, Map<Part, number>> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const out = new Map<string, Map<Part, number>>();
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const group = groupOf(ts);
    if (group === null) continue;
    const stack: string[] = [];
    let ours = false;
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const node = nodes.get(id);
      if (!node) break;
      stack.push(node.callFrame.functionName || '(anonymous)');
      if (isOurs(node.callFrame.url)) ours = true;
    }
    if (!ours) continue;
    const parts = out.get(group) ?? new Map<Part, number>();
    const part = partOf(stack);
    parts.set(part, (parts.get(part) ?? 0) + ms);
    out.set(group, parts);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [profileFile, traceFile] = process.argv.slice(2);
  if (!profileFile) throw new Error('usage: profile-parts.ts <profile.json> [<trace.json>]');
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Profile;
  // The bench's batch marks, on the trace's clock (the profile's samples are on it too).
  const starts: number[] = [];
  if (traceFile) {
    const trace = JSON.parse(readFileSync(traceFile, 'utf8'));
    const events = (trace.traceEvents ?? trace) as { name: string; ts: number }[];
    for (const e of events) {
      const m = /^khcn-bench-batch-(\d+)$/.exec(e.name);
      if (m && starts[Number(m[1])] === undefined) starts[Number(m[1])] = e.ts;
    }
  }
  const batchOf = (ts: number) => {
    let batch = -1;
    for (let b = 0; b < starts.length && starts[b]! <= ts; b++) batch = b;
    return batch;
  };
  const split = splitProfile(
    profile,
    (url) => url.startsWith('chrome-extension://'),
    (ts) => {
      if (starts.length === 0) return 'all batches';
      const batch = batchOf(ts);
      return batch < 0 ? null : batch <= 1 ? `batch ${batch}` : 'batches 2–';
    },
  );
  const groups = [...split.keys()].sort();
  const counts: Record<string, number> = { 'batch 0': 1, 'batch 1': 1, 'batches 2–': starts.length - 2 };
  const total = (g: string) => [...split.get(g)!.values()].reduce((a, b) => a + b, 0);
  console.log(`| Part | ${groups.map((g) => `${g}: ms sampled per batch (share)`).join(' | ')} |`);
  console.log(`|---|${groups.map(() => '---|').join('')}`);
  for (const part of PARTS) {
    const cells = groups.map((g) => {
      const v = split.get(g)!.get(part) ?? 0;
      return `${(v / (counts[g] ?? 1)).toFixed(2)} (${((100 * v) / total(g)).toFixed(1)} %)`;
    });
    console.log(`| ${part} | ${cells.join(' | ')} |`);
  }
  console.log(
    `| all | ${groups.map((g) => `${(total(g) / (counts[g] ?? 1)).toFixed(2)} (100 %)`).join(' | ')} |`,
  );
}
