import type { Category } from '../../lib/flags/categories';
import { t } from '../../lib/i18n';
import type { IdeaStatus } from '../../lib/ideas/schema';

/** A status as the moderator reads it, in the browser's language. */
export function statusLabel(status: IdeaStatus): string {
  return t(`idea_status_${status}`);
}

/** A flag category in the same words as the in-page flag badges. */
export function categoryLabel(category: Category): string {
  return t(`category_${category}`);
}
