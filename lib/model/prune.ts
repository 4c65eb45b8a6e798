import { INTENT_COLUMNS, INTENT_OFFSET, LABELS } from './schema';

/**
 * Pruning by weight, after training (issue 13: the model's size). Dropping
 * features by how few lines they occur in (`minCount`) cost recall: a rare word
 * can be a strong one. A feature whose weights are all small moves no score
 * much wherever it occurs, so it is the one to drop when the file must shrink.
 */

const WIDTH = LABELS.length;

/** The raw weights a pruning reads and returns (`RawModel` in train.ts). */
export interface WeightTable {
  hashes: Int32Array;
  /** hashes.length × LABELS.length, row-major. */
  weights: Float64Array;
  bias: Float64Array;
}

/**
 * How much row `r` can move any score: the L1 norm of its weights, with the
 * intents' weights taken from their mean first — the intents are one softmax,
 * and a weight every intent shares changes none of their probabilities.
 */
export function featureStrength(weights: Float64Array, r: number): number {
  const base = r * WIDTH;
  let mean = 0;
  for (let j = INTENT_OFFSET; j < INTENT_OFFSET + INTENT_COLUMNS; j++) mean += weights[base + j]!;
  mean /= INTENT_COLUMNS;
  let sum = 0;
  for (let j = 0; j < WIDTH; j++) {
    const isIntent = j >= INTENT_OFFSET && j < INTENT_OFFSET + INTENT_COLUMNS;
    sum += Math.abs(weights[base + j]! - (isIntent ? mean : 0));
  }
  return sum;
}

/**
 * The features whose strength (`featureStrength`) is at least `minStrength`,
 * with their weights and the same bias. `minStrength` ≤ 0 keeps every feature.
 * The hashes stay in their order (sorted, as training writes them).
 */
export function pruneByWeight<T extends WeightTable>(table: T, minStrength: number): T {
  if (minStrength <= 0) return table;
  const keptRows: number[] = [];
  for (let r = 0; r < table.hashes.length; r++) {
    if (featureStrength(table.weights, r) >= minStrength) keptRows.push(r);
  }
  if (keptRows.length === table.hashes.length) return table;
  const hashes = new Int32Array(keptRows.length);
  const weights = new Float64Array(keptRows.length * WIDTH);
  keptRows.forEach((r, i) => {
    hashes[i] = table.hashes[r]!;
    weights.set(table.weights.subarray(r * WIDTH, (r + 1) * WIDTH), i * WIDTH);
  });
  return { ...table, hashes, weights };
}
