import { foldText, TEENCODE_EXPANSIONS } from '../text';
import { AFTER_NUMBER_ONLY } from '../text/teencode';

/**
 * "Similar ideas" (issue 17): given a new idea's text, the closest ideas already
 * in the log, with a score in [0, 1] and the words they share.
 *
 * Method: cosine similarity of TF-IDF vectors over folded syllable unigrams and
 * bigrams. Folding (lib/text) makes "điện mặt trời" and "dien mat troi" the same
 * words; teencode ("ko", "dc") and the ministry's acronyms ("khcn") are expanded
 * first so they meet their full spelling. IDF is the stop-word list: "của",
 * "là", "ạ" occur in most comments and weigh almost nothing, without a
 * hand-kept list that would also drop words the fanpage cares about. Bigrams
 * reward the same phrase ("năng lượng", "sở hữu trí tuệ") over the same loose
 * words. We chose this over MinHash because comments are short (10–60
 * syllables): Jaccard on shingles is noisy at that length and cannot weigh a
 * rare word above a common one, and the weights also give the "shared" words
 * for free.
 *
 * Speed: an inverted index (term → ideas) built once and kept up to date with
 * add/remove. A query walks only the postings of its rarer terms, keeps the
 * best candidates by that partial score, then scores those exactly with the
 * current IDF. Very common terms (in more than 5 % of ideas) still count in
 * the exact score, they just do not bring candidates on their own: an idea that
 * shares only "người dân" and "đề xuất" with the query is not similar.
 */

export interface SimilarHit {
  id: string;
  /** Cosine similarity, 0..1 (1: the same words with the same weights). */
  score: number;
  /** The words and phrases that weighed most in the score, folded, heaviest first. */
  shared: string[];
}

export interface SimilarQueryOptions {
  /** At most this many hits (default 5). */
  limit?: number;
  /** Drop hits below this score (default 0.15). */
  minScore?: number;
  /** An id to leave out (the idea being looked at, when it is already in the log). */
  exclude?: string;
}

export interface SimilarIndex {
  /** Adds an idea, or replaces its text when the id is already there. */
  add(id: string, text: string): void;
  /** Removes an idea; false when it was not there. */
  remove(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
  query(text: string, options?: SimilarQueryOptions): SimilarHit[];
}

/**
 * Acronyms of the ministry's fanpage that teencode does not cover, folded.
 * Only spellings that mean one thing in these comments: "hs" is left out
 * ("nộp hs" is hồ sơ, "cho hs" is học sinh).
 */
const ACRONYMS: ReadonlyMap<string, string> = new Map([
  ['khcn', 'khoa hoc cong nghe'],
  ['nckh', 'nghien cuu khoa hoc'],
  ['cntt', 'cong nghe thong tin'],
  ['dmst', 'doi moi sang tao'],
  ['tthc', 'thu tuc hanh chinh'],
  ['dvc', 'dich vu cong'],
  ['shtt', 'so huu tri tue'],
  ['cds', 'chuyen doi so'],
  ['nlmt', 'nang luong mat troi'],
  ['sv', 'sinh vien'],
  ['gv', 'giao vien'],
  ['ptn', 'phong thi nghiem'],
  ['nsnn', 'ngan sach nha nuoc'],
  ['tp', 'thanh pho'],
  ['oto', 'o to'],
  // Loanwords written beside their Vietnamese word in the same kind of comment.
  ['online', 'truc tuyen'],
  ['app', 'ung dung'],
  ['vaccine', 'vac xin'],
  ['drone', 'may bay khong nguoi lai'],
]);

/**
 * The words of an idea as the similarity sees them: folded syllables, teencode
 * and acronyms expanded. "Ko dc hỗ trợ 10tr" → khong duoc ho tro 10 trieu.
 */
export function ideaWords(text: string): string[] {
  const f = foldText(text);
  const words: string[] = [];
  for (let t = 0; t < f.count; t++) {
    const word = String.fromCharCode(...f.chars.subarray(f.from[t]!, f.to[t]!));
    if (f.digits[t] === 1) {
      words.push(word);
      continue;
    }
    // "10k", "5tr": an amount, not "không" / a bare "tr".
    const afterNumber = t > 0 && f.digits[t - 1] === 1 && f.end[t - 1] === f.start[t];
    if (afterNumber && (word === 'k' || word === 'tr')) {
      words.push(word === 'k' ? 'nghin' : 'trieu');
      continue;
    }
    if (!afterNumber && AFTER_NUMBER_ONLY.has(word)) {
      words.push(word);
      continue;
    }
    // "AI" in capitals is trí tuệ nhân tạo; "ai" in lower case is "who".
    if (word === 'ai' && text.slice(f.start[t], f.end[t]) === 'AI') {
      words.push('tri', 'tue', 'nhan', 'tao');
      continue;
    }
    const expansion = TEENCODE_EXPANSIONS.get(word) ?? ACRONYMS.get(word);
    if (expansion === undefined) words.push(word);
    else for (const w of expansion.split(' ')) words.push(w);
  }
  return words;
}

/** Unigrams and bigrams of the words, with their counts. */
export function ideaTerms(text: string): Map<string, number> {
  const words = ideaWords(text);
  const terms = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    terms.set(words[i]!, (terms.get(words[i]!) ?? 0) + 1);
    if (i + 1 < words.length) {
      const bigram = `${words[i]} ${words[i + 1]}`;
      terms.set(bigram, (terms.get(bigram) ?? 0) + 1);
    }
  }
  return terms;
}

/** Sublinear term frequency: a word said three times is not three times the idea. */
const tfWeight = (count: number) => 1 + Math.log(count);

interface Doc {
  id: string;
  /** Term ids, ascending. */
  terms: Int32Array;
  /** tfWeight of each term, same order. */
  tf: Float32Array;
}

/** Knobs of the candidate pruning; the defaults are the product's. */
export interface SimilarIndexOptions {
  /** Terms in more than this share of the ideas bring no candidates on their own (default 0.05). */
  commonShare?: number;
  /** ...unless the index is small: a term with at most this many ideas is always walked (default 500). */
  commonFloor?: number;
  /** Candidates scored exactly per query, the best by the partial score (default 300). */
  candidates?: number;
}

/**
 * An empty index. The benchmark passes `{ commonShare: 1, candidates: Infinity }`
 * to score every idea sharing a word, and measures what the pruning loses.
 */
export function createSimilarIndex(options: SimilarIndexOptions = {}): SimilarIndex {
  const COMMON_SHARE = options.commonShare ?? 0.05;
  const COMMON_FLOOR = options.commonFloor ?? 500;
  const CANDIDATES = options.candidates ?? 300;
  const vocab = new Map<string, number>();
  const termText: string[] = [];
  const df: number[] = [];
  const postings: number[][] = [];
  const docs: (Doc | undefined)[] = [];
  const slotOf = new Map<string, number>();
  const freeSlots: number[] = [];
  let acc = new Float64Array(1024);
  let live = 0;

  // Smoothed IDF: never 0, so a word every idea shares still counts a little.
  const idf = (d: number) => Math.log(1 + live / Math.max(d, 1));

  function termId(term: string): number {
    let id = vocab.get(term);
    if (id === undefined) {
      id = termText.length;
      vocab.set(term, id);
      termText.push(term);
      df.push(0);
      postings.push([]);
    }
    return id;
  }

  function remove(id: string): boolean {
    const slot = slotOf.get(id);
    if (slot === undefined) return false;
    const doc = docs[slot]!;
    for (const term of doc.terms) {
      df[term]!--;
      const list = postings[term]!;
      // Postings stay unordered, so the last one fills the hole: O(1) after the search.
      const at = list.indexOf(slot);
      list[at] = list[list.length - 1]!;
      list.pop();
    }
    docs[slot] = undefined;
    slotOf.delete(id);
    freeSlots.push(slot);
    live--;
    return true;
  }

  function add(id: string, text: string): void {
    remove(id);
    const counts = ideaTerms(text);
    const pairs = [...counts].map(([term, count]) => [termId(term), tfWeight(count)] as const);
    pairs.sort((a, b) => a[0] - b[0]);
    const doc: Doc = {
      id,
      terms: Int32Array.from(pairs, (p) => p[0]),
      tf: Float32Array.from(pairs, (p) => p[1]),
    };
    const slot = freeSlots.pop() ?? docs.length;
    docs[slot] = doc;
    slotOf.set(id, slot);
    if (slot >= acc.length) {
      const grown = new Float64Array(acc.length * 2);
      grown.set(acc);
      acc = grown;
    }
    for (const term of doc.terms) {
      df[term]!++;
      postings[term]!.push(slot);
    }
    live++;
  }

  function query(text: string, options: SimilarQueryOptions = {}): SimilarHit[] {
    const limit = options.limit ?? 5;
    const minScore = options.minScore ?? 0.15;
    const excluded = options.exclude === undefined ? undefined : slotOf.get(options.exclude);
    if (live === 0 || limit <= 0) return [];

    // The query's vector: known terms by id; unknown ones only add to its norm.
    const q: { term: number; w: number }[] = [];
    let qNorm2 = 0;
    for (const [term, count] of ideaTerms(text)) {
      const id = vocab.get(term);
      const d = id === undefined ? 0 : df[id]!;
      const w = tfWeight(count) * idf(d);
      qNorm2 += w * w;
      if (d > 0) q.push({ term: id!, w });
    }
    if (q.length === 0 || qNorm2 === 0) return [];

    // Candidates: walk the postings of the rarer terms. The three rarest are
    // always walked, so a query made only of common words still finds some.
    const byRarity = [...q].sort((a, b) => df[a.term]! - df[b.term]!);
    const common = Math.max(COMMON_FLOOR, live * COMMON_SHARE);
    const touched: number[] = [];
    for (let k = 0; k < byRarity.length; k++) {
      const { term, w } = byRarity[k]!;
      if (k >= 3 && df[term]! > common) break;
      const gain = w * idf(df[term]!);
      for (const slot of postings[term]!) {
        if (acc[slot] === 0) touched.push(slot);
        acc[slot]! += gain;
      }
    }
    let candidates = touched;
    if (touched.length > CANDIDATES) {
      const partial = Float64Array.from(touched, (slot) => acc[slot]!).sort();
      const floor = partial[partial.length - CANDIDATES]!;
      candidates = touched.filter((slot) => acc[slot]! >= floor);
    }
    for (const slot of touched) acc[slot] = 0;

    // Exact cosine for the candidates, with today's IDF.
    q.sort((a, b) => a.term - b.term);
    const qNorm = Math.sqrt(qNorm2);
    const hits: { slot: number; score: number; parts: [number, number][] }[] = [];
    for (const slot of candidates) {
      if (slot === excluded) continue;
      const doc = docs[slot]!;
      let dNorm2 = 0;
      let dot = 0;
      const parts: [number, number][] = [];
      let i = 0;
      for (let j = 0; j < doc.terms.length; j++) {
        const term = doc.terms[j]!;
        const weight = doc.tf[j]! * idf(df[term]!);
        dNorm2 += weight * weight;
        while (i < q.length && q[i]!.term < term) i++;
        if (i < q.length && q[i]!.term === term) {
          const part = q[i]!.w * weight;
          dot += part;
          parts.push([term, part]);
        }
      }
      const score = dNorm2 === 0 ? 0 : dot / (qNorm * Math.sqrt(dNorm2));
      if (score >= minScore) hits.push({ slot, score, parts });
    }
    hits.sort((a, b) => b.score - a.score || (docs[a.slot]!.id < docs[b.slot]!.id ? -1 : 1));
    return hits.slice(0, limit).map((h) => ({
      id: docs[h.slot]!.id,
      score: Math.min(1, h.score),
      shared: sharedWords(h.parts),
    }));
  }

  /** The heaviest shared terms; a word already shown inside a shared phrase is not repeated. */
  function sharedWords(parts: [number, number][]): string[] {
    parts.sort((a, b) => b[1] - a[1]);
    const out: string[] = [];
    const shown = new Set<string>();
    for (const [term] of parts) {
      const text = termText[term]!;
      const words = text.split(' ');
      if (words.length === 1 && shown.has(text)) continue;
      out.push(text);
      for (const w of words) shown.add(w);
      if (out.length === 8) break;
    }
    return out;
  }

  return {
    add,
    remove,
    has: (id) => slotOf.has(id),
    get size() {
      return live;
    },
    query,
  };
}
