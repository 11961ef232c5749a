/** Entry point bundled by scripts/accuracy-prose.mjs. */
import { join } from 'node:path';
import { loadDictionary } from '../server/src/prose/dictionary';
import { evaluateProse, formatFigures } from './prose-accuracy-eval';

declare const ACCURACY_ROOT: string;

export function main(verbose: boolean): void {
  const words = process.argv.includes("--no-dictionary") ? undefined : loadDictionary(ACCURACY_ROOT);
  console.log(formatFigures(evaluateProse(join(ACCURACY_ROOT, 'test/fixtures/prose-accuracy'), words), verbose));
}
