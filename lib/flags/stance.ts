/**
 * The speaker's stance towards the words a rule matched: told as a relative's
 * belief, denied right where they stand. Pure functions over the raw text;
 * the judge decides what a stance silences (lib/judge).
 */

/**
 * A relative or a neighbour, named with whose they are ("ba tui", "chồng em",
 * "chú hàng xóm"), who believes or heeds what follows: "Ba tui tin uống nước
 * tiểu chữa bách bệnh", "Mạ tui nghe người ta nói uống lá bàng khỏi tiểu
 * đường". The writer retells someone else's belief (and usually its harm);
 * the seller of a cure speaks for himself ("uống lá này khỏi hẳn"), and a
 * testimonial says what the remedy did ("mẹ tôi uống … khỏi hẳn"), not what
 * the relative believed. Training split: 36 benign lines, no flagged one.
 */
const RELATIVE_BELIEVES = new RegExp(
  '(?:^|[^\\p{L}])' +
    '(?:ông bà|ba mẹ|bố mẹ|cha mẹ|ông xã|bà xã|ba|bố|cha|mẹ|má|mạ|mệ|ông|bà|bác|chú|cô|dì|cậu|mợ|thím|chồng|vợ|anh|chị|cháu|con)' +
    '\\s+(?:tui|tôi|mình|em|t|tao|ruột|hàng xóm|nhà tui|nhà tôi|nhà mình|nhà em)' +
    '\\s+(?:cũng\\s+|vẫn\\s+|cứ\\s+|từng\\s+|đã\\s+)?' +
    '(?:tin|nghe người ta|nghe theo|nghe lời)(?![\\p{L}])',
  'iu',
);

/** Where a relative's belief is told ([start, end) of "ba tui tin"), or null. */
export function relativeBelief(text: string): { start: number; end: number; matched: string } | null {
  const m = RELATIVE_BELIEVES.exec(text);
  if (!m) return null;
  // The match may open with the character before the kin word.
  const lead = m[0].search(/\p{L}/u);
  const start = m.index + lead;
  return { start, end: m.index + m[0].length, matched: m[0].slice(lead) };
}
