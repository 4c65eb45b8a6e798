/**
 * Teencode: the abbreviations Vietnamese comments use in place of whole words.
 * Keys and spellings are folded (no diacritics, lowercase), as `foldForSearch`
 * would write them. Kept small on purpose: each entry here also widens what a
 * rule phrase can match, so only spellings that mean one thing are listed.
 */
export const TEENCODE: Readonly<Record<string, readonly string[]>> = {
  khong: ['ko', 'k', 'kg', 'kh', 'khg', 'hok', 'hong', 'hem', 'hk', 'khum', 'kog', 'khog'],
  duoc: ['dc', 'dk', 'dx', 'dcj'],
  voi: ['vs', 'vz'],
  gi: ['j', 'ji'],
  biet: ['bit', 'bik', 'bjk', 'bjet', 'bt'],
  roi: ['r', 'rui', 'ruj'],
  minh: ['mk', 'mik', 'mjk', 'mjnh'],
  ban: ['bn'],
  nguoi: ['ng', 'ngui'],
  'moi nguoi': ['mn', 'mng', 'mnguoi'],
  nhieu: ['nhiu', 'nhju'],
  'chuyen khoan': ['ck', 'chuyenkhoan'],
  'so tai khoan': ['stk'],
  'tai khoan': ['tk'],
  'so dien thoai': ['sdt'],
  'dien thoai': ['dt'],
  'nhan vien': ['nv'],
  'nhan tin': ['ib', 'inbox'],
  'lien he': ['lh'],
  'nhu the nao': ['ntn'],
  'bay gio': ['bh', 'bjo'],
  'doanh nghiep': ['dn'],
  trieu: ['tr'],
  vay: ['v', 'zay', 'dzay'],
  truoc: ['trc'],
  cung: ['cx', 'cug'],
  lam: ['lm'],
  yeu: ['iu'],
  thoi: ['thui'],
  tien: ['tjen', 'xien'],
  gioi: ['joi'],
  qua: ['wa', 'woa'],
  phai: ['fai'],
  thich: ['thik', 'thjk'],
  di: ['dj'],
  chi: ['chj'],
  'uy tin': ['uytin'],
  'mien phi': ['free'],
  facebook: ['fb'],
  'mat khau': ['mk', 'pass', 'password'],
};

/** Spelling of a teencode word → the words it stands for (folded). */
export const TEENCODE_EXPANSIONS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [words, spellings] of Object.entries(TEENCODE)) {
    for (const s of spellings) {
      // First meaning wins: "mk" reads as "mình" far more often than "mật khẩu".
      if (!map.has(s) && s !== words) map.set(s, words);
    }
  }
  return map;
})();

/**
 * Teencode spellings that only mean their word right after a number:
 * "10tr" is 10 triệu, while a lone "tr" is anything ("trước", "trang").
 */
export const AFTER_NUMBER_ONLY: ReadonlySet<string> = new Set(['tr']);

/**
 * Letter-level teencode at the start of a syllable: "fải" for "phải", "wá" for
 * "quá", "jờ" for "giờ". Used to spell rule phrases the way comments do.
 */
export const ONSET_SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['ph', 'f'],
  ['qu', 'w'],
  ['gi', 'j'],
];
