/** Every rule, in the order findings are reported for one item. Ids are a public interface. */
import type { Rule } from '../rule';
import { adviceFileMissing } from './advice-file-missing';
import { adviceRecommendationUnused } from './advice-recommendation-unused';
import { adviceUnreadable } from './advice-unreadable';
import { duplicateId } from './duplicate-id';
import { needWithoutOutcome } from './need-without-outcome';
import { needWithoutProvision } from './need-without-provision';
import { outcomeNotSmart } from './outcome-not-smart';
import { outcomeWithoutNeed } from './outcome-without-need';
import { outcomeWithoutProvision } from './outcome-without-provision';
import { provisionNoAmount } from './provision-no-amount';
import { provisionNoFrequency } from './provision-no-frequency';
import { provisionNoProvider } from './provision-no-provider';
import { provisionVague } from './provision-vague';
import { provisionWeakerThanAdvice } from './provision-weaker-than-advice';
import { provisionWithoutNeed } from './provision-without-need';
import { provisionWrongSection } from './provision-wrong-section';
import { unknownReference } from './unknown-reference';
import { provisionNoContent } from './provision-no-content';
import { adviserVoice } from './adviser-voice';

export const rules: readonly Rule[] = [
  provisionVague,
  provisionNoFrequency,
  provisionNoAmount,
  provisionNoProvider,
  needWithoutProvision,
  needWithoutOutcome,
  outcomeWithoutNeed,
  outcomeWithoutProvision,
  provisionWithoutNeed,
  unknownReference,
  duplicateId,
  provisionWrongSection,
  outcomeNotSmart,
  provisionNoContent,
  adviserVoice,
  adviceFileMissing,
  adviceUnreadable,
  adviceRecommendationUnused,
  provisionWeakerThanAdvice,
];

/** Findings made by the parser rather than a rule module; they can be re-levelled but not switched off. */
export const parserRules: readonly Pick<Rule, 'id' | 'severity' | 'description'>[] = [
  { id: 'yaml-syntax', severity: 'error', description: 'The file is not valid YAML, or cannot be read safely.' },
  { id: 'schema', severity: 'error', description: 'The plan does not have the shape of format version 1: a missing, misspelt or wrongly typed field.' },
];

export const allRuleIds: readonly string[] = [...parserRules, ...rules].map((r) => r.id);

/** The rule's documentation, relative to the project root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
