/**
 * Reading ease (Flesch, 0–100: higher is easier; 60–70 is plain English) and sentence length for
 * a piece of prose. Syllables are counted by a rule of thumb, good enough for a warning. Pure.
 */
import { splitSentences, words, type Sentence } from './text';

export interface Readability {
  words: number;
  sentences: number;
  /** Flesch reading ease, rounded. */
  ease: number;
  longest: Sentence & { words: number };
}

export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function readability(text: string): Readability | undefined {
  const sentences = splitSentences(text);
  let total = 0;
  let syl = 0;
  let longest: (Sentence & { words: number }) | undefined;
  for (const s of sentences) {
    const ws = words(s.text).filter((w) => /\p{L}/u.test(w.text));
    total += ws.length;
    for (const w of ws) syl += /^\p{Lu}{2,}$/u.test(w.text) ? w.text.length : syllables(w.text); // an acronym is read letter by letter
    if (!longest || ws.length > longest.words) longest = { ...s, words: ws.length };
  }
  if (total === 0 || !longest) return undefined;
  const ease = 206.835 - 1.015 * (total / sentences.length) - 84.6 * (syl / total);
  return { words: total, sentences: sentences.length, ease: Math.round(ease), longest };
}
