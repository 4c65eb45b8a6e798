import { z } from 'zod';
import { addCorrection, type CorrectionsDb, listCorrections, openCorrectionsDb, undoCorrection } from './db';
import { notifyCorrectionsChanged } from './notify';
import { Correction } from './schema';

/**
 * What the content script asks the background about corrections (the
 * background owns their database, in the extension's origin).
 */
export const CorrectionRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('corrections:list') }),
  z.object({ type: z.literal('corrections:add'), correction: Correction }),
  z.object({
    type: z.literal('corrections:undo'),
    id: z.string().min(1),
    /** The correction the undone one had replaced, put back. */
    restore: Correction.nullable(),
  }),
]);
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

export type CorrectionResponse =
  | { ok: true; corrections: Correction[] }
  | { ok: true; replaced: Correction | null }
  | { ok: true }
  | { ok: false; error: string };

let shared: Promise<CorrectionsDb> | null = null;

/** Answers one request; every change is announced to the content scripts. */
export async function answerCorrectionRequest(
  request: CorrectionRequest,
  openDb: () => Promise<CorrectionsDb> = () => (shared ??= openCorrectionsDb()),
): Promise<CorrectionResponse> {
  try {
    const db = await openDb();
    switch (request.type) {
      case 'corrections:list':
        return { ok: true, corrections: await listCorrections(db) };
      case 'corrections:add': {
        const replaced = await addCorrection(db, request.correction);
        await notifyCorrectionsChanged();
        return { ok: true, replaced };
      }
      case 'corrections:undo':
        await undoCorrection(db, request.id, request.restore);
        await notifyCorrectionsChanged();
        return { ok: true };
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
