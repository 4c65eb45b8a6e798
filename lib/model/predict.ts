import {
  extractTextFeatures,
  FeatureBuffer,
  type FoldedText,
  hashName,
  KIND_SIGNAL,
  pushSignals,
} from './features';
import {
  CATEGORY_COLUMNS,
  IDEA_COLUMN,
  INTENT_COLUMNS,
  INTENT_OFFSET,
  LABELS,
  type ModelFile,
} from './schema';

/**
 * The model, ready to score comments: a linear classifier over hashed
 * features (lib/model/features.ts). Categories and idea are independent
 * sigmoids (a comment can be a scam and a phishing link at once); the eight
 * reply intents are one softmax (a moderator sends one reply).
 *
 * A moderator's corrections are a second, small set of weights added on top
 * (`withCorrections`), so the shipped file never changes on the user's machine.
 */
export interface Model {
  /**
   * Probabilities in LABELS order for one comment (folded once by the caller).
   * With `columns`, only the first that many are worked out (the flag
   * categories, on the page's hot path); the rest stay 0.
   */
  score(folded: FoldedText, signals: readonly string[], columns?: number): Float64Array;
  /** The same before the sigmoids and the softmax: what learning from corrections adds to. */
  logits(folded: FoldedText, signals: readonly string[], columns?: number): Float64Array;
  /** The comment's syllable spans that pushed `label` up most, best first. */
  topEvidence(folded: FoldedText, signals: readonly string[], label: number, k: number): Evidence[];
  readonly thresholds: { categories: readonly number[]; idea: number };
  readonly featureCount: number;
}

export interface Evidence {
  /** First and last syllable of the text the feature came from; -1 for a signal. */
  firstToken: number;
  lastToken: number;
  /** The signal's name when the evidence is a signal ("phone", "concept:loan"). */
  signal?: string;
  weight: number;
}

const WIDTH = LABELS.length;

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/** Extra weights learnt from this moderator's corrections: feature hash → one weight per label. */
export type WeightDelta = ReadonlyMap<number, Float64Array>;

/**
 * Feature hash → row, open addressing over int32 keys: Map lookups of hashes
 * above 2^30 (most of them) box their keys and cost several times more.
 */
class RowTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  constructor(hashes: Int32Array) {
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < hashes.length; r++) {
      let i = mix(hashes[r]!) & this.mask;
      while (this.rows[i] !== -1) i = (i + 1) & this.mask;
      this.keys[i] = hashes[r]!;
      this.rows[i] = r;
    }
  }
  get(hash: number): number {
    let i = mix(hash) & this.mask;
    for (;;) {
      const row = this.rows[i]!;
      if (row === -1 || this.keys[i] === hash) return row;
      i = (i + 1) & this.mask;
    }
  }
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

class LinearModel implements Model {
  private readonly table: RowTable;
  private readonly weights: Float32Array;
  readonly featureCount: number;
  readonly thresholds: { categories: readonly number[]; idea: number };
  /** Scratch: the features of the comment being scored (a scan is synchronous). */
  private readonly buffer = new FeatureBuffer();
  /** Scratch: the hashes of the comment's named signals. */
  private signalScratch = new Int32Array(64);
  private readonly delta: Map<number, Float64Array> | null;

  constructor(
    file: ModelFile,
    private readonly bias: readonly number[],
    delta: WeightDelta | null,
  ) {
    const featureBytes = decodeBase64(file.features);
    const hashes = new Int32Array(featureBytes.buffer, featureBytes.byteOffset, featureBytes.byteLength / 4);
    const bytes = new Int8Array(decodeBase64(file.weights).buffer);
    this.weights = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.weights[i] = bytes[i]! * file.scale;
    this.table = new RowTable(hashes);
    this.featureCount = hashes.length;
    this.thresholds = file.thresholds;
    this.delta = delta && delta.size > 0 ? new Map([...delta].map(([h, w]) => [h | 0, w])) : null;
  }

  private collect(folded: FoldedText, signals: readonly string[]): FeatureBuffer {
    const buf = this.buffer;
    extractTextFeatures(folded, buf);
    if (signals.length > this.signalScratch.length) this.signalScratch = new Int32Array(signals.length * 2);
    const hashes = this.signalScratch;
    for (let i = 0; i < signals.length; i++) hashes[i] = signalHash(signals[i]!);
    pushSignals(buf, hashes, signals.length);
    return buf;
  }

  score(folded: FoldedText, signals: readonly string[], columns = WIDTH): Float64Array {
    const z = this.logits(folded, signals, columns);
    if (columns === WIDTH) return toProbabilities(z);
    const p = new Float64Array(WIDTH);
    for (let j = 0; j < Math.min(columns, CATEGORY_COLUMNS); j++) p[j] = sigmoid(z[j]!);
    return p;
  }

  logits(folded: FoldedText, signals: readonly string[], columns = WIDTH): Float64Array {
    const buf = this.collect(folded, signals);
    const z = new Float64Array(WIDTH);
    for (let j = 0; j < columns; j++) z[j] = this.bias[j]!;
    // Features are counted, then scaled by 1/√n so a long comment is not louder than a short one.
    const n = buf.n;
    const x = n > 0 ? 1 / Math.sqrt(n) : 0;
    const w = this.weights;
    const hashes = buf.hashes;
    const delta = this.delta;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      const row = this.table.get(h);
      if (row >= 0) {
        const base = row * WIDTH;
        for (let j = 0; j < columns; j++) z[j]! += w[base + j]! * x;
      }
      if (delta !== null) {
        const extra = delta.get(h);
        if (extra) for (let j = 0; j < columns; j++) z[j]! += extra[j]! * x;
      }
    }
    return z;
  }

  topEvidence(folded: FoldedText, signals: readonly string[], label: number, k: number): Evidence[] {
    const found: Evidence[] = [];
    const w = this.weights;
    const weightOf = (h: number): number => {
      const row = this.table.get(h);
      let v = row < 0 ? 0 : w[row * WIDTH + label]!;
      const extra = this.delta?.get(h);
      if (extra) v += extra[label]!;
      return v;
    };
    const buf = this.buffer;
    extractTextFeatures(folded, buf);
    for (let i = 0; i < buf.n; i++) {
      const weight = weightOf(buf.hashes[i]!);
      if (weight > 0) found.push({ firstToken: buf.first[i]!, lastToken: buf.last[i]!, weight });
    }
    for (const s of signals) {
      const weight = weightOf(signalHash(s));
      if (weight > 0) found.push({ firstToken: -1, lastToken: -1, signal: s, weight });
    }
    // Pieces of one word add up: group by span, then keep the heaviest spans.
    const bySpan = new Map<string, Evidence>();
    for (const e of found) {
      const key = e.signal ?? `${e.firstToken}:${e.lastToken}`;
      const seen = bySpan.get(key);
      if (seen) seen.weight += e.weight;
      else bySpan.set(key, { ...e });
    }
    const ranked = [...bySpan.values()].sort((a, b) => b.weight - a.weight);
    // A bigram and its own words say the same thing: keep the first that covers a syllable.
    const out: Evidence[] = [];
    const covered = new Set<number>();
    for (const e of ranked) {
      if (out.length >= k) break;
      if (e.firstToken >= 0) {
        let overlaps = false;
        for (let t = e.firstToken; t <= e.lastToken; t++) if (covered.has(t)) overlaps = true;
        if (overlaps) continue;
        for (let t = e.firstToken; t <= e.lastToken; t++) covered.add(t);
      }
      out.push(e);
    }
    return out;
  }
}

const signalHashes = new Map<string, number>();
/** A named signal's feature hash (int32), cached: the same few dozen names recur on every comment. */
export function signalHash(name: string): number {
  let h = signalHashes.get(name);
  if (h === undefined) {
    h = hashName(KIND_SIGNAL, name) | 0;
    if (signalHashes.size > 10_000) signalHashes.clear();
    signalHashes.set(name, h);
  }
  return h;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Logits → probabilities: sigmoids for categories and idea, one softmax over the intents. */
export function toProbabilities(z: Float64Array): Float64Array {
  const p = new Float64Array(WIDTH);
  for (let j = 0; j < CATEGORY_COLUMNS; j++) p[j] = sigmoid(z[j]!);
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < INTENT_COLUMNS; j++) max = Math.max(max, z[INTENT_OFFSET + j]!);
  let sum = 0;
  for (let j = 0; j < INTENT_COLUMNS; j++) {
    const e = Math.exp(z[INTENT_OFFSET + j]! - max);
    p[INTENT_OFFSET + j] = e;
    sum += e;
  }
  for (let j = 0; j < INTENT_COLUMNS; j++) p[INTENT_OFFSET + j]! /= sum;
  p[IDEA_COLUMN] = sigmoid(z[IDEA_COLUMN]!);
  return p;
}

/** Build the scorer from a validated model file, with this moderator's corrections if any. */
export function loadModel(file: ModelFile, delta: WeightDelta | null = null): Model {
  return new LinearModel(file, file.bias, delta);
}
