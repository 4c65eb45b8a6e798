/**
 * Clauses: where a warning or a negation stops reaching. "Cảnh báo: mấy trang
 * hứa lấy lại tiền là lừa đảo" — the warning covers its own sentence; a scam
 * pasted after "Cảnh báo lừa đảo." in the next sentence is still a scam.
 *
 * A clause ends at . ! ? ; … or a line break — a dot only when a space or the
 * end follows it, so "t.ly/abc", "2.000.000đ" and "TP.HCM" stay inside one.
 */
export function clauseEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2026) ends.push(i);
    else if (c === 0x2e) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
      if (next === 0x20 || next === 0x0a || next === 0x09 || next === 0x2e) ends.push(i);
    }
  }
  return ends;
}

/** Index of the clause holding offset `off`: how many clause ends come before it. */
export function clauseAt(ends: readonly number[], off: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
