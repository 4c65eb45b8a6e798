import type { Intent } from './intents';
import { compilePhrase, hasPhrase, type Phrase, type Word } from './phrases';

/**
 * Words that say what a comment wants, written as commenters write them (with
 * diacritics; they also match text typed without). Weights add up per intent,
 * capped at 1: one strong cue is enough, weak ones need company.
 */
const CUE_TABLE: Partial<Record<Intent, Array<[phrase: string, weight: number]>>> = {
  question: [
    ['bao giờ', 0.8],
    ['khi nào', 0.8],
    ['ở đâu', 0.8],
    ['làm sao', 0.8],
    ['làm thế nào', 0.8],
    ['như thế nào', 0.7],
    ['thế nào', 0.5],
    ['thủ tục', 0.8],
    ['hồ sơ', 0.5],
    ['đăng ký', 0.4],
    ['cho hỏi', 0.9],
    ['cho em hỏi', 0.9],
    ['cho tôi hỏi', 0.9],
    ['xin hỏi', 0.9],
    ['hỏi', 0.3],
    ['hướng dẫn', 0.5],
    ['bao nhiêu', 0.6],
    ['có được không', 0.6],
    ['ai biết', 0.6],
    ['không ạ', 0.5],
    ['chưa ạ', 0.5],
  ],
  'idea-received': [
    ['đề xuất', 1],
    ['kiến nghị', 1],
    ['sáng kiến', 1],
    ['ý tưởng', 1],
    ['giải pháp', 0.9],
    ['đề nghị', 0.7],
    ['góp ý', 0.7],
    ['xin góp ý', 0.9],
    ['mong bộ', 0.6],
    ['nên', 0.3],
    ['cần', 0.2],
  ],
  thanks: [
    ['cảm ơn', 0.8],
    ['cám ơn', 0.8],
    ['tks', 0.8],
    ['thanks', 0.8],
    ['thank', 0.7],
    ['biết ơn', 0.7],
  ],
  complaint: [
    ['bức xúc', 1],
    ['thất vọng', 1],
    ['không trả lời', 0.9],
    ['ko trả lời', 0.9],
    ['chưa trả lời', 0.8],
    ['không ai trả lời', 1],
    ['chậm', 0.6],
    ['chậm trễ', 0.9],
    ['khiếu nại', 0.9],
    ['phản ánh', 0.6],
    ['mãi không', 0.7],
    ['chờ mãi', 0.8],
    ['lâu quá', 0.7],
    ['quá lâu', 0.7],
    ['vô trách nhiệm', 0.9],
    ['chưa có phản hồi', 1],
    ['chưa nhận được phản hồi', 1],
    ['không có phản hồi', 1],
    ['không ai nghe máy', 1],
    ['không nghe máy', 0.9],
    ['chưa được giải quyết', 1],
    ['không được giải quyết', 1],
    ['đến giờ vẫn chưa', 0.8],
    ['làm ăn', 0.4],
    ['tệ', 0.5],
  ],
  'rules-reminder': [
    ['ngu', 0.8],
    ['óc chó', 1],
    ['đm', 1],
    ['dm', 0.8],
    ['vcl', 1],
    ['cút', 0.8],
    ['câm mồm', 1],
    ['inbox', 0.5],
    ['ib', 0.4],
    ['zalo', 0.4],
    ['giảm giá', 0.6],
    ['bán hàng', 0.5],
  ],
  'scam-warning': [
    ['lừa đảo', 0.7],
    ['bị lừa', 0.8],
    ['lấy lại tiền', 0.8],
    ['lãi suất cao', 0.6],
    ['mã otp', 0.8],
    ['otp', 0.6],
  ],
  'misinfo-correction': [
    ['tin đồn', 0.6],
    ['có thật không', 0.6],
    ['chữa khỏi', 0.6],
    ['chữa bách bệnh', 0.8],
  ],
  'impersonation-warning': [
    ['trang giả', 0.9],
    ['fanpage giả', 0.9],
    ['giả mạo', 0.7],
    ['mạo danh', 0.8],
    ['trang chính thức', 0.6],
  ],
};

let compiled: { intent: Intent; cues: { phrase: Phrase; weight: number }[] }[] | undefined;
/** Compiled on first use, not at load: the content script loads on every Facebook page. */
function compiledCues() {
  compiled ??= Object.entries(CUE_TABLE).map(([intent, cues]) => ({
    intent: intent as Intent,
    cues: cues.map(([phrase, weight]) => ({ phrase: compilePhrase(phrase), weight })),
  }));
  return compiled;
}

export interface IntentCue {
  intent: Intent;
  /** 0..1 */
  strength: number;
  /** The cues found, as written in the table ("bao giờ", "?"). */
  found: string[];
}

/** The intents a comment's words point to, strongest first. */
export function intentCues(text: string, words: readonly Word[]): IntentCue[] {
  const result: IntentCue[] = [];
  for (const { intent, cues } of compiledCues()) {
    let strength = 0;
    const found: string[] = [];
    if (intent === 'question' && /[?？]/.test(text)) {
      strength += 0.7;
      found.push('?');
    }
    for (const { phrase, weight } of cues) {
      if (hasPhrase(words, phrase)) {
        strength += weight;
        found.push(phrase.written);
      }
    }
    if (found.length > 0) result.push({ intent, strength: Math.min(1, strength), found });
  }
  return result.sort((a, b) => b.strength - a.strength);
}
