import type { Span } from '../types';

/** Who delivers a provision item, as written. */
export interface Provider {
  /** Canonical role, e.g. "Speech and Language Therapist", "Teaching Assistant". */
  role: string;
  /** The words as written, e.g. "SaLT", "an HCPC-registered Speech and Language Therapist". */
  text: string;
  span: Span;
  /** Level of expertise or training, e.g. "HCPC-registered", "trained in Precision Teaching", "Makaton Level 1". */
  qualification?: string;
  /** "delivers" (default) or "devises" (a programme devised by this professional and delivered by another). */
  capacity: 'delivers' | 'devises' | 'oversees';
}

export interface Frequency {
  text: string;
  span: Span;
  /** Sessions per week when it can be worked out (daily = 5, fortnightly = 0.5, half-termly ≈ 1/6.33). */
  perWeek?: number;
  /** True for pervasive provision: "in every lesson", "throughout the school day". */
  pervasive?: boolean;
}

export interface Amount {
  text: string;
  span: Span;
  /** Minutes per session, or per stated period, when it can be worked out. */
  minutes?: number;
  /** "exact" (45 minutes), "floor" (at least / a minimum of), "ceiling" (up to — could be zero). */
  bound: 'exact' | 'floor' | 'ceiling';
}

export interface GroupSize {
  text: string;
  span: Span;
  /** 1 for 1:1 / individual; the stated maximum for "a group of no more than 4"; undefined when unstated ("small group"). */
  max?: number;
}

export interface Period {
  text: string;
  span: Span;
  /** e.g. 38 for "38 weeks a year"; 39 for "term time" is NOT assumed: undefined unless stated. */
  weeksPerYear?: number;
}

export type VagueKind =
  | 'discretionary' // as required, as appropriate, where possible, if needed, subject to review
  | 'optional' // should, may, could, would benefit from, it is recommended, encouraged to
  | 'unquantified' // access to, opportunities, regular, frequent, occasional, support/input with nothing quantified
  | 'unspecified-group' // small group / small class with no size
  | 'unspecified-provider' // an appropriate professional, staff, adults
  | 'ceiling'; // up to N — a ceiling that could be zero

export interface VaguePhrase {
  phrase: string;
  span: Span;
  kind: VagueKind;
  /** Plain-English advice on what to write instead, shown to the writer. */
  advice: string;
  /** A compliant replacement for the phrase, with `__` placeholders where the writer must fill in. */
  replacement?: string;
}

export type Missing = 'provider' | 'frequency' | 'amount';

/** What a careful reader understands from one provision text. */
export interface ProvisionReading {
  providers: Provider[];
  frequency?: Frequency;
  amount?: Amount;
  group?: GroupSize;
  period?: Period;
  vague: VaguePhrase[];
  /** What a tribunal reader could not tell from the text. */
  missing: Missing[];
  /** Where the text speaks as the adviser ("I recommend that", "In my professional opinion"). */
  adviserVoice?: { text: string; span: Span };
  /**
   * The only words that say what is provided, when they say nothing a school could deliver
   * ("support", "sessions", "time with"): LB Redbridge v HO [2020] UKUT 323.
   */
  unnamedContent?: { text: string; span: Span };
}

export interface QuantifyOptions {
  /** Extra vague phrases from configuration (case-insensitive, matched on word boundaries). */
  extraVaguePhrases?: string[];
}
