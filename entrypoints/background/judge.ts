import type { Correction } from '../../lib/corrections/schema';
import { errorMessage } from '../../lib/errors';
import { FlagCounter } from '../../lib/flags/flag-stats';
import { recordFlagCounts } from '../../lib/flags/flag-stats-store';
import { flagSummaries } from '../../lib/flags/hit';
import type { RulePack } from '../../lib/flags/schema';
import type { Judge } from '../../lib/judge';
// The page's own judge and the background's are compiled by the same code
// (each bundle has its own copy of the module and of its compiled judge).
import { replyJudgement, setFlagRules, WARM_UP_TEXTS } from '../../lib/judge/active';
import { loadShippedModel, type ShippedModel } from '../../lib/judge/default';
import {
  type FlagSummary,
  type JudgeOneResponse,
  type JudgeRequest,
  type JudgeResponse,
  unpackJudgeComments,
} from '../../lib/messages';

/**
 * The judgement of the page's comments, in the background (issue 14, fifth
 * round): the content script sends each batch's new comments (ids and words)
 * and writes the flags it gets back, so the judge no longer runs on
 * Facebook's main thread. The judge is the page's: the active rule pack, the
 * shipped model (the build's file, loaded here: the content script carries
 * none) and this moderator's corrections (the background owns their
 * database), compiled once and again only when the pack or the corrections
 * change. The background also counts the flags of the day (issue 17's
 * report) for the comments it judged, so the page sends no counts of its own.
 */

/** Batches of counts are written at most this often (the page's former pace, FLAG_STATS_SEND_MS). */
export const JUDGE_COUNTS_WRITE_MS = 5_000;

export interface JudgeSources {
  rulePack(): Promise<RulePack>;
  corrections(): Promise<readonly Correction[]>;
  /** The shipped model (the build's file, fetched once: lib/judge/default.ts). */
  model?(): Promise<ShippedModel>;
}

export interface BackgroundJudgeOptions {
  /** Where the day's counts go (storage.local in the extension). */
  recordCounts?: typeof recordFlagCounts;
  counter?: FlagCounter;
}

export class BackgroundJudge {
  private pack: Promise<RulePack> | null = null;
  private corrections: Promise<readonly Correction[]> | null = null;
  private compiled: Promise<Judge> | null = null;
  private readonly counter: FlagCounter;
  private readonly recordCounts: typeof recordFlagCounts;
  private countsTimer: ReturnType<typeof setTimeout> | null = null;
  private modelWarned = false;

  constructor(
    private readonly sources: JudgeSources,
    options: BackgroundJudgeOptions = {},
  ) {
    this.counter = options.counter ?? new FlagCounter();
    this.recordCounts = options.recordCounts ?? recordFlagCounts;
  }

  /** The rule pack changed (options page): the next judgement compiles it again. */
  packChanged(): void {
    this.pack = null;
    this.compiled = null;
  }

  /** The corrections changed: the next judgement learns them again (the pack's rules are kept). */
  correctionsChanged(): void {
    this.corrections = null;
    this.compiled = null;
  }

  /**
   * The judge, compiled on first use and warmed on a few sample comments (the
   * first judgements of a judge are cold: built regexes and states, no JIT).
   * A failed compile is not kept: the next request tries again.
   */
  judge(): Promise<Judge> {
    if (this.compiled) return this.compiled;
    this.pack ??= this.sources.rulePack();
    this.corrections ??= this.sources.corrections();
    const pack = this.pack;
    const corrections = this.corrections;
    // The model is loaded before the judge is compiled: setFlagRules reads it
    // (through judgeWithCorrections). A missing or corrupt file is said once;
    // the rules still judge.
    const model = (this.sources.model ?? (() => loadShippedModel()))().then((file) => {
      if (!file.ok && !this.modelWarned) console.warn(`[khcn] ${file.error}`);
      this.modelWarned = true;
    });
    const compiled = Promise.all([pack, corrections, model]).then(([p, c]) => {
      const judge = setFlagRules(p, c);
      for (const text of WARM_UP_TEXTS) judge.judge(text);
      return judge;
    });
    this.compiled = compiled;
    compiled.catch(() => {
      if (this.compiled === compiled) this.compiled = null;
      if (this.pack === pack) this.pack = null;
      if (this.corrections === corrections) this.corrections = null;
    });
    return compiled;
  }

  /** Answers a `judge:comments` request: the flagged comments' flags, by their place in it. */
  async answer(request: Pick<JudgeRequest, 'comments' | 'count'>): Promise<JudgeResponse> {
    const unpacked = unpackJudgeComments(request.comments);
    if (!unpacked.ok) return unpacked;
    return this.judgeAll(unpacked.comments, request.count);
  }

  /**
   * Answers a `judge:one` request: the judgement of the comment the moderator
   * is answering, for the page's reply assistant (the page has no model).
   */
  async answerOne(text: string): Promise<JudgeOneResponse> {
    try {
      return { ok: true, ...replyJudgement((await this.judge()).judge(text)) };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }

  /** Judges comments already unpacked; `count`: add the flagged ones to the day's counts. */
  async judgeAll(comments: readonly { id: string; text: string }[], count: boolean): Promise<JudgeResponse> {
    try {
      const judge = await this.judge();
      const flags: FlagSummary[][] = comments.map(({ text }) => flagSummaries(judge.judge(text).hits));
      if (count) this.count(comments, flags);
      const flagged: [number, FlagSummary[]][] = [];
      for (let i = 0; i < flags.length; i++) if (flags[i]!.length > 0) flagged.push([i, flags[i]!]);
      return { ok: true, flagged };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }

  /** Counts a batch's flagged comments, once per comment and category per day (the day read once). */
  private count(comments: readonly { id: string }[], flags: readonly FlagSummary[][]): void {
    let added = 0;
    let day: string | undefined;
    for (let i = 0; i < comments.length; i++) {
      const found = flags[i]!;
      if (found.length === 0) continue;
      day ??= this.counter.today();
      added += this.counter.record(
        comments[i]!.id,
        found.map((flag) => flag.category),
        day,
      );
    }
    if (added > 0) this.countsTimer ??= setTimeout(() => void this.writeCounts(), JUDGE_COUNTS_WRITE_MS);
  }

  /** Writes the counts waiting now; a failed write keeps them for the next one. */
  async writeCounts(): Promise<void> {
    if (this.countsTimer) clearTimeout(this.countsTimer);
    this.countsTimer = null;
    if (!this.counter.hasPending) return;
    const days = this.counter.take();
    try {
      await this.recordCounts(days);
    } catch {
      this.counter.restore(days);
    }
  }
}
