import type { Category } from '../../lib/flags/categories';

/** Flag categories as the moderator reads them (vi, en) — the same words as lib/i18n's category_*. */
export const CATEGORY_LABELS: Record<Category, readonly [string, string]> = {
  health: ['sức khỏe', 'health'],
  scam: ['lừa đảo', 'scam'],
  impersonation: ['mạo danh', 'impersonation'],
  pseudoscience: ['giả khoa học', 'pseudoscience'],
  phishing: ['lừa lấy thông tin', 'phishing'],
};
