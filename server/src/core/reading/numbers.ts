/** Numbers as plans write them: digits, words, halves. */


export const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, a: 1, an: 1, once: 1, twice: 2, thrice: 3, single: 1,
};

export const NUMWORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)(?![a-z])';
export const NUMBER = `(?:\\d{1,3}(?:\\.\\d{1,2})?(?:\\s?\u00bd)?|\u00bd|${NUMWORD})`;
export const SMALL_NUM = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

/** Value of a number as written: "3", "1.5", "2½", "twenty-five", "a", "half". */
export function parseNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().toLowerCase();
  if (s === '') return undefined;
  if (/^[\d.]+\s?\u00bd?$/.test(s) || s === '\u00bd') {
    const half = s.endsWith('\u00bd') ? 0.5 : 0;
    const digits = s.replace(/\s?\u00bd$/, '');
    const v = digits === '' ? 0 : Number(digits);
    return Number.isFinite(v) ? v + half : undefined;
  }
  let total = 0;
  for (const w of s.split(/[\s-]+/)) {
    const v = UNIT_WORDS[w];
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}
