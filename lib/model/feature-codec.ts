/**
 * The shipped model's feature hashes, Rice-coded (model file version 3).
 *
 * Why: the hashes are ~31,000 random 32-bit numbers, sorted. Written whole
 * (base64 of an Int32Array) deflate cannot shrink them — 121 KB of the zip's
 * 391 KB at 31,058 features. Sorted, only the gaps between neighbours carry
 * information, ~2³²⁄n each, nearly geometric: Rice-coding them (the quotient
 * by 2^k in unary, then k low bits) takes ~19 bits a hash, 71 KB (node's zlib,
 * 2026-12-07), close to the ~18.5 bits a sorted random set needs.
 *
 * Layout: the hashes in ascending signed order (the order of the weights'
 * rows), each offset by 2³¹ so the order is unsigned; the first offset value,
 * then each gap minus one (hashes are distinct), as Rice codes: `q` one bits,
 * a zero bit, then the `k` low bits, most significant first, bits packed
 * from each byte's high bit; the last byte's unused bits are zero. Base64.
 */

const OFFSET = 2 ** 31;

/** The Rice parameter and text of `hashes` (distinct, ascending as signed 32-bit numbers). */
export function encodeFeatureHashes(hashes: Int32Array): { gapBits: number; text: string } {
  const gaps = new Float64Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    const gap = i === 0 ? hashes[0]! + OFFSET : hashes[i]! - hashes[i - 1]! - 1;
    if (gap < 0) throw new RangeError(`feature hashes not distinct and ascending at ${i}`);
    gaps[i] = gap;
  }
  // The parameter that codes these gaps shortest: the file says which.
  let gapBits = 0;
  let bestLength = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= 31; k++) {
    let length = 0;
    for (const g of gaps) length += Math.floor(g / 2 ** k) + 1 + k;
    if (length < bestLength) {
      bestLength = length;
      gapBits = k;
    }
  }
  const bytes = new Uint8Array(Math.ceil(bestLength / 8));
  let at = 0;
  const push = (bit: number) => {
    if (bit) bytes[at >> 3]! |= 0x80 >> (at & 7);
    at++;
  };
  const unit = 2 ** gapBits;
  for (const g of gaps) {
    const q = Math.floor(g / unit);
    for (let i = 0; i < q; i++) push(1);
    push(0);
    const r = g - q * unit;
    for (let i = gapBits - 1; i >= 0; i--) push(Math.floor(r / 2 ** i) % 2);
  }
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { gapBits, text: btoa(bin) };
}

/**
 * `count` hashes back from `text` (base64 checked by the caller). Throws a
 * RangeError when the bits run out, a hash passes 2³² − 1, or bits are left
 * over: a corrupt or truncated file, which the schema reports.
 *
 * A model is decoded twice on load — by the schema, to report a corrupt file,
 * then by the model for its table — so the last answer is kept and handed out
 * again for the same file (~3.5 ms a decode). Callers only read it.
 */
export function decodeFeatureHashes(text: string, count: number, gapBits: number): Int32Array {
  const last = lastDecoded;
  if (last && last.text === text && last.count === count && last.gapBits === gapBits) return last.hashes;
  const hashes = decodeAnew(text, count, gapBits);
  lastDecoded = { text, count, gapBits, hashes };
  return hashes;
}

let lastDecoded: { text: string; count: number; gapBits: number; hashes: Int32Array } | null = null;

function decodeAnew(text: string, count: number, gapBits: number): Int32Array {
  const bin = atob(text);
  const total = bin.length * 8;
  let at = 0;
  const bit = (): number => {
    if (at >= total) throw new RangeError(`features: the bits end before hash ${count}`);
    const b = (bin.charCodeAt(at >> 3) >> (7 - (at & 7))) & 1;
    at++;
    return b;
  };
  const out = new Int32Array(count);
  const unit = 2 ** gapBits;
  let value = -1;
  for (let i = 0; i < count; i++) {
    let q = 0;
    while (bit() === 1) q++;
    let r = 0;
    for (let j = 0; j < gapBits; j++) r = r * 2 + bit();
    value += q * unit + r + 1;
    if (value >= 2 ** 32) throw new RangeError(`features: hash ${i} past 2³² − 1`);
    out[i] = value - OFFSET;
  }
  // What is left is the last byte's padding: fewer than 8 bits, all zero.
  if (total - at >= 8) throw new RangeError(`features: ${total - at} bits left after ${count} hashes`);
  while (at < total) if (bit() !== 0) throw new RangeError('features: padding bits are not zero');
  return out;
}
