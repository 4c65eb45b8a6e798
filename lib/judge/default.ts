import { browser } from 'wxt/browser';
import { errorMessage } from '../errors';
import { defaultRulePack } from '../flags';
import { bilingual } from '../i18n/bilingual';
import { CHECK_STRINGS } from '../i18n/check-strings';
import { loadModel, type Model, type WeightDelta } from '../model/predict';
import { type ModelFile, parseModel } from '../model/schema';
import { compileJudge, type Judge } from '.';
import { readModelFromDisk } from './model-node';

/**
 * The shipped judgement: the default rule pack (public/packs/rules.vi.json,
 * bundled) and the model trained by `npm run train` (lib/model/judge.vi.json).
 *
 * The model is one data file of the build, `model/judge.vi.json` (copied by
 * wxt.config.ts), never part of a JS bundle: imported, each bundle that judges
 * carried its own copy (the content script, the options page, the
 * background: three in the store zip). The background and the options page
 * load it with `loadShippedModel()` (a fetch of the extension's own file);
 * the content script never loads it: its own judge, the fallback when the
 * background cannot answer, is the rules only. In Node (scripts, the CLI,
 * tests) `shippedModel()` reads the file from disk on first use, as before.
 */

export type ShippedModel = { ok: true; model: ModelFile } | { ok: false; error: string };

/** The model's path in the build (and so its URL in the extension). */
export const MODEL_BUILD_PATH = 'model/judge.vi.json';

let shipped: ShippedModel | undefined;
let loading: Promise<ShippedModel> | undefined;
let judge: Judge | undefined;

/** Not loaded (yet, or ever: the content script). The same answer as a broken file: the rules run alone. */
const NOT_LOADED: ShippedModel = { ok: false, error: 'not loaded' };

/** A file's JSON, or why it is not the model's, with the message a corrupt file gets. */
function unreadable(error: string): ShippedModel {
  return { ok: false, error: `${bilingual(CHECK_STRINGS, 'model_invalid')}:\n${error}` };
}

/**
 * The shipped model file, validated once. A corrupt or missing file is
 * reported, never thrown: the rules still run. In the extension, the model
 * `loadShippedModel()` loaded (until then, none); in Node, read from disk.
 */
export function shippedModel(): ShippedModel {
  if (shipped) return shipped;
  const disk = readModelFromDisk();
  if (!disk) return NOT_LOADED;
  shipped = disk.ok ? parseModel(disk.json) : unreadable(disk.error);
  return shipped;
}

/** The build's model file fetched from the extension itself (an extension page and the background may). */
export async function fetchModelFile(): Promise<unknown> {
  // Added by wxt.config.ts's hook, not from public/: WXT's PublicPath type does not list it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${MODEL_BUILD_PATH}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${MODEL_BUILD_PATH}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Loads the shipped model once: with `read` when given, else from disk in
 * Node, else the build's file. A failed load is kept too: a missing or
 * corrupt file is a build bug that retrying will not mend, and its message is
 * what the options page shows.
 */
export function loadShippedModel(read?: () => Promise<unknown>): Promise<ShippedModel> {
  if (shipped) return Promise.resolve(shipped);
  if (!read) {
    const disk = shippedModel();
    if (disk !== NOT_LOADED) return Promise.resolve(disk);
  }
  loading ??= (read ?? fetchModelFile)()
    .then(
      (json) => parseModel(json),
      (error) => unreadable(errorMessage(error)),
    )
    .then((result) => {
      shipped ??= result;
      judge = undefined;
      return shipped;
    });
  return loading;
}

/** Forgets the loaded model (tests). */
export function forgetShippedModel(): void {
  shipped = undefined;
  loading = undefined;
  judge = undefined;
}

/** The model with a moderator's learnt corrections on top, or null when none is loaded or the file is unusable. */
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
