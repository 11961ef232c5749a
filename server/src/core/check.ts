/** The checking core: parse, run every rule, apply configuration and inline suppressions. */
import type { RuleConfig } from './config';
import { parsePlan, type ParsedPlan, type ProvisionItem } from './parse';
import { quantify } from './quantify';
import type { ProvisionReading } from './quantify-types';
import type { AdviceLookup, RuleContext } from './rule';
import { rules } from './rules/index';
import type { Finding } from './types';

export interface CheckOptions {
  config?: RuleConfig;
  /** The advice reports the plan's `advice:` entries name, as read by the host (the CLI reads files; the server reads them off the typing path). */
  advice?: AdviceLookup;
}

/** Parse and check one plan's text. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkPlan(parsePlan(text), options);
}

/** Every finding for a parsed plan, parse findings included, sorted by position. */
export function checkPlan(parsed: ParsedPlan, options: CheckOptions = {}): Finding[] {
  const levels = options.config?.rules ?? {};
  const findings: Finding[] = [];
  for (const f of parsed.findings) {
    const level = levels[f.rule];
    findings.push(level && level !== 'off' ? { ...f, severity: level } : f);
  }
  const readings = readingsFor(parsed, options.config);
  for (const rule of rules) {
    const level = levels[rule.id] ?? rule.severity;
    if (level === 'off') continue;
    const context: RuleContext = {
      parsed,
      plan: parsed.plan,
      reading: readings,
      advice: (item) => (item.file ? options.advice?.(item) : undefined),
      report: (range, message, fixes) => findings.push({ rule: rule.id, severity: level, message, range, ...(fixes && fixes.length > 0 ? { fixes } : {}) }),
    };
    try {
      rule.check(context);
    } catch (error) {
      // A rule bug must never take the editor or a CI run down; say so where it can be seen.
      findings.push({ rule: rule.id, severity: 'information', message: `The ${rule.id} rule could not check this plan (${error instanceof Error ? error.message : String(error)}). Please report this.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
  }
  return sortFindings(applySuppressions(parsed.text, findings));
}

/**
 * Readings of provision texts, shared across checks: while a writer types, only the item being
 * edited is read again. Bounded; readings are plain data that no caller mutates.
 */
const readingCache = new Map<string, ProvisionReading>();
const READING_CACHE_SIZE = 20_000;

/** What the quantification reader understood from a provision text (memoised by text and options). */
export function readText(text: string, extraVaguePhrases: readonly string[] = []): ProvisionReading {
  const key = extraVaguePhrases.length > 0 ? `${extraVaguePhrases.join('\u0001')}\u0000${text}` : text;
  let reading = readingCache.get(key);
  if (!reading) {
    reading = quantify(text, { extraVaguePhrases: [...extraVaguePhrases] });
    if (readingCache.size >= READING_CACHE_SIZE) readingCache.delete(readingCache.keys().next().value!);
    readingCache.set(key, reading);
  }
  return reading;
}

/** What the quantification reader understood from each provision item of a plan. */
export function readingsFor(_parsed: ParsedPlan, config?: RuleConfig): (item: ProvisionItem) => ProvisionReading | undefined {
  const extra = config?.extraVaguePhrases ?? [];
  return (item) => (item.text ? readText(item.text.value, extra) : undefined);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule),
  );
}

const SUPPRESS = /#\s*ehcp-disable-(next-line|line)\b([^\n]*)/g;

/**
 * `# ehcp-disable-line rule-a, rule-b` on a line, or `# ehcp-disable-next-line rule-a` on the line
 * above, switches rules off for findings that start on that line (all rules when none is named).
 */
function applySuppressions(text: string, findings: Finding[]): Finding[] {
  if (!text.includes('ehcp-disable-')) return findings;
  const off = new Map<number, Set<string> | 'all'>();
  let line = 0;
  let lineStart = 0;
  for (const m of text.matchAll(SUPPRESS)) {
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const target = m[1] === 'next-line' ? line + 1 : line;
    const names = (m[2] ?? '').split(/[\s,]+/).filter((n) => /^[a-z][a-z-]+$/.test(n));
    off.set(target, names.length === 0 ? 'all' : new Set(names));
  }
  return findings.filter((f) => {
    const o = off.get(f.range.start.line);
    return !o || (o !== 'all' && !o.has(f.rule));
  });
}
