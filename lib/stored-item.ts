import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { errorMessage } from './errors';

/**
 * One value in the extension's `storage.local` (never facebook.com's
 * storage), through WXT's storage items, checked with zod where it is read.
 *
 * The one rule for a read: nothing stored gives the fallback; a stored value
 * that does not parse (an older version wrote it, it is damaged) or a storage
 * that cannot be read gives the fallback too, and says why in `problem`. A
 * failed read never stops the extension. Writes are validated by the caller
 * and may reject.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
export type Parse<T> = (raw: unknown) => Parsed<T>;

/** A zod schema as a `Parse`, its error prettified. */
export function parseWith<T>(schema: z.ZodType<T>): Parse<T> {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: z.prettifyError(parsed.error) };
  };
}

export interface StoredRead<T> {
  value: T;
  /** True when `value` is what is stored; false when it is the fallback. */
  stored: boolean;
  /** Why the fallback stands in for a stored value. */
  problem?: { kind: 'invalid' | 'unreadable'; detail: string };
}

export interface StoredItem<T> {
  readonly key: string;
  read(): Promise<StoredRead<T>>;
  /** The value `read` gives; a problem is reported in the console. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls `listener` when another page changes the value; returns the function that stops it. */
  watch(listener: (read: StoredRead<T>) => void): () => void;
}

export interface StoredItemOptions<T> {
  parse: Parse<T>;
  fallback: () => T;
  /** The stored shape's version; raise it with a migration (WXT's `migrations`) when the shape changes. */
  version?: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

export function defineStoredItem<T>(key: string, options: StoredItemOptions<T>): StoredItem<T> {
  const item = storage.defineItem<unknown>(`local:${key}`, {
    version: options.version ?? 1,
    migrations: options.migrations,
  });
  const interpret = (raw: unknown): StoredRead<T> => {
    if (raw === null || raw === undefined) return { value: options.fallback(), stored: false };
    const parsed = options.parse(raw);
    if (parsed.ok) return { value: parsed.value, stored: true };
    return { value: options.fallback(), stored: false, problem: { kind: 'invalid', detail: parsed.error } };
  };
  const read = async (): Promise<StoredRead<T>> => {
    let raw: unknown;
    try {
      raw = await item.getValue();
    } catch (error) {
      return {
        value: options.fallback(),
        stored: false,
        problem: { kind: 'unreadable', detail: errorMessage(error) },
      };
    }
    return interpret(raw);
  };
  return {
    key,
    read,
    async get() {
      const result = await read();
      if (result.problem) console.warn(`[khcn] ${key}: ${result.problem.kind}: ${result.problem.detail}`);
      return result.value;
    },
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (listener) => item.watch((raw) => listener(interpret(raw))),
  };
}
