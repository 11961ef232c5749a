/**
 * Loads the British English dictionary (dictionary-en-gb's Hunspell files, shipped beside the
 * bundles in dist/dictionaries/) into nspell. IO at the edge: the core only sees a WordList.
 * The word forms load in a few tens of milliseconds; the Hunspell dictionary, needed only for
 * suggestions, takes about half a second and is built on first use (or warmed by the server).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { WordList } from '../core/prose/names';

/** Where the .aff/.dic files are: beside the bundle, else in node_modules (tests, development). */
export function dictionaryFiles(root?: string): { aff: string; dic: string } | undefined {
  // Bundled: dist/dictionaries. From source (tests): the installed package.
  const candidates = [join(__dirname, 'dictionaries'), join(__dirname, '..', '..', '..', 'dist', 'dictionaries'), join(__dirname, '..', '..', '..', 'node_modules', 'dictionary-en-gb')];
  if (root) candidates.unshift(join(root, 'dist', 'dictionaries'), join(root, 'node_modules', 'dictionary-en-gb'));
  try {
    candidates.push(dirname(require.resolve('dictionary-en-gb/package.json')));
  } catch {
    // Not installed: only the shipped copy can be used.
  }
  for (const dir of candidates) {
    for (const [aff, dic] of [['en-GB.aff', 'en-GB.dic'], ['index.aff', 'index.dic']] as const) {
      if (existsSync(join(dir, aff)) && existsSync(join(dir, dic))) return { aff: join(dir, aff), dic: join(dir, dic) };
    }
  }
  return undefined;
}

/**
 * The dictionary as a set of word forms (dist/dictionaries/en-GB.words, written at build time),
 * with the full Hunspell dictionary built only when a suggestion is asked for.
 */
class WordForms implements WordList {
  private speller: WordList | null | undefined;
  constructor(
    private readonly forms: Set<string>,
    private readonly files: { aff: string; dic: string },
  ) {}

  correct(word: string): boolean {
    if (this.forms.has(word)) return true;
    // "Behaviour" at the start of a sentence, "BEHAVIOUR" in capitals: Hunspell accepts the lower-case form.
    const lower = word.toLowerCase();
    return lower !== word && (this.forms.has(lower) || this.forms.has(word[0] + word.slice(1).toLowerCase()));
  }

  suggest(word: string): string[] {
    this.warm();
    return this.speller?.suggest(word) ?? [];
  }

  warm(): void {
    if (this.speller === undefined) this.speller = buildSpeller(this.files) ?? null;
  }
}

function buildSpeller(files: { aff: string; dic: string }): WordList | undefined {
  try {
    return nspell(readFileSync(files.aff), readFileSync(files.dic)) as WordList;
  } catch {
    return undefined;
  }
}

let loaded: WordList | null | undefined;

/** The dictionary, loaded once (`root`: a project folder to look in first); undefined when its files are missing (spelling then reports US spellings only). */
export function loadDictionary(root?: string): WordList | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  const files = dictionaryFiles(root);
  if (!files) {
    loaded = null;
    return undefined;
  }
  const formsFile = join(dirname(files.dic), 'en-GB.words');
  try {
    if (existsSync(formsFile)) loaded = new WordForms(new Set(readFileSync(formsFile, 'utf8').split('\n')), files);
  } catch {
    loaded = undefined;
  }
  loaded ??= buildSpeller(files) ?? null;
  return loaded ?? undefined;
}

/** Builds the Hunspell dictionary behind the suggestions now (about half a second), so the first misspelling typed does not wait for it. */
export function warmSuggestions(words: WordList | undefined): void {
  if (words instanceof WordForms) words.warm();
}
