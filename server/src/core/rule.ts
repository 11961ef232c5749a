import type { AdviceResult } from '../advice/types';
import type { AdviceItem, ParsedPlan, PlanModel, ProvisionItem } from './parse';
import type { ProvisionReading } from './quantify-types';
import type { Fix, Range, Severity } from './types';

export interface RuleContext {
  parsed: ParsedPlan;
  plan: PlanModel;
  /** What the quantification reader understood from a provision item's text (cached per item). */
  reading(item: ProvisionItem): ProvisionReading | undefined;
  /**
   * The advice report an `advice:` entry's `file` names, as the host has read it: undefined when the
   * entry names no file, no host supplies advice, or the file is still being read (rules that need
   * it then say nothing, and the host checks again when the read completes).
   */
  advice(item: AdviceItem): AdviceResult | undefined;
  /** Report a finding at a range; the rule's configured severity is applied by the core. */
  report(range: Range, message: string, fixes?: Fix[]): void;
}

/** One checking rule. Its id is a public interface: never rename or reuse one. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line, shown in SARIF and the rule list. */
  description: string;
  check(context: RuleContext): void;
}

/** What a host supplies so rules can read advice reports: the result for one advice entry, if known. */
export type AdviceLookup = (item: AdviceItem) => AdviceResult | undefined;
