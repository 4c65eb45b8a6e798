import { foldForSearch } from '../text';

/** One word of a comment or phrase: lower-case NFC, and its folded form. */
export interface Word {
  word: string;
  folded: string;
}

/** A phrase compiled once (cue lists, reply triggers), kept with how it was written. */
export interface Phrase {
  written: string;
  words: Word[];
}

export function toWords(text: string): Word[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => ({ word, folded: foldForSearch(word) }));
}

export function compilePhrase(written: string): Phrase {
  return { written, words: toWords(written) };
}

/**
 * A comment word meets a phrase word when they fold alike, and — if the
 * commenter did type diacritics on that word — when the diacritics agree too.
 * So "cham" (no marks) meets "chậm", but "chăm sóc" does not, and "nén" never
 * meets "nên".
 */
function wordMeets(text: Word, phrase: Word): boolean {
  if (text.folded !== phrase.folded) return false;
  return text.word === text.folded || text.word === phrase.word;
}

/** Whether the phrase occurs in the words, on word boundaries. */
export function hasPhrase(words: readonly Word[], phrase: Phrase): boolean {
  const n = phrase.words.length;
  if (n === 0) return false;
  for (let i = 0; i + n <= words.length; i++) {
    let all = true;
    for (let j = 0; j < n; j++) {
      if (!wordMeets(words[i + j]!, phrase.words[j]!)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
