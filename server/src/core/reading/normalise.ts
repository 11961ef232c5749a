/** Normalisation: a same-length copy of the text, so offsets carry over unchanged. */


export const NON_PLAIN = /[^\x20-\x7e\n]/;
export const NON_PLAIN_G = /[^\x20-\x7e\n]/g;

export function normaliseChar(ch: string, offset: number, s: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x0d) return s.charCodeAt(offset + 1) === 0x0a ? ' ' : '\n';
  if (c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x200b || c === 0xfeff) return ' ';
  if ((c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return ' ';
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d || c === 0xad) return '-';
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0x2032 || c === 0x00b4 || c === 0x0060) return "'";
  if (c === 0x201c || c === 0x201d || c === 0x2033) return '"';
  if (c === 0x00d7) return 'x';
  if (c === 0x2028 || c === 0x2029 || c === 0x85) return '\n';
  return ch;
}

/** Same-length copy with plain spaces, ASCII hyphens and quotes, "x" for "×" and LF line ends. */
export function normalise(text: string): string {
  return NON_PLAIN.test(text) ? text.replace(NON_PLAIN_G, normaliseChar) : text;
}
