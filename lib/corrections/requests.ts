import { errorMessage } from '../errors';
import { addCorrection, type CorrectionsDb, listCorrections, openCorrectionsDb, undoCorrection } from './db';
import { notifyCorrectionsChanged } from './notify';
import type { Correction } from './schema';

/**
 * The background's answers to the content script about corrections (it owns
 * their database, in the extension's origin). Every change is announced to the
 * content scripts; a failure is an answer naming it, never a throw.
 */

let shared: Promise<CorrectionsDb> | null = null;
const defaultDb = () => (shared ??= openCorrectionsDb());

type Failed = { ok: false; error: string };

export async function answerList(
  openDb: () => Promise<CorrectionsDb> = defaultDb,
): Promise<{ ok: true; corrections: Correction[] } | Failed> {
  try {
    return { ok: true, corrections: await listCorrections(await openDb()) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

export async function answerAdd(
  correction: Correction,
  openDb: () => Promise<CorrectionsDb> = defaultDb,
): Promise<{ ok: true; replaced: Correction | null } | Failed> {
  try {
    const replaced = await addCorrection(await openDb(), correction);
    await notifyCorrectionsChanged();
    return { ok: true, replaced };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

export async function answerUndo(
  id: string,
  restore: Correction | null,
  openDb: () => Promise<CorrectionsDb> = defaultDb,
): Promise<{ ok: true } | Failed> {
  try {
    await undoCorrection(await openDb(), id, restore);
    await notifyCorrectionsChanged();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
