import { intentCues } from './cues';
import type { Intent } from './intents';
import { compilePhrase, hasPhrase, type Phrase, toWords, type Word } from './phrases';
import type { FlagHitLike } from './suggest';

/** At or above this a comment is offered as an idea worth saving. */
export const IDEA_THRESHOLD = 0.5;

const phrases = (list: string[]) => list.map((p) => compilePhrase(p));

/** Words a citizen uses when putting a proposal forward. */
const PROPOSAL = phrases([
  'đề xuất',
  'kiến nghị',
  'sáng kiến',
  'ý tưởng',
  'giải pháp',
  'đề nghị',
  'góp ý',
  'kính đề nghị',
  'xin đề xuất',
  'mô hình',
]);

/** A proposal put softly: "theo tôi…", "mong…". */
const SOFT_PROPOSAL = phrases([
  'theo tôi',
  'theo em',
  'theo mình',
  'tôi nghĩ',
  'em nghĩ',
  'mong',
  'hy vọng',
  'giá như',
]);

/** What should be done. */
const MODAL = phrases(['nên', 'cần', 'phải', 'có thể', 'nếu']);

/** Words that make a proposal concrete: what, by whom, how. */
const CONCRETE = phrases([
  'xây dựng',
  'thành lập',
  'hỗ trợ',
  'ứng dụng',
  'nền tảng',
  'chương trình',
  'quỹ',
  'cơ chế',
  'chính sách',
  'số hóa',
  'chuyển đổi số',
  'thí điểm',
  'triển khai',
  'phát triển',
  'đào tạo',
  'kết nối',
  'doanh nghiệp',
  'nghiên cứu',
  'công nghệ',
  'dữ liệu',
  'hệ thống',
  'cơ sở dữ liệu',
  'miễn phí',
  'ưu đãi',
  'tiêu chuẩn',
  // The fields citizens' proposals are usually about.
  'giáo dục',
  'trường học',
  'lập trình',
  'trí tuệ nhân tạo',
  'ai',
  'nông nghiệp',
  'y tế',
  'năng lượng',
  'môi trường',
  'giao thông',
]);

/** Addressing the ministry directly ("đề nghị Bộ", "Bộ nên"). */
const TO_MINISTRY = phrases([
  'đề nghị bộ',
  'mong bộ',
  'bộ nên',
  'bộ cần',
  'kiến nghị bộ',
  'bộ khcn',
  'bộ kh cn',
]);

/**
 * A proposal's opening at the start of a clause ("Nên cho tạm ứng 50%…", "Đề nghị
 * rút gọn…", "Hay là Bộ làm chatbot…", "Sao Bộ không lập hotline…?"): a proposal
 * put as a plain sentence or as a question is still a proposal. Only at a clause's
 * start — "sinh viên nên theo dõi…" advises readers; "nên" inside a clause is MODAL.
 */
const OPENING = phrases([
  'nên',
  'cần',
  'đề nghị',
  'kiến nghị',
  'đề xuất',
  'gợi ý',
  'góp ý',
  'suggest',
  'hay là',
  'lần sau',
  'bộ nên',
  'bộ cần',
  'bộ thử',
  'bộ có thể',
  'page có thể',
  'ad có thể',
  'có thể nào',
]);

/** A question that proposes: "sao (Bộ) không …", "tại sao chúng ta không …", "răng không …". */
const WHY_NOT =
  /^\s*(?:tại sao|vì sao|sao|răng|tai sao|vi sao|rang)\b[^,]{0,40}?\b(?:không|ko|hong|hông|chưa|khong|chua)\s+\p{L}/iu;

/** A request closed by an imperative word: "… cho nộp online đi ạ", "… thêm sub nữa nha 🙏". */
const BIDDING =
  /\s(?:đi|giùm|dùm|nữa|nha|nhé|di|gium|dum|nua)(?:\s+(?:ạ|ad|bộ|page|mn|nha|nhé|các anh|a|nhe))?[^\p{L}\p{N}]*$/iu;

const SENTENCE_END = /[.!?;:\n]+/u;
const CLAUSE_END = /,\s+/u;
/** The first three words of a sentence lie within its first few whitespace-separated runs. */
const HEAD = /^\s*\S+(?:\s+\S+){0,3}/u;

/**
 * Whether a sentence opens as a proposal (OPENING, WHY_NOT) or a clause closes as a
 * bidding. An opening is read at a sentence's start: after a comma "nên" is mostly
 * "so" ("…, nên các ngôi sao mờ"); a question that proposes, at a clause's start.
 */
function proposesInPlace(text: string): { opening: boolean; bidding: boolean } {
  let opening = false;
  let bidding = false;
  for (const sentence of text.normalize('NFC').toLowerCase().split(SENTENCE_END)) {
    if (!opening) {
      const head = toWords(HEAD.exec(sentence)?.[0] ?? '').slice(0, 3);
      if (OPENING.some((p) => startsWith(head, p)) && head[1]?.folded !== 'dung') opening = true;
    }
    for (const clause of sentence.split(CLAUSE_END)) {
      if (!opening && WHY_NOT.test(clause)) opening = true;
      if (!bidding && BIDDING.test(` ${clause}`)) bidding = true;
    }
    if (opening && bidding) break;
  }
  return { opening, bidding };
}

function startsWith(words: readonly Word[], phrase: Phrase): boolean {
  return phrase.words.length <= words.length && hasPhrase(words.slice(0, phrase.words.length), phrase);
}

const SPAM = /(https?:\/\/|www\.|\bzalo\b|\binbox\b|\bib\b|\b0\d{9}\b)/i;

export interface IdeaScore {
  score: number;
  isIdea: boolean;
}

/**
 * How much a comment reads like a citizen proposal worth saving to the idea
 * log. A heuristic, explainable in one breath: proposal words, concrete words,
 * addressing the ministry, numbers and enough length count for it; thanks,
 * plain questions, links and any flag count against it.
 */
export function ideaScore(text: string, hits: readonly Pick<FlagHitLike, 'severity'>[] = []): IdeaScore {
  const words = toWords(text);
  const count = words.length;
  if (count === 0) return { score: 0, isIdea: false };

  let score = 0;
  const inPlace = proposesInPlace(text);
  const proposals = PROPOSAL.filter((p) => hasPhrase(words, p)).length + (inPlace.opening ? 1 : 0);
  if (proposals > 0) score += 0.35 + 0.05 * Math.min(2, proposals - 1);
  else if (inPlace.bidding || SOFT_PROPOSAL.some((p) => hasPhrase(words, p))) score += 0.2;
  score += Math.min(0.2, 0.1 * MODAL.filter((p) => hasPhrase(words, p)).length);
  score += Math.min(0.25, 0.06 * CONCRETE.filter((p) => hasPhrase(words, p)).length);
  if (TO_MINISTRY.some((p) => hasPhrase(words, p))) score += 0.1;
  if (/\d/.test(text)) score += 0.05;
  if (/(^|\n)\s*([-•*+]|\d+[.)]|thứ (nhất|hai|ba))/iu.test(text)) score += 0.05;

  if (count >= 40) score += 0.2;
  else if (count >= 20) score += 0.15;
  else if (count >= 10) score += 0.1;
  else if (count < 6) score *= 0.4;

  // A question or a thank-you is not a proposal unless it also proposes; a
  // complaint that ends "đề nghị xem xét" belongs to the complaints, not the ideas.
  const cues = intentCues(text, words);
  const cue = (intent: Intent) => cues.find((c) => c.intent === intent)?.strength ?? 0;
  if (proposals === 0 && !inPlace.bidding && (cue('thanks') > 0 || cue('question') >= 0.5)) score *= 0.5;
  if (cue('complaint') >= 0.5) score *= 0.6;
  if (cue('rules-reminder') >= 0.8) score *= 0.3;
  if (SPAM.test(text)) score *= 0.5;
  if (hits.length > 0) score *= hits.some((hit) => hit.severity === 'high') ? 0.1 : 0.25;

  const rounded = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return { score: rounded, isIdea: rounded >= IDEA_THRESHOLD };
}
