import { z } from 'zod';
import { bilingual, bothLanguages } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { ideaWords } from './similar';

/**
 * Topics (issue 17): which of the ministry's fields an idea is about, from the
 * words it uses. A topic is a list of words and phrases written with diacritics
 * for the moderator to read and edit; they are matched folded, with teencode
 * and acronyms expanded exactly as the similarity reads a comment (ideaWords),
 * so "nang luong tai tao", "NLMT" and "năng lượng tái tạo" all count.
 *
 * Scoring: a phrase found in the text counts its number of syllables (a
 * three-syllable phrase like "sở hữu trí tuệ" says more than "điện"), each
 * phrase once, and within one topic overlapping phrases count only the longest
 * ("năng lượng tái tạo" is not also "năng lượng"). The topic with the highest
 * score wins; ties go to the topic listed first, so the moderator's order is
 * the tie-break.
 */

const Word = z
  .string()
  .trim()
  .min(1, bilingual(CHECK_STRINGS, 'topic_emptyWord'))
  .max(80, bilingual(CHECK_STRINGS, 'topic_wordTooLong'))
  .refine((w) => ideaWords(w).length > 0, bilingual(CHECK_STRINGS, 'topic_wordWithoutLetters'));

export const Topic = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, bilingual(CHECK_STRINGS, 'topic_id')),
  label: z.object({
    vi: z.string().trim().min(1, bilingual(CHECK_STRINGS, 'topic_missingVi')).max(80),
    en: z.string().trim().min(1, bilingual(CHECK_STRINGS, 'topic_missingEn')).max(80),
  }),
  words: z.array(Word).min(1, bilingual(CHECK_STRINGS, 'topic_noWords')).max(300),
});
export type Topic = z.infer<typeof Topic>;

export const TopicList = z
  .array(Topic)
  .min(1, bilingual(CHECK_STRINGS, 'topic_emptyList'))
  .max(100)
  .superRefine((topics, ctx) => {
    const seen = new Map<string, number>();
    topics.forEach((topic, i) => {
      const first = seen.get(topic.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: bilingual(CHECK_STRINGS, 'topic_duplicateId', topic.id, String(first + 1)),
          path: [i, 'id'],
        });
      } else {
        seen.set(topic.id, i);
      }
    });
  });
export type TopicList = z.infer<typeof TopicList>;

export type ParsedTopicList = { ok: true; topics: TopicList } | { ok: false; error: string };

/**
 * Validate a moderator's edited list (untrusted JSON). Never throws. Each
 * problem names its entry: "Chủ đề số 3 (nang-luong), words[2]: từ khóa trống".
 */
export function parseTopicList(json: unknown): ParsedTopicList {
  const result = TopicList.safeParse(json);
  if (result.success) return { ok: true, topics: result.data };
  const lines = result.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    if (typeof index !== 'number') return issue.message;
    const raw = Array.isArray(json)
      ? (json[index] as { id?: unknown; label?: { vi?: unknown } } | undefined)
      : undefined;
    const name =
      typeof raw?.id === 'string' && raw.id !== ''
        ? raw.id
        : typeof raw?.label?.vi === 'string'
          ? raw.label.vi
          : undefined;
    const where = rest.length > 0 ? `, ${formatPath(rest)}` : '';
    const number = String(index + 1);
    const [vi, en] = bothLanguages(CHECK_STRINGS, 'topic_where', number);
    return `${vi}${name === undefined ? '' : ` (${name})`} / ${en}${where}: ${issue.message}`;
  });
  return { ok: false, error: `${bilingual(CHECK_STRINGS, 'topic_invalidList')}:\n${lines.join('\n')}` };
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export interface TopicSuggestion {
  topicId: string;
  /** The topic's words found in the text, as the topic writes them, in text order. */
  words: string[];
  /** Syllables of the matched phrases (see the module comment). */
  score: number;
}

export interface SuggestTopicOptions {
  /** Below this score no topic is suggested (default 2: one two-syllable phrase, or two words). */
  minScore?: number;
}

interface Phrase {
  topic: number;
  syllables: string[];
  /** As the topic list writes it, for the explanation. */
  shown: string;
}

/** First syllable → phrases starting with it, longest first. */
type Compiled = Map<string, Phrase[]>;

const compiledCache = new WeakMap<readonly Topic[], Compiled>();

function compile(topics: readonly Topic[]): Compiled {
  const cached = compiledCache.get(topics);
  if (cached) return cached;
  const byFirst: Compiled = new Map();
  topics.forEach((topic, t) => {
    const unique = new Set<string>();
    for (const shown of topic.words) {
      const syllables = ideaWords(shown);
      const key = syllables.join(' ');
      if (syllables.length === 0 || unique.has(key)) continue;
      unique.add(key);
      const list = byFirst.get(syllables[0]!) ?? [];
      list.push({ topic: t, syllables, shown: shown.trim() });
      byFirst.set(syllables[0]!, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.syllables.length - a.syllables.length);
  compiledCache.set(topics, byFirst);
  return byFirst;
}

/** The best topic for the text, or null when no topic reaches `minScore`. */
export function suggestTopic(
  text: string,
  topics: readonly Topic[],
  options: SuggestTopicOptions = {},
): TopicSuggestion | null {
  const minScore = options.minScore ?? 2;
  const byFirst = compile(topics);
  const words = ideaWords(text);
  const score = new Array<number>(topics.length).fill(0);
  const found: string[][] = topics.map(() => []);
  const counted: Set<string>[] = topics.map(() => new Set());
  // Per topic, the first position not yet covered by one of its phrases.
  const coveredUntil = new Array<number>(topics.length).fill(0);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of byFirst.get(words[i]!) ?? []) {
      const t = phrase.topic;
      if (i < coveredUntil[t]!) continue;
      const n = phrase.syllables.length;
      if (i + n > words.length) continue;
      let match = true;
      for (let k = 1; k < n && match; k++) match = words[i + k] === phrase.syllables[k];
      if (!match) continue;
      coveredUntil[t] = i + n;
      if (counted[t]!.has(phrase.shown)) continue;
      counted[t]!.add(phrase.shown);
      found[t]!.push(phrase.shown);
      score[t]! += n;
    }
  }
  let best = -1;
  for (let t = 0; t < topics.length; t++) if (score[t]! > (best < 0 ? 0 : score[best]!)) best = t;
  if (best < 0 || score[best]! < minScore) return null;
  return { topicId: topics[best]!.id, words: found[best]!, score: score[best]! };
}

/**
 * The ministry's fields, as a starting list the moderator can edit. Words are
 * phrases people write on the fanpage, not the ministry's official titles.
 */
export const DEFAULT_TOPICS: TopicList = [
  {
    id: 'chuyen-doi-so',
    label: { vi: 'Chuyển đổi số', en: 'Digital transformation' },
    words: [
      'chuyển đổi số',
      'số hóa',
      'dịch vụ công trực tuyến',
      'chữ ký số',
      'dữ liệu',
      'dữ liệu cá nhân',
      'phần mềm',
      'internet',
      'phủ sóng',
      '5G',
      'thương mại điện tử',
      'an toàn thông tin',
      'an ninh mạng',
      'điện toán đám mây',
      'ứng dụng di động',
      'chính phủ điện tử',
      'định danh điện tử',
    ],
  },
  {
    id: 'tri-tue-nhan-tao',
    label: { vi: 'Trí tuệ nhân tạo', en: 'Artificial intelligence' },
    words: [
      'trí tuệ nhân tạo',
      'AI',
      'học máy',
      'chatbot',
      'mô hình ngôn ngữ',
      'thị giác máy tính',
      'nhận dạng giọng nói',
      'dữ liệu lớn',
      'robot',
      'tự động hóa',
    ],
  },
  {
    id: 'nang-luong',
    label: { vi: 'Năng lượng', en: 'Energy' },
    words: [
      'năng lượng',
      'năng lượng tái tạo',
      'điện mặt trời',
      'pin mặt trời',
      'điện gió',
      'tiền điện',
      'giá điện',
      'tiết kiệm điện',
      'xe điện',
      'trạm sạc',
      'hydro',
      'điện hạt nhân',
      'biogas',
      'nhiên liệu sinh học',
      'lưới điện',
    ],
  },
  {
    id: 'nong-nghiep-cong-nghe-cao',
    label: { vi: 'Nông nghiệp công nghệ cao', en: 'High-tech agriculture' },
    words: [
      'nông nghiệp công nghệ cao',
      'nông nghiệp',
      'nông dân',
      'giống lúa',
      'giống cây',
      'nhà kính',
      'nhà màng',
      'tưới tự động',
      'tưới nhỏ giọt',
      'phân bón',
      'thuốc trừ sâu',
      'nuôi tôm',
      'chăn nuôi',
      'nông sản',
      'thủy canh',
      'truy xuất nguồn gốc',
      'chế phẩm sinh học',
    ],
  },
  {
    id: 'y-sinh',
    label: { vi: 'Y sinh', en: 'Biomedicine' },
    words: [
      'y sinh',
      'vắc xin',
      'xét nghiệm',
      'xét nghiệm gen',
      'bệnh viện',
      'bác sĩ',
      'chẩn đoán',
      'thuốc',
      'dược liệu',
      'thuốc nam',
      'tế bào gốc',
      'bệnh hiếm',
      'ung thư',
      'thiết bị y tế',
      'sức khỏe',
    ],
  },
  {
    id: 'moi-truong',
    label: { vi: 'Môi trường', en: 'Environment' },
    words: [
      'môi trường',
      'ô nhiễm',
      'ô nhiễm không khí',
      'rác thải',
      'rác thải nhựa',
      'tái chế',
      'nước thải',
      'quan trắc',
      'bụi mịn',
      'biến đổi khí hậu',
      'xâm nhập mặn',
      'sạt lở',
      'nước sạch',
      'ngập',
      'khí thải',
    ],
  },
  {
    id: 'giao-duc-stem',
    label: { vi: 'Giáo dục STEM', en: 'STEM education' },
    words: [
      'STEM',
      'giáo dục STEM',
      'học sinh',
      'giáo viên',
      'phòng thí nghiệm',
      'sách giáo khoa',
      'cuộc thi',
      'lập trình',
      'trường học',
      'bảo tàng khoa học',
      'phổ biến khoa học',
      'đam mê khoa học',
    ],
  },
  {
    id: 'khoi-nghiep-doi-moi-sang-tao',
    label: { vi: 'Khởi nghiệp đổi mới sáng tạo', en: 'Innovative start-ups' },
    words: [
      'khởi nghiệp',
      'đổi mới sáng tạo',
      'startup',
      'vườn ươm',
      'vốn mồi',
      'gọi vốn',
      'quỹ đầu tư',
      'đầu tư mạo hiểm',
      'thương mại hóa',
      'chuyển giao công nghệ',
      'doanh nghiệp khoa học công nghệ',
    ],
  },
  {
    id: 'so-huu-tri-tue',
    label: { vi: 'Sở hữu trí tuệ', en: 'Intellectual property' },
    words: [
      'sở hữu trí tuệ',
      'sáng chế',
      'bằng sáng chế',
      'nhãn hiệu',
      'bản quyền',
      'kiểu dáng công nghiệp',
      'chỉ dẫn địa lý',
      'bảo hộ',
      'hàng giả',
      'đạo nhái',
      'giải pháp hữu ích',
    ],
  },
  {
    id: 'tieu-chuan-do-luong-chat-luong',
    label: { vi: 'Tiêu chuẩn đo lường chất lượng', en: 'Standards, metrology and quality' },
    words: [
      'tiêu chuẩn',
      'quy chuẩn',
      'đo lường',
      'chất lượng',
      'kiểm định',
      'cân điện tử',
      'cân điêu',
      'đồng hồ nước',
      'đồng hồ điện',
      'cột đo xăng',
      'mã số mã vạch',
      'tem hợp quy',
      'hàng kém chất lượng',
      'gian lận',
    ],
  },
  {
    id: 'thu-tuc-hanh-chinh',
    label: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
    words: [
      'thủ tục hành chính',
      'thủ tục',
      'hồ sơ',
      'giấy phép',
      'cấp phép',
      'cổng dịch vụ công',
      'dịch vụ công',
      'nộp hồ sơ',
      'giấy tờ',
      'một cửa',
      'xếp hàng',
      'đăng kiểm',
    ],
  },
  {
    id: 'kinh-phi-nghien-cuu',
    label: { vi: 'Kinh phí nghiên cứu', en: 'Research funding' },
    words: [
      'kinh phí',
      'kinh phí nghiên cứu',
      'đề tài',
      'giải ngân',
      'quyết toán',
      'khoán chi',
      'ngân sách',
      'quỹ phát triển khoa học',
      'học bổng',
      'nghiên cứu sinh',
      'lương nhà khoa học',
      'nhà khoa học trẻ',
      'tài trợ nghiên cứu',
    ],
  },
];
