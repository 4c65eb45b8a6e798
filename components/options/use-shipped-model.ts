import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { loadShippedModel, type ShippedModel } from '../../lib/judge/default';

/**
 * The shipped model for an options component: null while the extension's own
 * file is fetched (no bundle carries it, issue 14), then what loading it gave
 * — the model, or why it is not used (the rules still run). Loaded once for
 * the whole page (`loadShippedModel` keeps it).
 */
export function useShippedModel(): ShippedModel | null {
  const model = useSignal<ShippedModel | null>(null);
  useEffect(() => {
    void loadShippedModel().then((loaded) => {
      model.value = loaded;
    });
  }, []);
  return model.value;
}
