import { defaultRulePack } from '../flags';
import modelJson from '../model/judge.vi.json';
import { loadModel, type Model, type WeightDelta } from '../model/predict';
import { type ModelFile, parseModel } from '../model/schema';
import { compileJudge, type Judge } from '.';

/**
 * The shipped judgement: the default rule pack (public/packs/rules.vi.json)
 * and the model trained by `npm run train` (lib/model/judge.vi.json). Both
 * are bundled, so nothing is fetched.
 */

let shipped: { ok: true; model: ModelFile } | { ok: false; error: string } | undefined;
let judge: Judge | undefined;

/** The shipped model file, validated once. A corrupt file is reported, never thrown: the rules still run. */
export function shippedModel(): { ok: true; model: ModelFile } | { ok: false; error: string } {
  shipped ??= parseModel(modelJson);
  return shipped;
}

/** The model with a moderator's learnt corrections on top, or null when the shipped file is unusable. */
export function defaultModel(delta: WeightDelta | null = null): Model | null {
  const file = shippedModel();
  return file.ok ? loadModel(file.model, delta) : null;
}

/** The default pack's rules and concepts with the shipped model, built on first use and shared. */
export function defaultJudge(): Judge {
  if (!judge) {
    const pack = defaultRulePack();
    judge = compileJudge({ ...pack, model: defaultModel() });
  }
  return judge;
}
