/**
 * Diff reports → text (coloured at a terminal), Markdown (for a pull-request comment: the
 * cuts first in a table, then the details) and JSON. Pure string building.
 */
import type { DetailChange, DiffReport, ItemChange, PlanDiff, WordPart } from './types';

const percent = (x: number): string => `${Math.round(x * 100)} %`;

const STATUS: Record<PlanDiff['status'], string> = {
  modified: 'changed',
  added: 'new plan',
  deleted: 'plan deleted',
  renamed: 'renamed',
  unchanged: 'no change for the child',
};

function planTitle(p: PlanDiff): string {
  const path = p.newPath ?? p.oldPath ?? 'plan';
  const renamed = p.oldPath && p.newPath && p.oldPath !== p.newPath ? ` (renamed from ${p.oldPath})` : '';
  return `${path}${renamed}`;
}

function matchNote(c: ItemChange): string {
  return c.match?.by === 'similarity' ? ` [matched by text: ${percent(c.match.similarity)} similar]` : '';
}

/** A whole plan added or deleted: one line, not every item. */
function wholePlan(p: PlanDiff): string {
  const count = (item: ItemChange['item']) => p.changes.filter((c) => c.item === item).length;
  const minutes = p.changes.reduce((n, c) => n + (c.provision?.[p.status === 'added' ? 'new' : 'old']?.minutesPerYear ?? 0), 0);
  const what = `${count('need')} need${count('need') === 1 ? '' : 's'}, ${count('outcome')} outcome${count('outcome') === 1 ? '' : 's'}, ${count('provision')} provision item${count('provision') === 1 ? '' : 's'}${minutes > 0 ? ` (${minutes.toLocaleString('en-GB')} minutes a year of quantified provision)` : ''}`;
  return p.status === 'added' ? `a new plan: ${what}` : `the whole plan was deleted: ${what} no longer in this caseload`;
}

function reductionsOf(p: PlanDiff): ItemChange[] {
  if (p.status === 'added' || p.status === 'deleted') return [];
  return p.changes.filter((c) => c.impact === 'reduction');
}

/** What was cut, in one line per reduction effect: for the summary table. */
function cutLines(c: ItemChange): { what: string; size: string }[] {
  return c.effects
    .filter((e) => e.impact === 'reduction')
    .map((e) => ({ what: e.what ?? e.message, size: e.sizeText ? e.sizeText : e.size ? `all of it (${e.size.oldMinutesPerYear.toLocaleString('en-GB')} minutes a year)` : e.aspect === 'expertise' ? 'less expertise' : e.aspect === 'section' ? 'less enforceable' : e.aspect === 'vague' ? 'no longer specific' : e.aspect === 'thread' ? 'need unmet' : e.aspect === 'group' ? 'less individual' : e.aspect === 'bound' ? 'could be none' : 'less specific' }));
}

// ---------------------------------------------------------------- text

interface Paint {
  red: (s: string) => string;
  green: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

const plain: Paint = { red: (s) => s, green: (s) => s, bold: (s) => s, dim: (s) => s };
const ansi: Paint = {
  red: (s) => `\u001b[31m${s}\u001b[39m`,
  green: (s) => `\u001b[32m${s}\u001b[39m`,
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
};

/** Control characters in plan text are shown as "?" so a hostile file cannot drive the terminal. */
const safe = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');

function wordsText(parts: readonly WordPart[], paint: Paint, colour: boolean): string {
  return parts
    .map((p) => (p.op === 'equal' ? safe(p.text) : p.op === 'removed' ? (colour ? paint.red(`[-${safe(p.text)}-]`) : `[-${safe(p.text)}-]`) : colour ? paint.green(`{+${safe(p.text)}+}`) : `{+${safe(p.text)}+}`))
    .join('');
}

export function renderText(report: DiffReport, options: { colour: boolean }): string {
  const paint = options.colour ? ansi : plain;
  const out: string[] = [];
  for (const p of report.plans) {
    if (p.status === 'unchanged') continue;
    out.push(paint.bold(`${safe(planTitle(p))}: ${STATUS[p.status]}${p.summary.reductions > 0 ? `, ${p.summary.reductions} reduction${p.summary.reductions === 1 ? '' : 's'}` : ''}`));
    if (p.status === 'added' || p.status === 'deleted') {
      out.push(`  ${wholePlan(p)}`, '');
      continue;
    }
    const groups: [string, ItemChange[]][] = [
      ['Reductions', p.changes.filter((c) => c.impact === 'reduction')],
      ['Increases', p.changes.filter((c) => c.impact === 'increase')],
      ['Other changes', p.changes.filter((c) => c.impact === 'neutral')],
    ];
    for (const [title, changes] of groups) {
      if (changes.length === 0) continue;
      out.push(`  ${title}`);
      for (const c of changes) {
        const mark = c.impact === 'reduction' ? paint.red('▼') : c.impact === 'increase' ? paint.green('▲') : '•';
        const line = c.line ?? c.oldLine;
        out.push(`    ${mark} ${safe(c.summary)}${paint.dim(matchNote(c))}${line ? paint.dim(`  (line ${line}${c.kind === 'removed' ? ' before' : ''})`) : ''}`);
        if (c.text?.diff && c.kind === 'changed') out.push(`        ${wordsText(c.text.diff, paint, options.colour)}`);
      }
    }
    if (p.details.length > 0) {
      out.push('  Plan details');
      for (const d of p.details) out.push(`    • ${detailLine(d, (s) => s, (parts) => wordsText(parts, paint, options.colour))}`);
    }
    out.push('');
  }
  const s = report.summary;
  out.push(
    s.plans === 0
      ? 'No plans differ.'
      : s.changedPlans === 0
      ? `No change for the child in ${s.plans} plan${s.plans === 1 ? '' : 's'}.`
      : `${s.changedPlans} of ${s.plans} plan${s.plans === 1 ? '' : 's'} changed: ${s.reductions} reduction${s.reductions === 1 ? '' : 's'}, ${s.increases} increase${s.increases === 1 ? '' : 's'}, ${s.changes} change${s.changes === 1 ? '' : 's'} in all. Items with a new id were matched by text when at least ${percent(report.similarityThreshold)} of their words are shared.`,
  );
  return `${out.join('\n')}\n`;
}

function detailLine(d: DetailChange, esc: (s: string) => string, words: (p: WordPart[]) => string): string {
  if (d.diff) return `${esc(d.label)} changed: ${words(d.diff)}`;
  if (d.old === undefined) return `${esc(d.label)} added: ${esc(safe(d.new ?? ''))}`;
  if (d.new === undefined) return `${esc(d.label)} removed (was ${esc(safe(d.old))})`;
  return `${esc(d.label)}: ${esc(safe(d.old))} → ${esc(safe(d.new))}`;
}

// ---------------------------------------------------------------- markdown

/** Plan text inside Markdown: special characters escaped, no HTML, one line. */
export function md(s: string): string {
  return safe(s)
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\d+)\./, '$1\\.');
}

function mdWords(parts: readonly WordPart[]): string {
  return parts
    .map((p) => {
      const t = md(p.text);
      if (p.op === 'equal' || t.trim() === '') return t;
      const lead = t.match(/^\s*/)![0];
      const trail = t.match(/\s*$/)![0];
      const core = t.trim();
      return p.op === 'removed' ? `${lead}~~${core}~~${trail}` : `${lead}**${core}**${trail}`;
    })
    .join('');
}

export function renderMarkdown(report: DiffReport): string {
  const out: string[] = ['## What changed for the child', ''];
  const s = report.summary;
  if (s.plans === 0) {
    out.push('No plans differ.', '');
    return out.join('\n');
  }
  if (s.changedPlans === 0) {
    out.push(`No change for the child in ${s.plans} plan${s.plans === 1 ? '' : 's'}.`, '');
    return out.join('\n');
  }
  out.push(`${s.changedPlans} of ${s.plans} plan${s.plans === 1 ? '' : 's'} changed: **${s.reductions} reduction${s.reductions === 1 ? '' : 's'}**, ${s.increases} increase${s.increases === 1 ? '' : 's'}, ${s.changes} change${s.changes === 1 ? '' : 's'} in all.`, '');

  const cuts: { p: PlanDiff; id: string; what: string; size: string }[] = [];
  for (const p of report.plans) {
    if (p.status === 'deleted') cuts.push({ p, id: 'the whole plan', what: wholePlan(p), size: 'all of it' });
    for (const c of reductionsOf(p)) for (const l of cutLines(c)) cuts.push({ p, id: `${md(c.id)}${c.oldId ? ` (was ${md(c.oldId)})` : ''}`, ...l });
  }
  if (cuts.length > 0) {
    out.push('### Reductions (each must be justified by evidence)', '', '| Plan | Item | What was cut | Size |', '| --- | --- | --- | --- |');
    for (const cut of cuts) {
      out.push(`| ${md(cut.p.newPath ?? cut.p.oldPath ?? '')} | ${cut.id} | ${md(cut.what)} | ${md(cut.size)} |`);
    }
    out.push('');
  } else out.push('No provision was reduced.', '');

  for (const p of report.plans) {
    if (p.status === 'unchanged') continue;
    out.push(`### ${md(planTitle(p))}: ${STATUS[p.status]}`, '');
    if (p.status === 'added' || p.status === 'deleted') {
      out.push(md(wholePlan(p)), '');
      continue;
    }
    const groups: [string, ItemChange[]][] = [
      ['Reductions', p.changes.filter((c) => c.impact === 'reduction')],
      ['Increases', p.changes.filter((c) => c.impact === 'increase')],
      ['Other changes', p.changes.filter((c) => c.impact === 'neutral')],
    ];
    for (const [title, changes] of groups) {
      if (changes.length === 0) continue;
      out.push(`**${title}**`, '');
      for (const c of changes) {
        out.push(`- ${md(c.summary)}${matchNote(c) ? ` _${md(matchNote(c).trim())}_` : ''}`);
        if (c.text?.diff && c.kind === 'changed') out.push(`  > ${mdWords(c.text.diff)}`);
      }
      out.push('');
    }
    if (p.details.length > 0) {
      out.push('**Plan details**', '');
      for (const d of p.details) out.push(`- ${detailLine(d, md, mdWords)}`);
      out.push('');
    }
  }
  out.push(`<sub>Items whose id changed were matched by their words (at least ${percent(report.similarityThreshold)} shared). ~~Struck~~ words were removed, **bold** words added. Yearly minutes assume 38 school weeks where a plan does not say.</sub>`, '');
  return out.join('\n');
}

export function renderJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
