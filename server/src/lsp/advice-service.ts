/**
 * The language server's advice reports: read off the typing path (on a worker thread when the
 * bundle has one), cached by path + modification time + size, and re-read when a file changes.
 * Checking never waits for a read: it uses what is cached, and the plans that name a report are
 * checked again when its read completes.
 */
import { dirname, resolve } from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { AdviceStore, advicePath } from '../advice/store';
import type { AdviceDocument } from '../advice/types';
import { createWorkerReader } from '../advice/worker-reader';
import type { AdviceItem, ParsedPlan } from '../core/parse';
import type { AdviceLookup } from '../core/rule';
import { toPath } from './plans';

/** Files that can be advice reports, for the file watcher. */
export const ADVICE_GLOB = '**/*.{docx,pdf,md,txt,DOCX,PDF,MD,TXT}';
/** The scheme of the read-only view of a report's extracted text (Word and PDF). */
export const EXTRACTED_SCHEME = 'ehcp-advice';
/** Lines before the extracted text in that view (a title and a blank line). */
export const EXTRACTED_HEADER_LINES = 2;

export class AdviceService {
  readonly store: AdviceStore;

  constructor(onRead: (path: string) => void) {
    this.store = new AdviceStore({ reader: createWorkerReader(), onRead });
  }

  /** What rules and features see for a plan: each entry's report as cached now. */
  lookupFor(uri: string): AdviceLookup {
    const plan = toPath(uri);
    return (item) => {
      const path = plan ? advicePath(plan, item) : undefined;
      return path ? this.store.peek(path) : undefined;
    };
  }

  /** Changes whenever a report this plan names is read again (so cached findings are redone). */
  keyFor(uri: string, parsed: ParsedPlan): string {
    const plan = toPath(uri);
    if (!plan) return '';
    const paths = parsed.plan.advice.flatMap((a) => (a.file ? [resolve(dirname(plan), a.file.value)] : []));
    return paths.length === 0 ? '' : this.store.keyFor(paths);
  }

  /** The absolute path of an entry's report. */
  pathOf(uri: string, item: AdviceItem): string | undefined {
    const plan = toPath(uri);
    return plan ? advicePath(plan, item) : undefined;
  }

  /** Does this plan name this report? */
  names(uri: string, parsed: ParsedPlan, path: string): boolean {
    return parsed.plan.advice.some((a) => this.pathOf(uri, a) === path);
  }

  /** Forget reports that changed or went away; the next check reads them again. Returns their paths. */
  filesChanged(changes: readonly FileEvent[]): string[] {
    const out: string[] = [];
    for (const c of changes) {
      const path = toPath(c.uri);
      if (!path || /\.ehcp\.ya?ml$/i.test(path)) continue;
      this.store.invalidate(path);
      out.push(path);
      // Start the read now, so the plans that name it are checked again when it completes.
      if (c.type !== FileChangeType.Deleted) this.store.peek(path);
    }
    return out;
  }

  /** The extracted text view of a report: a title line, a blank line, then the text. */
  async extractedText(path: string): Promise<string> {
    const result = await this.store.load(path);
    const name = path.split(/[\\/]/).pop() ?? path;
    if (!result.ok) return `Extracted text of ${name}: the report ${result.reason === 'missing' ? 'cannot be found' : result.message}.\n`;
    return `${extractedTitle(name, result.doc)}\n\n${result.doc.text}\n`;
  }
}

function extractedTitle(name: string, doc: AdviceDocument): string {
  return `Extracted text of ${name} (read-only: the headings, labels and text as EHCP Plan Writer read them${doc.notes.length ? `; ${doc.notes.join(' ')}` : ''})`;
}
