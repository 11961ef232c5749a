/**
 * Typed labels at the start of a paragraph, as professionals write them: "3.2", "R4", "OT1",
 * "Recommendation 5", "Para 14", "1.", "(a)". And the comparison used for evidence references,
 * which forgives case, spacing and closing punctuation ("r4", "Recommendation 5").
 */

const WORD_LABEL = /^(recommendations?|rec\.?|para(?:graph)?|section|need|outcome|target|provision|action|point|item)\s+(\d{1,3}(?:\.\d{1,3})*[a-z]?)(?=$|[\s.:)\-–—])[.:)]?(?:\s*[-–—:]\s*|\s+|$)/i;
const CODE_LABEL = /^([A-Z][A-Za-z]{0,4}\d{1,3}(?:\.\d{1,3})*[a-z]?)(?=$|[\s.:)\-–—])[.:)]?(?:\s*[-–—:]\s*|\s+|$)/;
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?=$|\s)\s*/;
const SINGLE = /^(\d{1,3})[.)](?=\s)\s*/;
const LETTER = /^(\(?)([a-z]|[ivx]{1,4})\)(?=\s)\s*/;

export interface TypedLabel {
  /** The label as a reader sees it, without closing punctuation: "3.2", "R4", "Recommendation 5", "(a)". */
  label: string;
  /** The text after the label. */
  rest: string;
}

/** The typed label a paragraph starts with, if any. */
export function typedLabel(text: string): TypedLabel | undefined {
  let m = WORD_LABEL.exec(text);
  if (m) {
    const word = m[1]!.replace(/\.$/, '');
    const nice = word[0]!.toUpperCase() + word.slice(1).toLowerCase();
    return { label: `${nice === 'Recommendations' ? 'Recommendation' : nice} ${m[2]}`, rest: text.slice(m[0].length) };
  }
  m = CODE_LABEL.exec(text);
  // "CELF5" or "KS2" as the first word of a sentence is not a label: require a short code.
  if (m && m[1]!.replace(/[\d.]/g, '').length <= 4 && !/^(KS|Y|Year|CELF|BPVS|WISC|WIAT|DAS)\d/i.test(m[1]!)) return { label: m[1]!, rest: text.slice(m[0].length) };
  m = DOTTED.exec(text);
  if (m) return { label: m[1]!, rest: text.slice(m[0].length) };
  m = SINGLE.exec(text);
  if (m) return { label: m[1]!, rest: text.slice(m[0].length) };
  m = LETTER.exec(text);
  if (m) return { label: m[1] ? `(${m[2]})` : m[2]!, rest: text.slice(m[0].length) };
  return undefined;
}

export function startsWithLabel(text: string): boolean {
  return typedLabel(text.trim()) !== undefined;
}

/** A rendered Word number ("3.2.", "R4", "(a)", "Recommendation 5:") as a label: closing punctuation dropped. */
export function labelFromNumbering(rendered: string): string {
  const t = rendered.replace(/\s+/g, ' ').trim();
  if (/^\(.*\)$/.test(t)) return t;
  return t.replace(/[.:)\-–—]+$/, '').trim() || t;
}

/** The key two labels are compared by: case, spaces, brackets and closing punctuation ignored; "Rec 5" = "Recommendation 5". */
export function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/^(recommendations?|rec\.?)\s*(?=\d)/, 'recommendation')
    .replace(/^(paragraph|para\.?)\s*(?=\d)/, 'para')
    .replace(/[\s()[\]]+/g, '')
    .replace(/[.:)\-–—]+$/, '');
}
