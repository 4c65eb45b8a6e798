import { UnitName } from './schema';

/**
 * Edits of the pipeline's unit list (Options page), pure: each returns the new
 * list or why it cannot be made, so a bad name changes nothing. Names compare
 * as the schema normalises them (NFC, spaces collapsed, invisible characters
 * dropped) and case-insensitively: "vụ pháp chế" is "Vụ Pháp chế" again.
 */
export type UnitEdit =
  | { ok: true; units: string[] }
  | { ok: false; error: 'empty' | 'duplicate'; name: string };

function clean(name: string): string | null {
  const parsed = UnitName.safeParse(name);
  return parsed.success ? parsed.data : null;
}

function taken(units: readonly string[], name: string, except?: number): boolean {
  const key = name.toLocaleLowerCase('vi');
  return units.some((unit, i) => i !== except && unit.toLocaleLowerCase('vi') === key);
}

export function addUnit(units: readonly string[], name: string): UnitEdit {
  const unit = clean(name);
  if (unit === null) return { ok: false, error: 'empty', name };
  if (taken(units, unit)) return { ok: false, error: 'duplicate', name: unit };
  return { ok: true, units: [...units, unit] };
}

export function renameUnit(units: readonly string[], index: number, name: string): UnitEdit {
  const unit = clean(name);
  if (unit === null) return { ok: false, error: 'empty', name };
  if (taken(units, unit, index)) return { ok: false, error: 'duplicate', name: unit };
  return { ok: true, units: units.map((old, i) => (i === index ? unit : old)) };
}

export function moveUnit(units: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (target < 0 || target >= units.length) return [...units];
  const next = [...units];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Without the unit at `index`; `restore` puts it back where it was (Undo). */
export function removeUnit(units: readonly string[], index: number): { units: string[]; removed: string } {
  return { units: units.filter((_, i) => i !== index), removed: units[index] ?? '' };
}

export function restoreUnit(units: readonly string[], index: number, name: string): string[] {
  if (taken(units, name)) return [...units];
  const next = [...units];
  next.splice(Math.min(index, next.length), 0, name);
  return next;
}
