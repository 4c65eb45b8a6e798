import { foldForSearch } from '../text/fold';

/**
 * A warning word the writer denies is no warning: "đó là khoa học chứ không
 * phải mê tín", "đừng gọi là mê tín", "bên em uy tín, không phải lừa đảo
 * đâu". A debunk says the myth IS superstition or a lie; the believer and the
 * seller say it is NOT — the denial is their claim. Folded, so "chu ko phai
 * me tin" reads the same.
 *
 * Training-split CV (npm run eval:cv, issue 13 seventh round): the exception
 * "mê tín" silenced 10 pseudoscience claims (and 3 benign lines, all
 * questions), every claim with a denial just before it.
 */
const DENIAL_BEFORE = new RegExp(
  '(?:^|[^\\p{L}])(?:' +
    [
      // "không phải", "đâu phải", "chẳng phải là"
      '(?:khong|ko|k|hong|hok|chang|cha|dau|dau co)\\s+phai(?:\\s+la)?',
      // "chứ không", "chớ đâu phải là"
      '(?:chu|cho)\\s+(?:khong|ko|hong|dau|chang)(?:\\s+phai)?(?:\\s+la)?',
      // "đừng nói (là)", "đừng gọi nó là"
      'dung\\s+(?:noi|goi|bao|che)(?:\\s+(?:do|no|day))?(?:\\s+la)?',
    ].join('|') +
    ')$',
  'u',
);

/** Characters read before an exception phrase: the longest denial and its space fit. */
const REACH = 24;

/** Is the exception phrase that starts at `start` denied by the words right before it? */
export function deniesWarning(text: string, start: number): boolean {
  if (start === 0) return false;
  return DENIAL_BEFORE.test(foldForSearch(text.slice(Math.max(0, start - REACH), start)));
}
