/**
 * The export's entry points: plan text → checked plan → Word bytes. Pure apart from packing
 * (docx's zip writer); reading and writing files is the caller's (cli/export.ts, client/src/export.ts).
 */
import { Packer } from 'docx';
import { stringify } from 'yaml';
import { checkPlan } from '../core/check';
import type { RuleConfig } from '../core/config';
import { createGlossary, termsInPlan, type GlossaryEntry } from '../core/glossary';
import { planSchema, type Plan } from '../core/model';
import { parsePlan } from '../core/parse';
import type { Finding } from '../core/types';
import { checkAccessibility, type AccessibilityProblem } from './accessibility';
import { buildDocument, type ExportOptions, type ExportSource } from './document';

export type { ExportOptions, ExportSource } from './document';

/** A plan ready to export, or the reason it cannot be. */
export type PreparedPlan =
  | {
      ok: true;
      source: ExportSource;
      findings: Finding[];
      errors: Finding[];
      /** The glossary section: the terms the plan uses that the glossary explains. Pass it as `options.glossary`. */
      glossary: GlossaryEntry[];
      /** Terms the plan uses that no glossary explains: tell the writer before exporting. */
      unexplainedTerms: string[];
    }
  | { ok: false; reason: string; findings: Finding[] };

/** Parse, check and validate a plan's text for export. A plan the schema rejects cannot be exported, even when forced. */
export function preparePlan(text: string, path: string, config?: RuleConfig): PreparedPlan {
  const parsed = parsePlan(text);
  const findings = checkPlan(parsed, config ? { config } : {});
  const result = planSchema.safeParse(parsed.value);
  if (parsed.hasSyntaxErrors || !result.success) {
    // The reason names the rule and line, never the finding's message: messages can quote plan text.
    const blocking = findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
    const first = blocking[0];
    const where = first ? ` (${plural(blocking.length, 'problem')}, the first a ${first.rule} problem on line ${first.range.start.line + 1}: see ehcp check or the Problems panel)` : '';
    return { ok: false, reason: `the plan cannot be read as a plan, so it cannot be exported${where}`, findings };
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const plan = result.data as Plan;
  const terms = glossaryFor(plan, config);
  return { ok: true, source: { plan, text, path }, findings, errors, glossary: terms.explained, unexplainedTerms: terms.unexplained };
}

/** The built-in glossary, then the caseload's, then the plan's own, applied to the plan's prose. */
export function glossaryFor(plan: Plan, config?: RuleConfig): { explained: GlossaryEntry[]; unexplained: string[] } {
  return termsInPlan(plan, createGlossary(config?.glossary, plan.glossary));
}

function isSource(input: ExportSource | Plan): input is ExportSource {
  return typeof (input as ExportSource).text === 'string' && typeof (input as ExportSource).plan === 'object' && (input as ExportSource).plan !== null;
}

function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

/** A document that failed the accessibility checker: it is never written. */
export class AccessibilityError extends Error {
  constructor(readonly problems: AccessibilityProblem[]) {
    super(`the Word document failed the accessibility check: ${problems[0]?.message ?? 'unknown problem'}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  }
}

/**
 * The Word document for a plan, as bytes (a Node Buffer): built, packed and checked for accessibility.
 * Give it the plan with its text and path (from preparePlan), or a validated plan object alone: its
 * text is then its YAML serialisation (what `ehcp_plan_hash` is taken of) and its path is empty.
 * Throws AccessibilityError rather than return a document that fails the checker.
 */
export async function exportToDocx(input: ExportSource | Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  const source: ExportSource = isSource(input) ? input : { plan: input, text: stringify(input), path: '' };
  const glossary = options.glossary ?? glossaryFor(source.plan).explained;
  const packed = await Packer.toBuffer(buildDocument(source, { ...options, glossary }));
  // Typed as its Uint8Array view (@types/node 20's Buffer does not match TypeScript 5.9's Uint8Array); it is a Buffer.
  const bytes = packed as unknown as Uint8Array;
  const problems = checkAccessibility(bytes, { largePrint: options.largePrint });
  if (problems.length > 0) throw new AccessibilityError(problems);
  return bytes;
}
