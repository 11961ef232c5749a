/**
 * Editor features over advice (pure): hover and go to definition on evidence references, a lens
 * and hover on each advice entry, and completions of recommendations (in provision text) and of
 * needs-like paragraphs (in need text) that add the evidence reference in the same edit.
 */
import { readText } from '../core/check';
import { escapeMarkdown } from '../core/completion';
import { contains, getCursorContext } from '../core/cursor';
import { yamlString } from '../core/edits';
import type { AdviceItem, NeedItem, ParsedPlan, PlanItem, ProvisionItem, Str } from '../core/parse';
import type { AdviceLookup } from '../core/rule';
import type { Position, Range, TextEdit } from '../core/types';
import { findBlock } from './structure';
import { describeReading, shortQuote, usage, weakerThan } from './trace';
import type { AdviceBlock, AdviceDocument } from './types';

type Citing = NeedItem | ProvisionItem | Extract<PlanItem, { kind: 'outcome' }>;

export interface EvidenceAt {
  item: Citing;
  ref: Str;
  entry?: AdviceItem;
  adviceId: string;
  label?: string;
}

/** The evidence reference under the cursor, if any. */
export function evidenceAt(parsed: ParsedPlan, position: Position): EvidenceAt | undefined {
  const plan = parsed.plan;
  for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision]) {
    for (const ref of item.evidence) {
      if (!contains(ref.range, position)) continue;
      const hash = ref.value.indexOf('#');
      const adviceId = hash === -1 ? ref.value : ref.value.slice(0, hash);
      const label = hash === -1 ? undefined : ref.value.slice(hash + 1).trim() || undefined;
      const entry = plan.advice.find((a) => a.id?.value === adviceId);
      return { item, ref, adviceId, ...(entry ? { entry } : {}), ...(label ? { label } : {}) };
    }
  }
  return undefined;
}

function who(entry: AdviceItem): string {
  return [entry.professional?.value, entry.author?.value, entry.date?.value].filter(Boolean).join(' · ');
}

const blockquote = (text: string) => `> ${escapeMarkdown(text).replace(/\n/g, '\n> ')}`;

/** How a report's text is shown: Markdown and text files as themselves, Word and PDF as extracted text. */
function source(entry: AdviceItem, doc: AdviceDocument): string {
  const file = entry.file?.value ?? '';
  return doc.format === 'docx' || doc.format === 'pdf' ? `${file} (extracted text)` : file;
}

function blockMarkdown(entry: AdviceItem, doc: AdviceDocument, block: AdviceBlock, reading = block.kind === 'recommendation'): string {
  const lines = [
    `**${escapeMarkdown(`${entry.id?.value}#${block.label ?? ''}`)}** · ${escapeMarkdown(who(entry))}`,
    '',
    blockquote(`${block.label && !block.madeUp ? `${block.label} ` : ''}${block.text}`),
    '',
    `*${escapeMarkdown([...block.headings].join(' › ') || 'Report')}* · ${escapeMarkdown(source(entry, doc))}${block.madeUp ? ' · the report gives this no label: the label is made up from the heading and its place' : ''}`,
  ];
  if (reading) lines.push('', `The checker reads: ${escapeMarkdown(describeReading(readText(block.text)))}`);
  return lines.join('\n');
}

/** Hover text for an evidence reference or an advice entry, or undefined. */
export function getAdviceHover(parsed: ParsedPlan, position: Position, advice: AdviceLookup): { contents: string; range: Range } | undefined {
  const at = evidenceAt(parsed, position);
  if (at) {
    if (!at.entry) return undefined;
    const result = advice(at.entry);
    if (!result) return { contents: `**${escapeMarkdown(at.ref.value)}** · ${escapeMarkdown(who(at.entry))}${at.entry.file ? '\n\nThe report is being read…' : '\n\nThis advice entry names no report file.'}`, range: at.ref.range };
    if (!result.ok) return { contents: `**${escapeMarkdown(at.ref.value)}** · ${escapeMarkdown(who(at.entry))}\n\nThe report ${escapeMarkdown(result.reason === 'missing' ? 'cannot be found' : result.message)}.`, range: at.ref.range };
    if (!at.label) return { contents: `**${escapeMarkdown(at.ref.value)}**: the whole report · ${escapeMarkdown(who(at.entry))}\n\n${escapeMarkdown(lensTitle(parsed, at.entry, result.doc))}`, range: at.ref.range };
    const block = findBlock(result.doc, at.label);
    if (!block) return undefined; // unknown-reference says so
    let contents = blockMarkdown(at.entry, result.doc, block);
    if (at.item.kind === 'provision' && block.kind === 'recommendation') {
      const mine = at.item.text ? readText(at.item.text.value) : undefined;
      const weaker = mine ? weakerThan(block, mine) : [];
      if (weaker.length > 0) contents += `\n\n**This provision says less:** ${weaker.map((w) => `${w.aspect} (advice "${escapeMarkdown(w.advice)}", plan ${w.plan === 'not said' ? 'nothing' : `"${escapeMarkdown(w.plan)}"`})`).join('; ')}`;
    }
    return { contents, range: at.ref.range };
  }
  for (const entry of parsed.plan.advice) {
    const on = [entry.id, entry.file].find((s) => s && contains(s.range, position));
    if (!on) continue;
    const result = advice(entry);
    if (!result?.ok) return undefined;
    const u = usage(parsed.plan, entry, result.doc);
    const lines = [`**${escapeMarkdown(entry.id?.value ?? '')}** · ${escapeMarkdown(who(entry))}`, '', escapeMarkdown(lensTitle(parsed, entry, result.doc))];
    if (u.unused.length > 0) lines.push('', 'Not used in the plan:', ...u.unused.slice(0, 12).map((b) => `- **${escapeMarkdown(b.label ?? '')}** ${escapeMarkdown(shortQuote(b.text, 80))}`));
    return { contents: lines.join('\n'), range: on.range };
  }
  return undefined;
}

/** "7 recommendations · 5 used in the plan". */
export function lensTitle(parsed: ParsedPlan, entry: AdviceItem, doc: AdviceDocument): string {
  const u = usage(parsed.plan, entry, doc);
  return `${u.recommendations} recommendation${u.recommendations === 1 ? '' : 's'} · ${u.used} used in the plan`;
}

export interface AdviceLens {
  range: Range;
  title: string;
  adviceId: string;
}

/** A lens on each advice entry whose report has been read. */
export function getAdviceLenses(parsed: ParsedPlan, advice: AdviceLookup): AdviceLens[] {
  const out: AdviceLens[] = [];
  for (const entry of parsed.plan.advice) {
    if (!entry.id) continue;
    const result = advice(entry);
    if (!result) continue;
    const title = result.ok ? lensTitle(parsed, entry, result.doc) : result.reason === 'missing' ? 'report not found' : 'report cannot be read';
    out.push({ range: { start: entry.id.range.start, end: entry.id.range.start }, title, adviceId: entry.id.value });
  }
  return out;
}

export interface AdviceTarget {
  /** The report's absolute path is the host's business: this is the entry whose file to open. */
  entry: AdviceItem;
  format: AdviceDocument['format'];
  /** 0-based lines in the extracted text (for .md and .txt, the file itself). */
  line: number;
  endLine: number;
  originRange: Range;
}

/** Where an evidence reference points: the paragraph in the report. */
export function getAdviceDefinition(parsed: ParsedPlan, position: Position, advice: AdviceLookup): AdviceTarget | undefined {
  const at = evidenceAt(parsed, position);
  if (!at?.entry) return undefined;
  const result = advice(at.entry);
  if (!result?.ok) return undefined;
  const block = at.label ? findBlock(result.doc, at.label) : undefined;
  if (at.label && !block) return undefined;
  const line = block?.line ?? 0;
  const endLine = block ? line + (result.doc.text.slice(block.offset, block.end).match(/\n/g)?.length ?? 0) : 0;
  return { entry: at.entry, format: result.doc.format, line, endLine, originRange: at.ref.range };
}

export interface AdviceCompletion {
  label: string;
  detail: string;
  documentation: string;
  filterText: string;
  sortText: string;
  edit: TextEdit;
  additionalEdits: TextEdit[];
}

const AREA_WORDS: Record<string, RegExp> = {
  'communication and interaction': /\b(speech|language|vocabulary|communicat|social communication|listening|attention autism|makaton|signing|narrative|understanding|expressive|receptive|sentence|words?)\b/i,
  'cognition and learning': /\b(reading|phonics|spelling|maths|numer|literacy|memory|comprehension|writing|precision teaching|learning|dyslexi)/i,
  'social, emotional and mental health': /\b(emotion|anxi|elsa|wellbeing|self-esteem|confidence|feelings|regulat|calm|worr|friend|mental health|counsell|frustrat)/i,
  'sensory and/or physical': /\b(sensory|motor|handwriting|occupational|physio|hearing|deaf|vision|visual impair|sloping|pencil|ear defenders|movement|balance|qtod|radio aid)/i,
};

/** Completions from the advice while writing a provision's or a need's text. */
export function getAdviceCompletions(parsed: ParsedPlan, position: Position, advice: AdviceLookup, options: { triggerCharacter?: string } = {}): AdviceCompletion[] {
  const ctx = getCursorContext(parsed, position);
  const [list, index, key] = ctx.path;
  if ((ctx.kind !== 'text' && ctx.kind !== 'value') || ctx.path.length !== 3 || key !== 'text' || (list !== 'provision' && list !== 'needs')) return [];
  const item = (list === 'provision' ? parsed.plan.provision : parsed.plan.needs).find((i) => i.index === index);
  if (!item) return [];
  const word = ctx.kind === 'value' && !ctx.emptyValue && ctx.word ? ctx.word : { range: ctx.range, prefix: ctx.prefix };
  if (options.triggerCharacter && word.prefix === '') return [];
  const space = ctx.kind === 'value' && ctx.needsSpace ? ' ' : '';
  const typed = word.prefix.toLowerCase();
  const areas = new Set(areasOf(parsed, item));
  const cited = new Set(item.evidence.map((e) => e.value));
  const out: AdviceCompletion[] = [];
  for (const entry of parsed.plan.advice) {
    if (!entry.id) continue;
    const result = advice(entry);
    if (!result?.ok) continue;
    const blocks = result.doc.blocks.filter((b) => b.label && (list === 'provision' ? b.kind === 'recommendation' : b.needsLike));
    for (const block of blocks) {
      const ref = `${entry.id.value}#${block.label}`;
      if (cited.has(ref)) continue;
      if (typed.length >= 2 && !block.text.toLowerCase().includes(typed) && !ref.toLowerCase().includes(typed)) continue;
      const matches = [...areas].some((a) => AREA_WORDS[a]?.test(block.text));
      const rank = matches ? 0 : areas.size === 0 ? 1 : 2;
      const wording = ctx.kind === 'value' && ctx.emptyValue ? yamlString(block.text) : block.text;
      out.push({
        label: `${ref} ${shortQuote(block.text, 60)}`,
        detail: `${entry.professional?.value ?? 'Advice'}${block.madeUp ? ' · unlabelled in the report' : ''}`,
        documentation: blockMarkdown(entry, result.doc, block, list === 'provision'),
        filterText: `${word.prefix ? '' : ''}${block.text} ${ref}`,
        sortText: `${rank}${String(out.length).padStart(4, '0')}`,
        edit: { range: word.range, newText: `${space}${wording}` },
        additionalEdits: [addEvidence(parsed, item, ref)],
      });
    }
  }
  return out;
}

/** The areas of need of the needs an item meets (or of the need itself). */
function areasOf(parsed: ParsedPlan, item: NeedItem | ProvisionItem): string[] {
  if (item.kind === 'need') return item.area ? [item.area.value] : [];
  const ids = new Set(item.needs.map((n) => n.value));
  return parsed.plan.needs.filter((n) => n.id && ids.has(n.id.value) && n.area).map((n) => n.area!.value);
}

/** An edit that adds `ref` to the item's `evidence:` list, creating the list if there is none. */
export function addEvidence(parsed: ParsedPlan, item: NeedItem | ProvisionItem, ref: string): TextEdit {
  const eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  const seq = item.node.get('evidence', true) as { range?: [number, number, number]; flow?: boolean; items?: { range?: [number, number, number] }[] } | undefined;
  if (seq && seq.range && Array.isArray(seq.items)) {
    const [start, end] = seq.range;
    const source = parsed.text.slice(start, end);
    if (source.trimStart().startsWith('[')) {
      const close = start + source.lastIndexOf(']');
      const empty = seq.items.length === 0;
      const at = parsed.index.positionAt(close);
      return { range: { start: at, end: at }, newText: empty ? ref : `, ${ref}` };
    }
    const last = seq.items[seq.items.length - 1];
    if (last?.range) {
      const lastStart = parsed.index.positionAt(last.range[0]);
      const lineEnd = parsed.index.lineText(lastStart.line).length;
      const at = { line: lastStart.line, character: lineEnd };
      return { range: { start: at, end: at }, newText: `${eol}${' '.repeat(Math.max(0, lastStart.character - 2))}- ${ref}` };
    }
  }
  // No evidence list yet: a new line after the item's last line, at the item's key column.
  const keyColumn = item.id ? item.id.range.start.character - 4 : 4;
  const itemEnd = item.node.range ? parsed.index.positionAt(item.node.range[1]) : item.range.end;
  let line = itemEnd.character === 0 ? itemEnd.line - 1 : itemEnd.line;
  while (line > item.range.start.line && parsed.index.lineText(line).trim() === '') line--;
  const column = item.id ? firstKeyColumn(parsed, item) : keyColumn;
  // At the start of the next line, so it never touches an edit at the end of the text's last line.
  if (line + 1 < parsed.index.lineCount && parsed.index.offsetAt({ line: line + 1, character: 0 }) > parsed.index.offsetAt({ line, character: 0 })) {
    const at = { line: line + 1, character: 0 };
    return { range: { start: at, end: at }, newText: `${' '.repeat(column)}evidence: [${ref}]${eol}` };
  }
  const at = { line, character: parsed.index.lineText(line).length };
  return { range: { start: at, end: at }, newText: `${eol}${' '.repeat(column)}evidence: [${ref}]` };
}

function firstKeyColumn(parsed: ParsedPlan, item: PlanItem): number {
  const line = parsed.index.lineText(item.id!.range.start.line);
  const m = /^(\s*)(-\s+)?/.exec(line)!;
  return m[1]!.length + (m[2]?.length ?? 0);
}
