/**
 * The traceability report (pure): for each plan's advice report, each recommendation with its
 * label and a short quote, the plan items that cite it, and the advice's and the plan's
 * quantities side by side (who · how often · how long), unused and weakened ones first. Text,
 * Markdown and JSON renderings for `ehcp advice`.
 */
import { readText } from '../core/check';
import type { AdviceItem, ParsedPlan, ProvisionItem } from '../core/parse';
import type { ProvisionReading } from '../core/quantify-types';
import type { AdviceLookup } from '../core/rule';
import { citationsByBlock, compareReadings, shortQuote, type Weakening } from './trace';
import type { AdviceBlock } from './types';

export interface Quantities {
  who: string;
  howOften: string;
  howLong: string;
}

export interface TraceCitation {
  id: string;
  kind: 'need' | 'outcome' | 'provision';
  /** For provision: what it says, and what it drops or lowers from the recommendation. */
  quantities?: Quantities;
  weaker?: Weakening[];
}

export interface TraceRecommendation {
  label: string;
  madeUp: boolean;
  quote: string;
  status: 'unused' | 'weakened' | 'used';
  advice: Quantities;
  citedBy: TraceCitation[];
}

export interface TraceReport {
  adviceId: string;
  professional?: string;
  author?: string;
  date?: string;
  file?: string;
  /** read; no file named; or why it could not be read. */
  status: 'read' | 'no-file' | 'missing' | 'unreadable';
  message?: string;
  recommendations: TraceRecommendation[];
  summary: { recommendations: number; used: number; weakened: number; unused: number };
}

export interface TracePlan {
  file: string;
  child?: string;
  reports: TraceReport[];
}

function quantities(r: ProvisionReading): Quantities {
  const who = r.providers.map((p) => (p.capacity === 'delivers' ? p.role : `${p.role} (${p.capacity === 'devises' ? 'devises' : 'oversees'})`));
  return { who: who.join(', ') || '—', howOften: r.frequency?.text ?? '—', howLong: r.amount?.text ?? '—' };
}

const ORDER = { unused: 0, weakened: 1, used: 2 } as const;

/** The traceability of one plan. `advice` gives the result of reading each entry's file. */
export function tracePlan(file: string, parsed: ParsedPlan, advice: AdviceLookup, extraVaguePhrases: readonly string[] = []): TracePlan {
  const reports: TraceReport[] = [];
  for (const entry of parsed.plan.advice) reports.push(traceReport(parsed, entry, advice, extraVaguePhrases));
  return { file, ...(parsed.plan.child.name ? { child: parsed.plan.child.known_as?.value ?? parsed.plan.child.name.value } : {}), reports };
}

function traceReport(parsed: ParsedPlan, entry: AdviceItem, advice: AdviceLookup, extra: readonly string[]): TraceReport {
  const base = {
    adviceId: entry.id?.value ?? '(no id)',
    ...(entry.professional ? { professional: entry.professional.value } : {}),
    ...(entry.author ? { author: entry.author.value } : {}),
    ...(entry.date ? { date: entry.date.value } : {}),
    ...(entry.file ? { file: entry.file.value } : {}),
  };
  const empty = { recommendations: [], summary: { recommendations: 0, used: 0, weakened: 0, unused: 0 } };
  if (!entry.file) return { ...base, status: 'no-file', ...empty };
  const result = advice(entry);
  if (!result) return { ...base, status: 'unreadable', message: 'was not read', ...empty };
  if (!result.ok) return { ...base, status: result.reason === 'missing' ? 'missing' : 'unreadable', message: result.reason === 'missing' ? 'cannot be found' : result.message, ...empty };
  const cited = citationsByBlock(parsed.plan, entry, result.doc);
  const recommendations = result.doc.blocks
    .filter((b): b is AdviceBlock & { label: string } => b.kind === 'recommendation' && b.label !== undefined)
    .map((block, index) => {
      const adviceReading = readText(block.text, extra);
      const citedBy = (cited.get(block) ?? []).map((c): TraceCitation => {
        const kind = c.item.kind;
        const id = c.item.id?.value ?? '(no id)';
        if (kind !== 'provision' || !(c.item as ProvisionItem).text) return { id, kind };
        const reading = readText((c.item as ProvisionItem).text!.value, extra);
        const weaker = compareReadings(adviceReading, reading, block.text);
        return { id, kind, quantities: quantities(reading), ...(weaker.length > 0 ? { weaker } : {}) };
      });
      const used = citedBy.some((c) => c.kind === 'need' || c.kind === 'provision');
      const status: TraceRecommendation['status'] = !used ? 'unused' : citedBy.some((c) => c.weaker) ? 'weakened' : 'used';
      return { index, rec: { label: block.label, madeUp: !!block.madeUp, quote: shortQuote(block.text, 100), status, advice: quantities(adviceReading), citedBy } };
    })
    .sort((a, b) => ORDER[a.rec.status] - ORDER[b.rec.status] || a.index - b.index)
    .map((x) => x.rec);
  const count = (s: TraceRecommendation['status']) => recommendations.filter((r) => r.status === s).length;
  return {
    ...base,
    status: 'read',
    recommendations,
    summary: { recommendations: recommendations.length, used: count('used') + count('weakened'), weakened: count('weakened'), unused: count('unused') },
  };
}

// ---------------------------------------------------------------- renderings

const q = (x: Quantities) => `${x.who} · ${x.howOften} · ${x.howLong}`;

function summaryLine(r: TraceReport): string {
  if (r.status === 'no-file') return 'no report file named';
  if (r.status !== 'read') return `the report ${r.message}`;
  const s = r.summary;
  return `${s.recommendations} recommendation${s.recommendations === 1 ? '' : 's'} · ${s.used} used in the plan${s.weakened ? ` (${s.weakened} weakened)` : ''} · ${s.unused} unused`;
}

function heading(r: TraceReport): string {
  return [r.adviceId, r.professional, r.author, r.date, r.file].filter(Boolean).join(' · ');
}

export function formatTraceText(plans: readonly TracePlan[]): string {
  const out: string[] = [];
  for (const plan of plans) {
    out.push(`${plan.file}${plan.child ? ` (${plan.child})` : ''}`);
    if (plan.reports.length === 0) out.push('  no advice entries');
    for (const r of plan.reports) {
      out.push(`  ${heading(r)}`, `    ${summaryLine(r)}`);
      for (const rec of r.recommendations) {
        const label = `${rec.label}${rec.madeUp ? ' (made-up label)' : ''}`;
        out.push(`    ${rec.status.toUpperCase().padEnd(8)} ${label}: "${rec.quote}"`);
        out.push(`             advice: ${q(rec.advice)}`);
        if (rec.citedBy.length === 0) out.push('             cited by: nothing in the plan');
        for (const c of rec.citedBy) {
          const what = c.quantities ? `: ${q(c.quantities)}` : ` (${c.kind})`;
          out.push(`             ${c.id}${what}`);
          for (const w of c.weaker ?? []) out.push(`               weaker ${w.aspect}: advice "${w.advice}", plan ${w.plan === 'not said' ? 'says nothing' : `"${w.plan}"`}`);
        }
      }
    }
    out.push('');
  }
  return out.join('\n');
}

const cellText = (t: string) => t.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function formatTraceMarkdown(plans: readonly TracePlan[]): string {
  const out: string[] = ['# Advice traceability', ''];
  for (const plan of plans) {
    out.push(`## ${cellText(plan.file)}${plan.child ? ` (${cellText(plan.child)})` : ''}`, '');
    for (const r of plan.reports) {
      out.push(`### ${cellText(heading(r))}`, '', `${summaryLine(r)}.`, '');
      if (r.recommendations.length === 0) continue;
      out.push('| Status | Label | Recommendation | Advice: who · how often · how long | Cited by | Plan: who · how often · how long |', '|---|---|---|---|---|---|');
      for (const rec of r.recommendations) {
        const cited = rec.citedBy.map((c) => c.id).join(', ') || '—';
        const plan = rec.citedBy.filter((c) => c.quantities).map((c) => `${c.id}: ${q(c.quantities!)}${c.weaker ? ` (weaker: ${c.weaker.map((w) => w.aspect).join(', ')})` : ''}`).join('<br>') || '—';
        out.push(`| ${rec.status === 'used' ? 'used' : `**${rec.status}**`} | ${cellText(rec.label)}${rec.madeUp ? ' (made up)' : ''} | ${cellText(rec.quote)} | ${cellText(q(rec.advice))} | ${cellText(cited)} | ${cellText(plan)} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function formatTraceJson(plans: readonly TracePlan[]): string {
  return `${JSON.stringify({ version: 1, plans }, null, 2)}\n`;
}
