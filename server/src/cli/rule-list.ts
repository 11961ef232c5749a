/** Every rule id a finding can carry, for `ehcp rules` and SARIF. */
import { parserRules, ruleDocPath, rules } from '../core/rules/index';
import type { Severity } from '../core/types';
import { plural } from './format-text';

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Where the rule docs are published. */
export const DOCS_BASE = 'https://github.com/ehcp-plan-writer/ehcp-plan-writer/blob/main/';

/** Problems in `.ehcprc.yaml` itself; reported by the CLI against the configuration file. */
export const configRule: RuleInfo = {
  id: 'config',
  severity: 'error',
  description: 'The .ehcprc.yaml configuration has a mistake (not valid YAML, an unknown rule or an unknown severity).',
};

export function allRules(): RuleInfo[] {
  return [...parserRules, ...rules, configRule].map((r) => ({ id: r.id, severity: r.severity, description: r.description }));
}

export function ruleHelpUri(id: string): string {
  return DOCS_BASE + ruleDocPath(id);
}

export function formatRulesText(list: readonly RuleInfo[]): string {
  const idWidth = Math.max(4, ...list.map((r) => r.id.length));
  const sevWidth = Math.max(8, ...list.map((r) => r.severity.length));
  const lines = [`${'rule'.padEnd(idWidth)}  ${'default'.padEnd(sevWidth)}  description`];
  for (const r of list) lines.push(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(sevWidth)}  ${r.description}`);
  lines.push('', `${plural(list.length, 'rule')}. Change a severity or switch a rule off in .ehcprc.yaml, for example:`, '  rules:', '    provision-vague: warning');
  return `${lines.join('\n')}\n`;
}

export function formatRulesJson(list: readonly RuleInfo[]): string {
  return `${JSON.stringify(list.map((r) => ({ ...r, helpUri: ruleHelpUri(r.id) })), null, 2)}\n`;
}
