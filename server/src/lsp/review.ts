/**
 * Reviewing in the editor: Format Document (the canonical layout of `ehcp fmt`) and the
 * `ehcp/compare` request behind "EHCP: Compare with a previous version": the open plan (unsaved
 * edits included) against a revision, read with git. `ehcp/history` lists the plan's commits.
 */
import * as path from 'node:path';
import { RequestType } from 'vscode-languageserver/node';
import { parsePlan } from '../core/parse';
import { diffPlans, makeReport } from '../review/diff';
import { minimalEdit, rangeEdits } from '../review/format-edits';
import { formatPlanText } from '../review/fmt';
import { fileHistory, GitError, readAtRevision, repoRoot, resolveCommit } from '../review/git';
import { renderHtml } from '../review/render-html';
import { renderMarkdown } from '../review/render';
import type { DiffReport } from '../review/types';
import type { ServerContext } from './context';
import { toPath } from './plans';

export const compareRequest = new RequestType<CompareParams, CompareResult, void>('ehcp/compare');

export const reviewCapabilities = { documentFormattingProvider: true, documentRangeFormattingProvider: true } as const;

export interface CompareParams {
  uri: string;
  /** A revision; HEAD when left out. */
  rev?: string;
}

export type CompareResult = { ok: true; report: DiffReport; html: string; markdown: string; rev: string; commit: string } | { ok: false; message: string };

export function registerReview(context: ServerContext): void {
  const { connection, documents } = context;

  /** The open plan and its canonical layout, or undefined (with a message when it cannot be formatted). */
  const canonical = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const text = doc.getText();
    const result = formatPlanText(text);
    if (!result.ok) {
      void connection.window.showWarningMessage(`This plan was not formatted: ${result.reason}.`);
      return undefined;
    }
    return { doc, text, formatted: result.text };
  };

  connection.onDocumentFormatting((params) => {
    const plan = canonical(params.textDocument.uri);
    if (!plan) return [];
    const edit = minimalEdit(plan.text, plan.formatted, (o) => plan.doc.positionAt(o));
    return edit ? [edit] : [];
  });

  // Range formatting: the canonical layout of the whole plan, keeping only the changed lines
  // that touch the range, and only when the plan then still reads exactly the same.
  connection.onDocumentRangeFormatting((params) => {
    const plan = canonical(params.textDocument.uri);
    if (!plan) return [];
    return rangeEdits(plan.text, plan.formatted, params.range.start.line, params.range.end.line, (o) => plan.doc.positionAt(o));
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
