import type { Pair } from '../../lib/i18n/both';

/** Vietnamese first, English alongside on the same line (titles, labels). */
export function Bi({ p }: { p: Pair }) {
  return (
    <>
      {p.vi}
      <span class="en" lang="en">
        {' / '}
        {p.en}
      </span>
    </>
  );
}

/** A sentence in both languages: Vietnamese, then English below it (summaries). */
export function BiPara({ p, id }: { p: Pair; id?: string }) {
  return (
    <div class="report-summary" id={id}>
      <p>{p.vi}</p>
      <p class="en" lang="en">
        {p.en}
      </p>
    </div>
  );
}
