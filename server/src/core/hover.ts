/**
 * Hovers: on a reference, the item it names; on an id, what links to it; on provision text, what
 * a reader understands from it and what is missing; on a finding, the rule and a link to its doc;
 * on a key or an allowed value, what the format says it means. Returns markdown.
 */
import { readingsFor } from './check';
import { escapeMarkdown, itemDoc, SECTION_MEANINGS, VALUE_MEANINGS } from './completion';
import type { RuleConfig } from './config';
import { contains, describeSchema, getCursorContext, schemaAt } from './cursor';
import { readingMarkdown } from './inlay-hints';
import { planSchema } from './model';
import { getOccurrenceAt, type Occurrence } from './navigation';
import type { ParsedPlan } from './parse';
import { strSpanRange } from './parse';
import { parserRules, rules } from './rules/index';
import { buildThread } from './thread';
import type { Finding, Position, Range } from './types';

export interface Hover {
  /** Markdown. */
  contents: string;
  range?: Range;
}

export interface HoverOptions {
  config?: RuleConfig;
  /** A link to a rule's documentation; without it the hover names the rule only. */
  ruleDocUri?: (ruleId: string) => string;
}

const ruleInfo = new Map([...parserRules, ...rules].map((r) => [r.id, r]));

/** The hover at a position, or undefined when there is nothing to say. */
export function getHover(parsed: ParsedPlan, position: Position, findings: readonly Finding[] = [], options: HoverOptions = {}): Hover | undefined {
  const parts: string[] = [];
  let range: Range | undefined;

  const occurrence = getOccurrenceAt(parsed, position);
  if (occurrence) {
    parts.push(occurrenceHover(parsed, occurrence));
    range = occurrence.range;
  }

  const item = parsed.plan.provision.find((p) => p.text && contains(p.text.range, position));
  if (item?.text && !occurrence) {
    const reading = readingsFor(parsed, options.config)(item);
    if (reading) {
      const vague = reading.vague.find((v) => contains(strSpanRange(parsed, item.text!, v.span), position));
      if (vague) {
        range = strSpanRange(parsed, item.text, vague.span);
        parts.push(`**“${escapeMarkdown(vague.phrase)}” is vague.** ${escapeMarkdown(vague.advice)}${vague.replacement ? `\n\nInstead, for example: “${escapeMarkdown(vague.replacement)}”.` : ''}`);
      }
      parts.push(readingMarkdown(reading, item));
      range ??= item.text.range;
    }
  }

  if (parts.length === 0) {
    const meaning = fieldHover(parsed, position);
    if (meaning) {
      parts.push(meaning.contents);
      range = meaning.range;
    }
  }

  const here = findings.filter((f) => contains(f.range, position));
  const seen = new Set<string>();
  for (const f of here) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    const info = ruleInfo.get(f.rule);
    const link = options.ruleDocUri ? ` [Read about ${f.rule}](${options.ruleDocUri(f.rule)})` : '';
    parts.push(`**${f.rule}**${info ? `: ${info.description}` : ''}${link}`);
    range ??= f.range;
  }

  if (parts.length === 0) return undefined;
  return { contents: parts.join('\n\n---\n\n'), range };
}

function occurrenceHover(parsed: ParsedPlan, o: Occurrence): string {
  const { plan } = parsed;
  const noun = o.kind === 'need' ? 'need' : o.kind === 'outcome' ? 'outcome' : o.kind === 'advice' ? 'advice entry' : 'provision item';
  const items = o.kind === 'need' ? plan.needs : o.kind === 'outcome' ? plan.outcomes : o.kind === 'advice' ? plan.advice : plan.provision;
  const target = items.find((i) => i.id?.value === o.id);
  if (!target) return `There is no ${noun} with the id “${escapeMarkdown(o.id)}” in this plan.`;
  const parts = [itemDoc(target)];
  if (!o.declaration && o.kind === 'advice') {
    // Which paragraph of the advice: the part after '#'.
    const line = parsed.index.lineText(o.range.end.line);
    const para = /^#([^\s,\]"']+)/.exec(line.slice(o.range.end.character))?.[1];
    if (para) parts.push(`Paragraph or recommendation **${escapeMarkdown(para)}** of this advice.`);
  }
  if (o.declaration) {
    const thread = buildThread(plan);
    const ids = (list: { id?: { value: string } }[]) => list.map((i) => i.id?.value ?? '?').join(', ');
    if (target.kind === 'need') {
      const outcomes = thread.outcomesOf(o.id);
      const provision = thread.provisionOf(o.id);
      parts.push(`Outcomes: ${outcomes.length > 0 ? ids(outcomes) : 'none'} · Provision: ${provision.length > 0 ? ids(provision) : 'none'}`);
    } else if (target.kind === 'outcome') {
      const provision = thread.provisionTowards(target);
      parts.push(`Provision working towards it: ${provision.length > 0 ? ids(provision) : 'none'}`);
    } else if (target.kind === 'advice') {
      const citing = [...plan.needs, ...plan.outcomes, ...plan.provision].filter((i) => i.evidence.some((e) => e.value.split('#')[0] === o.id));
      parts.push(`Cited by: ${citing.length > 0 ? ids(citing) : 'nothing yet'}`);
    }
  }
  return parts.join('\n\n');
}

/** On a key: what the field is; on an allowed value: what it means. */
function fieldHover(parsed: ParsedPlan, position: Position): Hover | undefined {
  const ctx = getCursorContext(parsed, position);
  if (ctx.kind === 'key' && ctx.token) {
    const path = [...ctx.path, ctx.token];
    const info = describeSchema(schemaAt(planSchema, path));
    if (info.type === 'unknown' || !info.description) return undefined;
    return { contents: `**${ctx.token}** (${info.required ? 'required' : 'optional'}): ${info.description}`, range: ctx.range };
  }
  if (ctx.kind === 'value' && ctx.token) {
    const key = ctx.path[ctx.path.length - 1];
    const value = ctx.token.trim();
    const meaning = key === 'section' ? SECTION_MEANINGS[value] && `**Section ${value}**: ${SECTION_MEANINGS[value]}` : VALUE_MEANINGS[value] && `**${escapeMarkdown(value)}**: ${VALUE_MEANINGS[value]}`;
    if (meaning) return { contents: meaning, range: ctx.range };
  }
  return undefined;
}
