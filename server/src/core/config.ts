/** The caseload configuration, `.ehcprc.yaml`: rule severities, extra vague phrases and the caseload's glossary. */
import { isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { LineIndex } from './positions';
import { allRuleIds } from './rules/index';
import { didYouMean } from './suggest';
import type { Finding, Severity } from './types';

export const CONFIG_FILE = '.ehcprc.yaml';

const level = z.enum(['off', 'error', 'warning', 'information', 'hint']);

export const configSchema = z.strictObject({
  rules: z.record(z.string(), level).optional().describe('Rule id → off, error, warning, information or hint.'),
  extraVaguePhrases: z.array(z.string().min(2)).optional().describe('More phrases to report as vague in provision.'),
  glossary: z.record(z.string().min(1), z.string().min(1)).optional().describe('Terms the caseload uses, explained in plain English for families: term → meaning.'),
  names: z.array(z.string().min(1)).optional().describe('Names of staff and others who appear in many plans, so the name checks do not report them.'),
  words: z.array(z.string().min(1)).optional().describe('Words the spell check accepts: local place names, programmes, surnames.'),
  stockPhrases: z.array(z.string().min(1)).optional().describe('Standard wording the caseload shares on purpose: copied-text does not report sentences that contain one.'),
});

export interface RuleConfig {
  rules?: Record<string, Severity | 'off'>;
  extraVaguePhrases?: string[];
  /** The caseload's glossary: term → plain-English meaning (on top of the built-in one). */
  glossary?: Record<string, string>;
  /** Names that appear in many plans (staff, services), never reported as another child's. */
  names?: string[];
  /** Words the spell check accepts. */
  words?: string[];
  /** Standard wording shared on purpose; copied-text leaves sentences containing one alone. */
  stockPhrases?: string[];
}

/** Reads `.ehcprc.yaml` text. Problems are findings (rule `config`); what is valid still applies. */
export function parseConfig(text: string): { config: RuleConfig; findings: Finding[] } {
  const index = new LineIndex(text);
  const findings: Finding[] = [];
  const problem = (start: number, end: number, message: string) =>
    findings.push({ rule: 'config', severity: 'error', message, range: index.range(start, end) });
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  for (const e of doc.errors) problem(e.pos[0], e.pos[1], `The configuration is not valid YAML: ${e.message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 }) ?? {};
  } catch {
    problem(0, 0, 'The configuration could not be read (too many YAML aliases).');
    return { config: {}, findings };
  }
  const config: RuleConfig = {};
  const parsed = configSchema.safeParse(value);
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.length > 0 ? doc.getIn(issue.path as (string | number)[], true) : doc.contents;
      const r = (at as { range?: [number, number] } | null)?.range ?? [0, 0];
      problem(r[0], r[1], `.ehcprc.yaml: ${issue.path.join('.') || 'top level'}: ${issue.message}`);
    }
  }
  const rules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  const rulesNode = doc.get('rules', true);
  for (const [id, severity] of Object.entries(rules)) {
    if (!allRuleIds.includes(id)) {
      const key = isMap(rulesNode) ? rulesNode.items.find((p) => isScalar(p.key) && p.key.value === id)?.key : undefined;
      const r = (key as { range?: [number, number] } | undefined)?.range ?? [0, 0];
      problem(r[0], r[1], `"${id}" is not a rule.${didYouMean(id, allRuleIds)}`);
      continue;
    }
    if (level.safeParse(severity).success) (config.rules ??= {})[id] = severity as Severity | 'off';
  }
  if (Array.isArray(raw.extraVaguePhrases)) {
    config.extraVaguePhrases = raw.extraVaguePhrases.filter((p): p is string => typeof p === 'string' && p.trim().length >= 2);
  }
  for (const key of ['names', 'words', 'stockPhrases'] as const) {
    const list = raw[key];
    if (Array.isArray(list)) config[key] = list.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  }
  if (raw.glossary && typeof raw.glossary === 'object' && !Array.isArray(raw.glossary)) {
    const glossary: Record<string, string> = {};
    for (const [term, meaning] of Object.entries(raw.glossary as Record<string, unknown>)) {
      if (term.trim() !== '' && typeof meaning === 'string' && meaning.trim() !== '') glossary[term] = meaning;
    }
    config.glossary = glossary;
  }
  return { config, findings };
}
