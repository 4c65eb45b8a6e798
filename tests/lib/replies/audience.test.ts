import { expect, test } from 'vitest';
import { detectAudience } from '../../../lib/replies/audience';
import { foldForSearch } from '../../../lib/text';

test.each([
  ['Nhóm nghiên cứu của tôi muốn hỏi về đề tài cấp Bộ', 'researcher'],
  ['Công ty tôi là doanh nghiệp khởi nghiệp công nghệ', 'business'],
  ['Tôi là nông dân, muốn hỏi về giống lúa mới', undefined],
])('%s → %s', (text, audience) => {
  expect(detectAudience(text)).toBe(audience);
  expect(detectAudience(foldForSearch(text))).toBe(audience);
});
