import { foldForSearch } from '../text/fold';
import { partStart } from './claims';
import { asksAt, clauseEnds } from './clauses';
import { NOT_SPELLINGS } from './denial';

/**
 * The speaker's stance towards the words a rule matched: told as a relative's
 * belief, denied right where they stand. Pure functions over the raw text;
 * the judge decides what a stance silences (lib/judge).
 */

/** Kin words, a relative or a neighbour ("ba", "bác", "chồng"). */
const KIN =
  'ông bà|ba mẹ|bố mẹ|cha mẹ|ông xã|bà xã|ba|bố|cha|mẹ|má|mạ|mệ|ông|bà|bác|chú|cô|dì|cậu|mợ|thím|chồng|vợ|anh|chị|cháu|con';
/** Whose they are: the writer's ("tui", "nhà em"), or a neighbour. */
const OF_WRITER = 'tui|tôi|mình|em|t|tao|ruột|hàng xóm|nhà tui|nhà tôi|nhà mình|nhà em';

/**
 * A relative or a neighbour, named with whose they are ("ba tui", "chồng em",
 * "chú hàng xóm"), who believes or heeds what follows: "Ba tui tin uống nước
 * tiểu chữa bách bệnh", "Mạ tui nghe người ta nói uống lá bàng khỏi tiểu
 * đường". The writer retells someone else's belief (and usually its harm);
 * the seller of a cure speaks for himself ("uống lá này khỏi hẳn"), and a
 * testimonial says what the remedy did ("mẹ tôi uống … khỏi hẳn"), not what
 * the relative believed. Training split: 36 benign lines, no flagged one.
 */
export const RELATIVE_BELIEVES = new RegExp(
  '(?:^|[^\\p{L}])' +
    `(?:${KIN})` +
    `\\s+(?:${OF_WRITER})` +
    '\\s+(?:cũng\\s+|vẫn\\s+|cứ\\s+|từng\\s+|đã\\s+)?' +
    '(?:tin|nghe người ta|nghe theo|nghe lời)(?![\\p{L}])',
  'iu',
);

/**
 * What every RELATIVE_BELIEVES match holds: a space, then "tin" or "nghe". Four comments in
 * five hold neither and skip the regex, which tries its kin words at every position (about 6 % of
 * a benign comment's judgement; issue 13, ninth round). No `u` flag: without it `i` folds the
 * same ASCII letters (no other character folds to t, i, n, g, h or e), and `\s` is the same set.
 */
const MAY_TELL_BELIEF = /\s(?:tin|nghe)/i;

/**
 * What every RELATIVE_BELIEVES match holds from its whose-word on: each of OF_WRITER's words ends
 * in one of these ("hàng xóm" in "xóm", "nhà tui" in "tui"), then the same spaces, optional
 * adverb and "tin"/"nghe", with the same flags. One comment in nine of those with a space then
 * "tin"/"nghe" holds it; the kin words tried at every position cost 3 µs a comment, this 0.4
 * (issue 13, eleventh round).
 */
const WRITER_THEN_BELIEF =
  /(?:tui|tôi|mình|em|t|tao|ruột|xóm)\s+(?:(?:cũng|vẫn|cứ|từng|đã)\s+)?(?:tin|nghe)/iu;

/** Where a relative's belief is told ([start, end) of "ba tui tin"), or null. */
export function relativeBelief(text: string): { start: number; end: number; matched: string } | null {
  if (!MAY_TELL_BELIEF.test(text) || !WRITER_THEN_BELIEF.test(text)) return null;
  const m = RELATIVE_BELIEVES.exec(text);
  if (!m) return null;
  // The match may open with the character before the kin word.
  const lead = m[0].search(/\p{L}/u);
  const start = m.index + lead;
  return { start, end: m.index + m[0].length, matched: m[0].slice(lead) };
}

const NO = '(?:khong|ko|k|hong|hok|hk|ha|chua)';
/**
 * The writer asks whether something is real, fake or a scam: "là thật hay
 * giả vậy mn", "có phải trang của Bộ không", "tin này thật ko ạ", "Thế là
 * lừa phải không các cháu?", "La gia dung ko?". Folded, so both spellings.
 */
const ASKS_IF_REAL = new RegExp(
  [
    '\\b(?:that|gia) hay (?:gia|lua|that)\\b',
    `\\bco phai (?:la )?(?:lua|that|gia|tin that|tin gia|trang chinh thuc|trang cua|web cua|cua bo|cua ngan hang|ngan hang gui|bo gui)`,
    `\\bco that ${NO}\\b`,
    `\\b(?:la|la tin) (?:that|gia|lua|lua dao) (?:${NO}|dung ${NO}|phai ${NO})\\b`,
    `\\b(?:lua|lua dao|gia) (?:dung|phai) ${NO}\\b`,
    `\\bthat ${NO}(?: (?:a|ah|vay|z|mn|ae|ad|admin|moi nguoi|ca nha))*\\s*(?:$|[?.!,;)]|\\p{Extended_Pictographic})`,
    '\\btin nay (?:co )?(?:that|dung)\\b',
  ].join('|'),
  'u',
);

/**
 * What every ASKS_IF_REAL match leaves in the comment's folded letters run together, spaces and
 * punctuation taken out (`foldedLetters`: the same folds in the same order, where a match's
 * letters and spaces become its letters side by side), one line a shape of ASKS_IF_REAL. Its
 * `\b`s and what a shape reads after these words are left out, so this holds wherever
 * ASKS_IF_REAL does. The letters are folded for the model already: testing them rules out nine
 * comments in ten that the raw-text test lets through, before `foldForSearch` (issue 13, eleventh
 * round).
 */
const ASKS_IF_REAL_LETTERS = new RegExp(
  [
    '(?:that|gia)hay(?:gia|lua|that)',
    'cophai',
    `cothat${NO}`,
    `la(?:tin)?(?:that|gia|lua|luadao)(?:${NO}|dung${NO}|phai${NO})`,
    `(?:lua|luadao|gia)(?:dung|phai)${NO}`,
    `that${NO}`,
    'tinnay(?:co)?(?:that|dung)',
  ].join('|'),
);

/** False where `asksIfReal` is false, from the comment's `foldedLetters` alone; true where it may ask. */
export function mayAskIfReal(letters: string): boolean {
  return ASKS_IF_REAL_LETTERS.test(letters);
}

/**
 * Does the comment ask whether what it describes is real? Someone who pastes
 * a message and asks "thật hay giả?" reports it — the link, the phone and the
 * pitch are the message's, not theirs — and needs an answer, not a flag.
 * Training split: 281 benign lines, no flagged one.
 */
export function asksIfReal(text: string): boolean {
  return MAY_ASK_IF_REAL.test(text) && ASKS_IF_REAL.test(foldForSearch(text));
}

/**
 * Every shape of ASKS_IF_REAL holds one of these syllables, typed with their
 * own marks or none ("già đứng không nổi" is not "giả đúng không"): most
 * comments hold none and skip the folding (~2 µs a comment). No `u` flag:
 * precomposed letters need none, and it is slower.
 */
const MAY_ASK_IF_REAL = /th[aậ]t|ph[aả]i|[dđ][uú]ng|hay|gi[aả]|l[uừ]a/i;

/**
 * Words that hand the next words to someone else: a verb of saying, a message
 * or a trick named just before the quote ("bảo 'chỉ cần nộp 2 triệu…'", "Nghe
 * bảo ai 'đeo chip lượng tử…'", "SMS hôm qua: '…'", "tin 'NASA giấu…'",
 * "lại là chiêu '…'"). Typed with their marks, or without where the bare word
 * is no other common word ("bao" and "dang" are; "noi", "rang" less so). Not
 * "cmt '…'" or "bình luận '…'": a scam asks its readers to comment a word
 * ("Ai cần link thì cmt 'nhận'").
 */
const SAID_BEFORE = new RegExp(
  '(?:^|[^\\p{L}])' +
    '(?:bảo|nói|noi|nhắn|ghi|đăng|rằng|rang|phán|đồn|hứa|hua|truyền nhau|quảng cáo|' +
    'nguyên văn|tin nhắn|tin nhan|tin|sms|mail|email|thư|kiểu|kieu|câu|cau|dòng chữ|lời|chiêu|trò|tờ rơi|vụ)' +
    '(?:\\s+(?:là|la|ai|rằng|như này|như vầy|như sau|hôm qua|mới|giả|này))?' +
    '\\s*[:,]?\\s*$',
  'iu',
);
/**
 * A colon after a message named or handed on ("Tin nhắn giả: '…'", "Thông tin
 * cho ae: '…'", "mình copy nguyên văn cho mn xem: '…'"): what follows is
 * shown, not said. Not after a name ("GS. Bùi Khánh Lâm: '…'" is an
 * endorsement the seller quotes).
 */
const SHOWN_WITH_COLON =
  /(?:tin nhắn|tin nhan|tin|sms|mail|email|thư|bài|cmt|comment|quảng cáo|nguyên văn|như này|như vầy|như sau|hôm qua|cho (?:ae|mn|mọi người|cả nhà|bà con)(?: xem)?|xem|đăng lại|dán lại|copy|thông tin|nhắc|lưu ý)[^:.!?\n]{0,12}:\s*$/iu;
/** The writer's retort right after the quote: a dash, an arrow or an ellipsis ("'…' – dạ em gửi luôn sổ đỏ"). */
const RETORT_AFTER = /^\s*(?:-|–|—|->|→|=>|\.\.\.|…)\s*\p{L}/u;
/**
 * A retort answers a claim, a sentence of its own: at least this many words
 * in the quote. A product's name in quotes ("'Lúa thiền' - ruộng được tụng
 * kinh…", "'Điện hạt nhân mini tại gia' - lò phản ứng nano…") is shorter.
 */
const CLAIM_WORDS = 9;

/**
 * Does the comment hand on someone else's words: a quote after a verb of
 * saying or a message named, or one its writer answers after a dash or an
 * ellipsis? Someone pasting a scam SMS or a seller's claim to warn about it
 * or mock it ("bảo 'chỉ cần nộp 2 triệu hồ sơ là được vay 500 triệu'… nghe
 * như truyện cổ tích") shows it; a seller names his product in quotes
 * ("Thiết bị 'ổn định tần số gia đình' gắn vào cầu dao…") and goes on
 * selling. `spans` are `quotedSpans(text)`.
 */
export function quotesAsReported(text: string, spans: readonly number[]): boolean {
  for (let k = 0; k < spans.length; k += 2) {
    const open = spans[k]!;
    const before = text.slice(Math.max(0, open - 40), open);
    if (SAID_BEFORE.test(before) || SHOWN_WITH_COLON.test(before)) return true;
    const close = spans[k + 1]!;
    if (
      RETORT_AFTER.test(text.slice(close + 1, close + 8)) &&
      wordCount(text, open + 1, close) >= CLAIM_WORDS
    )
      return true;
  }
  return false;
}

/** Words (runs of non-spaces) in text[from, to). */
function wordCount(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * "có … không" and its spellings ("có hạ huyết áp ko", "co dung la … ko", "có nên … không",
 * "có được công nhận … chưa"): the writer asks whether the thing holds.
 */
const YES_NO = new RegExp(
  `(?<![\\p{L}\\d])(?:có|co)\\s[^.!?;\\n]*?(?<![\\p{L}\\d])(?:${NOT_SPELLINGS}|chưa|chua)(?![\\p{L}\\d])`,
  'iu',
);
/**
 * What makes a question a claim in disguise: "sao Bộ không công nhận…?", "chẳng lẽ…",
 * "chẳng phải…", "lẽ nào…", a dare ("có nhà khoa học nào dám … không?"), "hay là…", a tag
 * ("… đừng cho tiêm nghe hông"), "à?", "hả?", "nhỉ?", "??". Typed bare, "sao" or "dam" may be
 * other words: the test errs towards not reading a question.
 */
const RHETORIC = new RegExp(
  `(?<![\\p{L}\\d])(?:dám|dam|nghe (?:${NOT_SPELLINGS})|sao|chẳng lẽ|chang le|chẳng phải|chang phai|lẽ nào|le nao|hay là|hay la)(?![\\p{L}\\d])|\\?\\?|(?<![\\p{L}\\d])(?:à|hả|nhỉ)\\s*\\?`,
  'iu',
);
/** A letter: a clause without one (an emoji, a stray mark) neither asks nor claims. */
const LETTER = /\p{L}/u;

/**
 * Does the comment only ask, and ask whether something holds? Every clause asks (`asksAt`: a
 * "?" or a question word at its end), one of them is a yes/no question ("có … không"), and
 * none is rhetorical (`RHETORIC`): "ngâm chân nước gừng có hạ huyết áp ko ạ", "Bị sỏi thận
 * có nên uống nước râu mèo không?". The label guide: asking whether a remedy works is a
 * question, not a flag; "sao Bộ không công bố…?" asserts.
 */
export function asksYesNo(text: string): boolean {
  if (!YES_NO.test(text) || RHETORIC.test(text)) return false;
  const ends = clauseEnds(text);
  for (let k = 0; k <= ends.length; k++) {
    const from = k === 0 ? 0 : ends[k - 1]! + 1;
    const to = k < ends.length ? ends[k]! : text.length;
    if (LETTER.test(text.slice(from, to)) && !asksAt(text, ends, k)) return false;
  }
  return true;
}

/**
 * A relative or a neighbour named with whose they are ("ba tui", "bác hàng xóm nhà em", "ông
 * nội tui"), anywhere in the comment — the kin words of RELATIVE_BELIEVES, before "nội",
 * "ngoại" and "bạn" too.
 */
const KIN_OF_WRITER = new RegExp(
  `(?:^|[^\\p{L}])(?:${KIN}|bạn)\\s+(?:${OF_WRITER}|nội|ngoại)(?![\\p{L}])`,
  'iu',
);

/**
 * The writer's grief or pushback at what the relative did: a plea not to copy it ("đừng ai làm
 * theo", "đừng tin mấy quảng cáo đó" — but not "đừng tin bác sĩ / bệnh viện / hóa trị", the
 * believer's own line), not knowing how to talk them out of it ("làm sao khuyên", "khuyên
 * không được"), sadness (😢 😔 😞, "hic", "bức xúc", a sentence that opens "Khổ,"). A testimonial ("mẹ tôi bị tai
 * biến, uống an cung … đi lại bình thường") boasts; it does not grieve.
 */
const GRIEVES = new RegExp(
  '[\\u{1F622}\\u{1F614}\\u{1F61E}]' +
    '|(?<![\\p{L}])(?:' +
    [
      'đừng (?:ai |có ai )?(?:làm theo|bắt chước|tự ý)',
      'làm sao (?:khuyên|can|nói)',
      'răng khuyên',
      '(?:khuyên|can) (?:mãi |hoài )?không được',
      'đừng (?:ai |có ai )?(?:tin|nghe)(?! (?:bác sĩ|bác sỹ|bs|bệnh viện|viện|y học|thuốc tây|tây y|hóa trị|mấy ông bs|mấy ông bác sĩ))',
      'hic',
      'bức xúc',
    ].join('|') +
    ')(?![\\p{L}])' +
    // "Khổ," opening a sentence, an exclamation: not "khổ qua" (bitter melon), "cho khổ".
    '|(?:^|[.!?]\\s*)khổ(?: quá| ghê| thật)?\\s*[,.!]',
  'iu',
);

/**
 * Does the comment retell a relative's harm or belief and grieve or push back at it? "Ba tui …
 * nhai tỏi thay được thuốc huyết áp, ổng bỏ thuốc 2 tuần rồi 😢 làm sao khuyên ổng", "Bác hàng
 * xóm nhà em uống nước kiềm thay thuốc thận, giờ phải chạy thận 😔 mọi người đừng ai làm theo".
 * The writer reports what befell the family; the claim is the relative's, not theirs. The judge
 * asks it only of a comment with no way to reach its writer (a seller's "ba em uống … khỏi,
 * ib em" leaves a contact).
 */
export function retellsKinHarm(text: string): boolean {
  return GRIEVES.test(text) && KIN_OF_WRITER.test(text);
}

/**
 * A sarcastic assent after a clause ends: "… khỏi cần insulin. Ừ rồi, mai tui mở phòng khám
 * tỏi", "… 500k/ngày... ừ, ngồi nhà mất luôn 50 triệu tiền cọc", "Cắn một tép tỏi … miễn nhiễm
 * COVID? Ừ, miễn nhiễm luôn người yêu". Not one that opens the comment: "Ừ thì cứ cho là tôi mê
 * tín…", "Ừ đúng rồi, bạn học trường y. Còn tôi…" concede to a critic, then claim.
 */
const ASSENT_AFTER_CLAIM =
  /[.!?…,;]\s+(?:ừ|ờ|uh huh)(?:\s+(?:rồi|đúng rồi|ờ|thì))?(?=\s*[,.!…]|\s+(?:xong|mai|vậy|chắc))/giu;
/**
 * A claim taken to its absurd end, counterfactually: "… chữa khỏi ung thư thì bệnh viện K đóng
 * cửa lâu rồi", "Ai cũng chữa được ung thư bằng lá cây thì các giáo sư ung bướu thất nghiệp hết
 * rồi", "… mà thần thật thì người bán đã nhận Nobel rồi", "5G lam dong mau thi ca dan ky thuat vien
 * chet het roi". "thì" opens the consequence; "lâu rồi", "hết rồi", "đã … rồi" say it would have
 * happened already. The believer's reductio has the same words ("nếu tròn thì nước biển đổ hết
 * r") — what tells them apart is what the "if" holds, so the caller asks for a claim there.
 */
const ABSURD_END =
  /(?<![\p{L}\d])(?:thì|thi)\s(?:[^.!?;\n,]{0,60}?(?<![\p{L}\d])(?:lâu|lau|hết|het)|[^.!?;\n,]{0,50}?(?<![\p{L}\d])(?:đã|da)\s[^.!?;\n,]{0,40}?)\s(?:rồi|r|roi)(?![\p{L}\d])/giu;
/**
 * A guess at the absurd after a claim, opening a part of the sentence: "đeo 2 cái chắc thành
 * Einstein", "… vậy chắc bỏ trường y đi mở quán nước cho rồi", "mấy ông bảo Trái Đất chỉ có 6000
 * tuổi, chắc khủng long là đồ chơi…". Not "chắc chắn" (certainty), nor the believer's guess at a
 * cause ("chắc do sóng âm diệt vi khuẩn", "chắc tại thầy dạy không hợp cung") or a question
 * ("chắc là giả hả").
 */
const GUESS_AFTER_CLAIM =
  /[,.!?…;]\s*(?:vậy |vay |thì |xong |giờ )?(?:chắc|chac)\s(?!chắn|chan\b|chắc|hẳn|do\b|tại|tai\b|là|la\b|vì|vi\b|không|khong|ko\b|k\b|chưa|chua\b|phải|phai\b|mai phải)/giu;
/** What every shape above holds: most comments hold none and skip the regexes. */
const MAY_MOCK = /ừ|ờ|uh huh|th[iì]\s|ch[aắ]c\s/i;

/**
 * Does the comment mock a claim it states — answer it with a sarcastic "ừ" after the claim, or
 * take it to an absurd end in a "… thì … lâu rồi" whose "if" holds the claim? `claims` are the
 * starts of the claim's words (rule hits, the pack's claim and trick concepts), in any order.
 * The writer reports the claim to laugh at it; a believer who concedes ("Ừ thì…") or argues
 * from the other side ("quay thì chóng mặt chết hết rồi") does not take their own claim there.
 */
export function mocksClaim(text: string, claims: readonly number[]): boolean {
  if (claims.length === 0 || !MAY_MOCK.test(text)) return false;
  const first = Math.min(...claims);
  for (const m of text.matchAll(ASSENT_AFTER_CLAIM)) if (first < m.index) return true;
  for (const m of text.matchAll(GUESS_AFTER_CLAIM)) if (first < m.index) return true;
  for (const m of text.matchAll(ABSURD_END)) {
    // The "if": the part of the sentence before "thì" ("Trái đất phẳng, nước biển mà cong thì
    // đã chảy tràn ra hết rồi" argues from the other side: its "if" holds no claim).
    const from = partStart(text, m.index);
    if (claims.some((c) => c >= from && c < m.index)) return true;
  }
  return false;
}
