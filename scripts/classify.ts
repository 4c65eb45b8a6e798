/**
 * classify CLI (a contract, see docs/contracts.md):
 *
 *   npm run --silent classify < in.jsonl > out.jsonl
 *
 * Reads JSON lines `{"id": …, "text": …}` from stdin as they arrive and writes
 * one JSON line per input line, in the same order:
 *
 *   {"id", "flags":[{"category","ruleId","severity","matched"}],
 *    "idea":{"score":0..1,"isIdea":bool}, "suggestions":[{"replyId","intent","score"}]}
 *
 * using the default packs and the shipped model (lib/judge). A flag from the
 * model has a `ruleId` starting with `model:` and `matched` holding the words
 * that weighed most. A bad line (not JSON, not an object, no string
 * `text`) gets `{"id": <its id or null>, "error": "…"}` and the run goes on.
 * A blank line is a bad line too (`"error": "dòng trống / empty line"`), so
 * output line N always answers input line N. A UTF-8 BOM at the start of a
 * line is ignored. `flags` lists each rule once (its best hit), most severe first.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { bestHitPerRule } from '../lib/flags';
import type { Judgement } from '../lib/judge';
import { defaultJudge } from '../lib/judge/default';
import { defaultReplyPack } from '../lib/replies/default-pack';
import { type Suggestion, suggest } from '../lib/replies/suggest';

const InputLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string({ error: 'thiếu trường "text" (chuỗi) / missing string field "text"' }),
});

/** A suggestion as the CLI prints it: the contract's fields only, without the "why". */
type SuggestionLine = Pick<Suggestion, 'replyId' | 'intent' | 'score'>;

/** The ranked replies of the default library for a judged comment (lib/replies). */
export function suggestionsFor(text: string, judgement: Judgement): SuggestionLine[] {
  const ranked = suggest({ text }, judgement.hits, defaultReplyPack().replies, {
    limit: 5,
    intents: { intents: judgement.intents, certain: judgement.intentCertain },
  });
  return ranked.map(({ replyId, intent, score }) => ({ replyId, intent, score }));
}

/** One output record for one input line. */
export function classifyLine(line: string): Record<string, unknown> {
  if (line.trim() === '') return { id: null, error: 'dòng trống / empty line' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `dòng không phải JSON / not JSON: ${(e as Error).message}` };
  }
  const id =
    json !== null && typeof json === 'object' && !Array.isArray(json) && 'id' in json
      ? ((json as { id: unknown }).id ?? null)
      : null;
  const parsed = InputLine.safeParse(json);
  if (!parsed.success) {
    return {
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      error: z.prettifyError(parsed.error),
    };
  }
  const { text } = parsed.data;
  const judgement = defaultJudge().judge(text);
  const flags = bestHitPerRule(judgement.hits).map(({ category, ruleId, severity, matched }) => ({
    category,
    ruleId,
    severity,
    matched,
  }));
  const suggestions = suggestionsFor(text, judgement);
  return { id: parsed.data.id ?? null, flags, idea: judgement.idea, suggestions: suggestions.slice(0, 5) };
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    // A UTF-8 BOM (first line, or files concatenated) is not part of the JSON.
    const line = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const out = classifyLine(line);
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    process.stderr.write(`classify: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  });
}
