import { foldForSearch } from '../text/fold';

/**
 * A warning word the writer denies is no warning: "đó là khoa học chứ không
 * phải mê tín", "đừng gọi là mê tín", "bên em uy tín, không phải lừa đảo
 * đâu". A debunk says the myth IS superstition or a lie; the believer and the
 * seller say it is NOT — the denial is their claim. Folded, so "chu ko phai
 * me tin" reads the same.
 *
 * Training-split CV (npm run eval:cv, issue 13 seventh round): the exception
 * "mê tín" silenced 10 pseudoscience claims (and 3 benign lines, all
 * questions), every claim with a denial just before it.
 */
const DENIAL_BEFORE = new RegExp(
  '(?:^|[^\\p{L}])(?:' +
    [
      // "không phải", "đâu phải", "chẳng phải là"
      '(?:khong|ko|k|hong|hok|chang|cha|dau|dau co)\\s+phai(?:\\s+la)?',
      // "chứ không", "chớ đâu phải là"
      '(?:chu|cho)\\s+(?:khong|ko|hong|dau|chang)(?:\\s+phai)?(?:\\s+la)?',
      // "đừng nói (là)", "đừng gọi nó là"
      'dung\\s+(?:noi|goi|bao|che)(?:\\s+(?:do|no|day))?(?:\\s+la)?',
    ].join('|') +
    ')$',
  'u',
);

/** Characters read before an exception phrase: the longest denial and its space fit. */
const REACH = 24;

/**
 * Penalty words ("bị phạt", "xử phạt", "xử lý") are exceptions because news and warnings report
 * penalties ("đã bị xử phạt vì quảng cáo sai", "mua bằng giả cũng bị xử lý"). The poser uses the
 * same words for what is to come — a threat ("quá hạn sẽ bị phạt", "hông thì bị phạt", "để tránh
 * bị phạt chậm nộp") — or offers to handle the file himself ("em xử lý giúp", "phí xử lý 3
 * triệu", "gửi CCCD để xử lý", "được xử lý ưu tiên"): no warning then. Folded (the
 * fold trims the space before the phrase).
 */
const PENALTY = /^(?:bi phat|bi xu|xu phat|xu ly)/;
const THREAT_BEFORE =
  /(?:^|[^\p{L}])(?:se|tranh|keo|(?:khong|ko|k|hong|hok) thi|qua han(?: se)?|neu (?:khong|ko|k)(?: se)?)(?: bi)?$/u;
const OFFER_BEFORE = /(?:^|[^\p{L}])(?:phi|de|(?:em|e|anh|a|chi|c|minh|tui|toi|tao)(?: se)?)$/u;
const OFFER_AFTER = /^xu ly (?:giup|gium|cho|luon|noi bo|uu tien|ngay|hoan|trong \d|nhanh cho)/;

/** Is the exception phrase that starts at `start` denied by the words right before it, or a threat or an offer? */
export function deniesWarning(text: string, start: number): boolean {
  if (start === 0) return false;
  const before = foldForSearch(text.slice(Math.max(0, start - REACH), start));
  if (DENIAL_BEFORE.test(before)) return true;
  // Only a penalty word ("bị …", "xử …") reads on: most exceptions are not, and folding costs.
  const first = text.charCodeAt(start) | 32;
  if (first !== 98 && first !== 120) return false;
  const after = foldForSearch(text.slice(start, start + REACH));
  if (!PENALTY.test(after)) return false;
  return THREAT_BEFORE.test(before) || OFFER_BEFORE.test(before) || OFFER_AFTER.test(after);
}

/** "không" as people type it, with marks or without (a regex alternation). */
export const NOT_SPELLINGS = 'không|khong|ko|k|hông|hong|hok';
/** A negation, with what may stand between it and its verb ("không hề", "chẳng thể", "không được"). */
const NEGATION =
  `(?:${NOT_SPELLINGS}|chẳng|chang|chả|đâu có|dau co|chưa từng|chua tung|chưa hề|chua he)` +
  '(?:\\s+(?:hề|he|thể|the|có|co|được|duoc))?';
/**
 * A claim the writer denies where it stands: a negation right before the verb of a cure, a
 * contagion, an absorption or an effect — "mật ong chanh không chữa viêm gan B", "Ung thư
 * không lây qua ăn chung", "Cây xương rồng không hấp thụ bức xạ", "nam châm không làm thay đổi
 * cấu trúc của nước", "hiệu ứng giả dược không làm teo khối u", "súc miệng nước muối không
 * diệt được virus", "Xạ đen không thay được thuốc kháng virus" (issue 13, tenth round: one benign
 * line more, no flagged one lost — a seller who denies that medicine kills or replaces goes on to
 * claim his own cure, which stands un-negated). Not "gây", "làm", "tan" or "có
 * tác dụng": the denialist says "CO2 không hề làm nóng trái đất", "vắc xin không có tác dụng"
 * (training-split CV: those verbs lost three flagged claims for no benign line). Typed with
 * marks or without; "lấy" is not "lây" ("không thành công không lấy phí").
 */
const DENIED_CLAIM = new RegExp(
  `(?<![\\p{L}\\d])${NEGATION}\\s+(?:chữa|chua|trị|tri|lây|hút|hut|hấp thụ|hap thu|làm teo|lam teo|làm thay đổi|lam thay doi|diệt|diet|tiêu diệt|tieu diet|thay thế|thay the|thay(?!\\s+(?:đổi|doi)))(?![\\p{L}\\d])`,
  'giu',
);
/** A negation that ends right where a claim's words start ("… không" + "chữa khỏi"). */
const NEGATION_BEFORE = new RegExp(`(?<![\\p{L}\\d])${NEGATION}\\s+$`, 'iu');

/** [start, end) of each denied claim in the text ("không chữa", "ko hút"), in order. */
export function deniedClaims(text: string): number[] {
  const spans: number[] = [];
  for (const m of text.matchAll(DENIED_CLAIM)) spans.push(m.index, m.index + m[0].length);
  return spans;
}

/** Do the words right before `start` negate what starts there ("không" + "làm tăng")? */
export function negatedAt(text: string, start: number): boolean {
  return start > 0 && NEGATION_BEFORE.test(text.slice(Math.max(0, start - REACH), start));
}
