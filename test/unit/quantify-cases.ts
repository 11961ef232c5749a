/**
 * The labelled provision statements, read from test/fixtures/reading/statements.yaml (where the
 * labelling decisions are written down). All children are fictional. The same file feeds
 * `npm run accuracy`, so the figures and the tests always describe one set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Missing } from '../../server/src/core/quantify-types';

export interface QuantifyCase {
  text: string;
  missing: Missing[];
  vague?: string[];
  provider?: string[];
  devises?: string[];
  oversees?: string[];
  perWeek?: number;
  minutes?: number;
  bound?: 'exact' | 'floor' | 'ceiling';
  /** Group size: a number for the stated maximum, null for a group with no size ("small group"). */
  group?: number | null;
  /** Weeks a year: a number, or null for a period with no number ("term time only"). */
  weeksPerYear?: number | null;
  pervasive?: boolean;
  /** A substring of some provider's qualification. */
  qualification?: string;
  /** The only "what" is "support", "sessions", "time with" … (provision-no-content). */
  noContent?: boolean;
  /** Written in the adviser's voice (adviser-voice). */
  adviserVoice?: boolean;
  /** Equipment or a record: the item itself is the specification, so no deliverer is labelled. */
  item?: boolean;
  /** The section the statement is filed under for `npm run accuracy` (F unless given). */
  section?: 'F' | 'G' | 'H1' | 'H2';
}

export interface QuantifyGroup {
  group: string;
  cases: QuantifyCase[];
}

export const statementsFile = join(__dirname, '../fixtures/reading/statements.yaml');

export const quantifyGroups: readonly QuantifyGroup[] = parse(readFileSync(statementsFile, 'utf8')) as QuantifyGroup[];

export const quantifyCases: readonly QuantifyCase[] = quantifyGroups.flatMap((g) => g.cases);
