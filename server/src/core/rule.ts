import type { ParsedPlan, PlanModel, ProvisionItem } from './parse';
import type { ProvisionReading } from './quantify-types';
import type { Fix, Range, Severity } from './types';

export interface RuleContext {
  parsed: ParsedPlan;
  plan: PlanModel;
  /** What the quantification reader understood from a provision item's text (cached per item). */
  reading(item: ProvisionItem): ProvisionReading | undefined;
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
