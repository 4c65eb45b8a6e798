import { z } from 'zod';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { defineStoredItem, parseWith } from '../stored-item';
import { UnitName } from './schema';
import { DEFAULT_TOPICS, TopicList } from './topics';

/**
 * The idea pipeline's settings (issue 17), apart from Settings: the content
 * script reads Settings and must not bundle the topic list's matcher.
 * Stored in the extension's `storage.local` under `pipeline`.
 */

/**
 * Units of the ministry an idea can be forwarded to. A starting list for the
 * moderator to edit (the ministry's structure changes; the list is theirs).
 */
export const DEFAULT_UNITS = [
  'Văn phòng Bộ',
  'Vụ Pháp chế',
  'Vụ Kế hoạch - Tài chính',
  'Cục Đổi mới sáng tạo',
  'Cục Khởi nghiệp và Doanh nghiệp công nghệ',
  'Cục Chuyển đổi số quốc gia',
  'Cục Sở hữu trí tuệ',
  'Cục An toàn bức xạ và hạt nhân',
  'Cục Thông tin, Thống kê',
  'Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia',
  'Quỹ Phát triển khoa học và công nghệ Quốc gia',
] as const;

export const UnitList = z
  .array(UnitName)
  .max(200)
  .superRefine((units, ctx) => {
    const seen = new Set<string>();
    units.forEach((unit, i) => {
      if (seen.has(unit))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: bilingual(CHECK_STRINGS, 'unit_duplicate', unit),
        });
      seen.add(unit);
    });
  });

export const PipelineSettings = z.object({
  version: z.literal(1).default(1),
  /** Written into each idea's history as `by`; '' until the moderator sets it. */
  moderatorName: z.string().trim().max(200).default(''),
  units: UnitList.default([...DEFAULT_UNITS]),
  /** The topic list; the defaults until the moderator edits it. */
  topics: TopicList.default(DEFAULT_TOPICS),
  /** An idea not answered after this many days stands out in the log (0 = never). */
  waitingDays: z.number().int().min(0).max(365).default(14),
});
export type PipelineSettings = z.output<typeof PipelineSettings>;

export const DEFAULT_PIPELINE: PipelineSettings = PipelineSettings.parse({});

export const pipelineItem = defineStoredItem('pipeline', {
  parse: parseWith(PipelineSettings),
  fallback: () => DEFAULT_PIPELINE,
  version: 1,
});

export function loadPipeline(): Promise<PipelineSettings> {
  return pipelineItem.get();
}

/** Validates, then writes: an invalid value rejects and writes nothing. */
export async function savePipeline(next: z.input<typeof PipelineSettings>): Promise<PipelineSettings> {
  const valid = PipelineSettings.parse(next);
  await pipelineItem.set(valid);
  return valid;
}

export function watchPipeline(listener: (pipeline: PipelineSettings) => void): () => void {
  return pipelineItem.watch((read) => listener(read.value));
}
