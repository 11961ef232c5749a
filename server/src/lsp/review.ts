/**
 * Reviewing in the editor: Format Document (the canonical layout of `ehcp fmt`) and the
 * `ehcp/compare` request behind "EHCP: Compare with a previous version": the open plan (unsaved
 * edits included) against a revision, read with git. `ehcp/history` lists the plan's commits.
 */
import * as path from 'node:path';
import { RequestType, type TextEdit } from 'vscode-languageserver/node';
import { parsePlan } from '../core/parse';
import { diffPlans, makeReport } from '../review/diff';
import { formatPlanText } from '../review/fmt';
import { fileHistory, GitError, readAtRevision, repoRoot, resolveCommit } from '../review/git';
import { renderHtml } from '../review/render-html';
import { renderMarkdown } from '../review/render';
import type { DiffReport } from '../review/types';
import type { ServerContext } from './context';
import { toPath } from './plans';

export const compareRequest = new RequestType<CompareParams, CompareResult, void>('ehcp/compare');

export const reviewCapabilities = { documentFormattingProvider: true } as const;

export interface CompareParams {
  uri: string;
  /** A revision; HEAD when left out. */
  rev?: string;
}

export type CompareResult = { ok: true; report: DiffReport; html: string; markdown: string; rev: string; commit: string } | { ok: false; message: string };

/** The smallest single edit that turns `a` into `b` (keeps the cursor and folding where they were). */
export function minimalEdit(a: string, b: string, positionAt: (offset: number) => { line: number; character: number }): TextEdit | undefined {
  if (a === b) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { range: { start: positionAt(start), end: positionAt(endA) }, newText: b.slice(start, endB) };
}

export function registerReview(context: ServerContext): void {
  const { connection, documents } = context;

  connection.onDocumentFormatting((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const text = doc.getText();
    const result = formatPlanText(text);
    if (!result.ok) {
      void connection.window.showWarningMessage(`This plan was not formatted: ${result.reason}.`);
      return [];
    }
    const edit = minimalEdit(text, result.text, (o) => doc.positionAt(o));
    return edit ? [edit] : [];
  });

  connection.onRequest(compareRequest, (params) => compare(params));

  const compare = (params: CompareParams): CompareResult => {
    const file = filePath(params?.uri);
    if (!file) return { ok: false, message: 'Only a plan saved in a folder can be compared with an earlier version.' };
    const doc = documents.get(params.uri);
    const rev = params.rev && params.rev.trim() !== '' ? params.rev.trim() : 'HEAD';
    try {
      const dir = path.dirname(file);
      const root = repoRoot(dir);
      const commit = resolveCommit(rev, dir);
      const rel = path.relative(root, file).split(path.sep).join('/');
      let oldText: string;
      try {
        oldText = readAtRevision(commit, rel, root).toString('utf8');
      } catch {
        return { ok: false, message: `This plan is not in ${rev} (${commit.slice(0, 7)}): it may be new or renamed since.` };
      }
      const newText = doc ? doc.getText() : undefined;
      const oldParsed = parsePlan(oldText);
      const newParsed = newText !== undefined ? parsePlan(newText) : context.getParsed(params.uri);
      if (!newParsed || newParsed.value === undefined || newParsed.hasSyntaxErrors) return { ok: false, message: 'Fix the YAML errors in this plan first, then compare again.' };
      if (oldParsed.value === undefined || oldParsed.hasSyntaxErrors) return { ok: false, message: `The version in ${rev} cannot be read as a plan (its YAML has errors).` };
      const diff = diffPlans(oldParsed, newParsed, { extraVaguePhrases: context.getConfig(params.uri).extraVaguePhrases ?? [] });
      diff.oldPath = `${rel} (${rev})`;
      diff.newPath = rel;
      const report = makeReport([diff]);
      const heading = `What changed for ${diff.child ?? 'the child'} since ${rev === 'HEAD' ? 'the last commit' : rev} (${commit.slice(0, 7)})`;
      return { ok: true, report, html: renderHtml(report, heading), markdown: renderMarkdown(report), rev, commit };
    } catch (error) {
      return { ok: false, message: error instanceof GitError ? `${capitalise(error.message)}.` : 'The comparison could not be made.' };
    }
  };

  connection.onRequest('ehcp/history', (params: { uri: string }) => {
    const file = filePath(params?.uri);
    if (!file) return [];
    try {
      return fileHistory(file, path.dirname(file));
    } catch {
      return [];
    }
  });
}

function filePath(uri: string | undefined): string | undefined {
  if (typeof uri !== 'string') return undefined;
  return toPath(uri);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
