/**
 * Inlay hints after each provision text: what a reader understands from it, at a glance
 * ("SALT · weekly · 45 min · 1:1"), or what is missing ("⚠ no frequency").
 */
import { readingsFor } from './check';
import type { RuleConfig } from './config';
import { escapeMarkdown } from './completion';
import type { ParsedPlan, ProvisionItem, Str } from './parse';
import type { Missing, ProvisionReading } from './quantify-types';
import type { Position, Range } from './types';
import { getRole } from './vocabulary';

export interface InlayHint {
  position: Position;
  label: string;
  /** Markdown: the full reading. */
  tooltip?: string;
  /** 'warning' when something is missing or vague. */
  kind: 'summary' | 'warning';
}

export interface ReadingOptions {
  config?: RuleConfig;
}

const MISSING_SHORT: Record<Missing, string> = { provider: 'no provider', frequency: 'no frequency', amount: 'no amount' };
const MISSING_LONG: Record<Missing, string> = {
  provider: 'who delivers it (the role and their training)',
  frequency: 'how often',
  amount: 'how long each session lasts, or how many hours',
};

/** One hint at the end of each provision text that starts or ends within `range`. */
export function getInlayHints(parsed: ParsedPlan, range: Range, options: ReadingOptions = {}): InlayHint[] {
  const read = readingsFor(parsed, options.config);
  const hints: InlayHint[] = [];
  for (const item of parsed.plan.provision) {
    if (!item.text) continue;
    const position = textEnd(parsed, item.text);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    const reading = read(item);
    if (!reading) continue;
    const label = compactReading(reading);
    if (!label) continue;
    hints.push({ position, label, tooltip: readingMarkdown(reading, item), kind: reading.missing.length > 0 || reading.vague.length > 0 ? 'warning' : 'summary' });
  }
  return hints;
}

/** The end of a string value's last visible character (after a closing quote; before a block scalar's line break). */
export function textEnd(parsed: ParsedPlan, str: Str): Position {
  const r = str.node.range;
  if (!r) return str.range.end;
  let end = r[1];
  while (end > r[0] && /\s/.test(parsed.text[end - 1]!)) end--;
  return parsed.index.positionAt(end);
}

/** A short name for a role: its usual abbreviation when it has one. */
function shortRole(role: string): string {
  return getRole(role)?.abbreviations[0] ?? role;
}

function frequencyLabel(r: ProvisionReading): string | undefined {
  const f = r.frequency;
  if (!f) return undefined;
  const n = f.perWeek;
  if (!f.pervasive && n !== undefined) {
    if (n === 1) return 'weekly';
    if (n === 5) return 'daily';
    if (n === 0.5) return 'fortnightly';
    if (Number.isInteger(n) && n > 1) return `${n}× a week`;
  }
  return f.text.trim();
}

export function minutesLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function amountLabel(r: ProvisionReading): string | undefined {
  const a = r.amount;
  if (!a) return undefined;
  const bound = a.bound === 'floor' ? '≥ ' : a.bound === 'ceiling' ? 'up to ' : '';
  return a.minutes !== undefined ? `${bound}${minutesLabel(a.minutes)}` : a.text.trim();
}

function groupLabel(r: ProvisionReading): string | undefined {
  const g = r.group;
  if (!g || g.max === undefined) return undefined;
  return g.max === 1 ? '1:1' : `group ≤ ${g.max}`;
}

function periodLabel(r: ProvisionReading): string | undefined {
  const p = r.period;
  if (!p) return undefined;
  return p.weeksPerYear !== undefined ? `${p.weeksPerYear} wks/yr` : p.text.trim();
}

function providersLabel(r: ProvisionReading): string | undefined {
  const names: string[] = [];
  for (const p of r.providers) {
    const name = shortRole(p.role) + (p.capacity === 'devises' ? ' (devises)' : p.capacity === 'oversees' ? ' (oversees)' : '');
    if (!names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names.join(', ') : undefined;
}

/** "SALT · weekly · 45 min · 1:1 · 38 wks/yr", with "⚠ no frequency" and the like for what is missing. */
export function compactReading(r: ProvisionReading): string {
  const parts = [providersLabel(r), frequencyLabel(r), amountLabel(r), groupLabel(r), periodLabel(r)].filter((p): p is string => !!p);
  const warnings = r.missing.map((m) => MISSING_SHORT[m]);
  if (r.vague.length > 0) warnings.push(r.vague.length === 1 ? `vague: “${r.vague[0]!.phrase}”` : `${r.vague.length} vague phrases`);
  if (warnings.length > 0) parts.push(`⚠ ${warnings.join(', ')}`);
  return parts.join(' · ');
}

/** The full reading as markdown, for hovers and hint tooltips. */
export function readingMarkdown(r: ProvisionReading, item?: ProvisionItem): string {
  const lines = [`**What a reader understands${item?.id ? ` from ${escapeMarkdown(item.id.value)}` : ''}**`, ''];
  const row = (label: string, value: string | undefined) => value && lines.push(`- **${label}:** ${value}`);
  const providers = r.providers.map((p) => {
    const extra = [p.qualification, p.capacity === 'devises' ? 'devises the programme' : p.capacity === 'oversees' ? 'oversees' : undefined].filter(Boolean).join('; ');
    return `${escapeMarkdown(p.role)}${extra ? ` (${escapeMarkdown(extra)})` : ''}`;
  });
  row('Who', providers.join(', ') || undefined);
  row('How often', r.frequency && escapeMarkdown(r.frequency.text.trim()) + (r.frequency.pervasive ? ' (pervasive)' : ''));
  row('How long', r.amount && escapeMarkdown(r.amount.text.trim()) + (r.amount.bound === 'ceiling' ? ' (a ceiling only: it could be nothing)' : r.amount.bound === 'floor' ? ' (a minimum)' : ''));
  row('Group', r.group && escapeMarkdown(r.group.text.trim()) + (r.group.max === undefined ? ' (no size given)' : ''));
  row('Period', r.period && escapeMarkdown(r.period.text.trim()));
  if (lines.length === 2) lines.push('- Nothing specific: no deliverer, frequency or amount could be read.');
  if (r.missing.length > 0) lines.push('', `**Missing:** ${r.missing.map((m) => MISSING_LONG[m]).join('; ')}.`);
  if (r.vague.length > 0) {
    lines.push('', '**Vague wording:**');
    for (const v of r.vague) lines.push(`- “${escapeMarkdown(v.phrase)}”: ${escapeMarkdown(v.advice)}`);
  }
  return lines.join('\n');
}
