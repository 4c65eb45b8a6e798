import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

interface ItemFormProps {
  /** Prefix for element ids ("reply", "rule"). */
  name: string;
  heading: string;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  failure: string;
  children: ComponentChildren;
}

/** The form around an editor's fields: its heading, Save and Cancel, and why a save failed. */
export function ItemForm({ name, heading, onSubmit, onCancel, failure, children }: ItemFormProps) {
  return (
    <form class="item-form" onSubmit={onSubmit} aria-labelledby={`${name}-form-heading`} noValidate>
      <h3 id={`${name}-form-heading`}>{heading}</h3>
      {children}
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('opt_saveItem')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('opt_cancel')}
        </button>
      </div>
      {failure && (
        <p role="alert" class="problem">
          {failure}
        </p>
      )}
    </form>
  );
}
