/**
 * Reviewing in the editor: Format Document (the canonical layout of `ehcp fmt`) and the
 * `ehcp/compare` request behind "EHCP: Compare with a previous version": the open plan (unsaved
 * edits included) against a revision, read with git. `ehcp/history` lists the plan's commits.
 */
import * as path from 'node:path';
import { diffLines } from 'diff';
import { parseAllDocuments } from 'yaml';
import { RequestType, type TextEdit } from 'vscode-languageserver/node';
import { parsePlan } from '../core/parse';
import { diffPlans, makeReport } from '../review/diff';
import { deepEqual, formatPlanText } from '../review/fmt';
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

/**
 * The line hunks of `formatted` against `text` that overlap lines first..last (0-based), as
 * edits; none when applying only those would read differently from the original plan.
 */
export function rangeEdits(text: string, formatted: string, first: number, last: number, positionAt: (offset: number) => { line: number; character: number }): TextEdit[] {
  const hunks: { start: number; end: number; newText: string; fromLine: number; toLine: number }[] = [];
  let offset = 0;
  let line = 0;
  let pending: { start: number; end: number; newText: string; fromLine: number; toLine: number } | undefined;
  for (const part of diffLines(text, formatted)) {
    const lines = part.count ?? 0;
    if (part.added) {
      pending ??= { start: offset, end: offset, newText: '', fromLine: line, toLine: line };
      pending.newText += part.value;
    } else if (part.removed) {
      pending ??= { start: offset, end: offset, newText: '', fromLine: line, toLine: line };
      pending.end = offset + part.value.length;
      pending.toLine = line + Math.max(0, lines - 1);
      offset += part.value.length;
      line += lines;
    } else {
      if (pending) hunks.push(pending);
      pending = undefined;
      offset += part.value.length;
      line += lines;
    }
  }
  if (pending) hunks.push(pending);
  const chosen = hunks.filter((h) => h.toLine >= first && h.fromLine <= last);
  if (chosen.length === 0) return [];
  let result = text;
  for (const h of [...chosen].sort((a, b) => b.start - a.start)) result = result.slice(0, h.start) + h.newText + result.slice(h.end);
  const before = parseAllDocuments(text).map((d) => d.toJS());
  const after = parseAllDocuments(result);
  if (after.some((d) => d.errors.length > 0) || !deepEqual(after.map((d) => d.toJS()), before)) return [];
  return chosen.map((h) => ({ range: { start: positionAt(h.start), end: positionAt(h.end) }, newText: h.newText }));
}

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
