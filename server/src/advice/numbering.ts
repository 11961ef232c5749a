/**
 * Word's automatic numbering, reconstructed as a reader sees it on the page: `w:numPr` (or the
 * paragraph style's) → `w:num` → `w:abstractNum`; `w:lvlText` templates (`%1.%2`, `R%1`);
 * `w:startOverride`, applied at its numId's first use; counters kept per abstract list, so lists
 * that share one continue and a restarted list starts again; `w:lvlRestart`; `w:isLgl`.
 */
import { child, children, isOn, val, type XmlElement } from './xml';

/**
 * LibreOffice is this reader's reference rendering (the oracle, and what families without
 * Word see). LibreOffice 7.4 ignores two rarely used properties that Word honours: `w:lvlRestart`
 * (a lower level always restarts after a higher one) and `w:isLgl` (legal numbering, digits for
 * every level). Set true to number as Word does instead.
 */
const WORD_ONLY = false;

interface Level {
  start: number;
  format: string;
  text: string;
  /** 0 = never restarts; n = restarts after level n (1-based) is used; undefined = after any higher level. */
  restart?: number;
  legal: boolean;
  suffix: string;
  style?: string;
}

interface AbstractList {
  levels: Map<number, Level>;
  /** A list defined by a numbering style (`w:numStyleLink`): its levels are that style's list. */
  styleLink?: string;
}

interface NumInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractList>;
  nums: Map<string, NumInstance>;
}

function readLevel(lvl: XmlElement): Level {
  const restart = val(lvl, 'w:lvlRestart');
  return {
    start: toInt(val(lvl, 'w:start'), 1),
    format: val(lvl, 'w:numFmt') ?? 'decimal',
    text: val(lvl, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : toInt(restart, 0),
    legal: isOn(lvl, 'w:isLgl'),
    suffix: val(lvl, 'w:suff') ?? 'tab',
    style: val(lvl, 'w:pStyle'),
  };
}

export function readNumbering(root: XmlElement | undefined): NumberingDefinitions {
  const abstracts = new Map<string, AbstractList>();
  const nums = new Map<string, NumInstance>();
  for (const a of children(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'w:lvl')) levels.set(toInt(lvl.attrs['w:ilvl'], 0), readLevel(lvl));
    abstracts.set(a.attrs['w:abstractNumId'] ?? '', { levels, styleLink: val(a, 'w:numStyleLink') });
  }
  for (const n of children(root, 'w:num')) {
    const starts = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const o of children(n, 'w:lvlOverride')) {
      const ilvl = toInt(o.attrs['w:ilvl'], 0);
      const start = val(o, 'w:startOverride');
      if (start !== undefined) starts.set(ilvl, toInt(start, 1));
      const lvl = child(o, 'w:lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    nums.set(n.attrs['w:numId'] ?? '', { abstractId: val(n, 'w:abstractNumId') ?? '', starts, levels });
  }
  return { abstracts, nums };
}

export interface RenderedNumber {
  /** The label as rendered ("3.2", "R4", "a)"); empty for a bullet or a level with no text. */
  text: string;
  bullet: boolean;
  suffix: string;
}

/** Counts numbered paragraphs in document order. One per document: it holds the counters. */
export class NumberingCounter {
  /** Counters per abstract list: level → current value (absent = not yet used since its reset). */
  private readonly counters = new Map<string, Map<number, number>>();
  private readonly usedNums = new Set<string>();

  constructor(
    private readonly defs: NumberingDefinitions,
    /** A numbering style's numId, for abstract lists defined by `w:numStyleLink`. */
    private readonly styleNumId: (styleId: string) => string | undefined = () => undefined,
  ) {}

  /** The level in a list that a paragraph style is linked to (`w:lvl/w:pStyle`). */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const abs = this.abstractOf(numId);
    for (const [ilvl, level] of abs?.list.levels ?? []) if (level.style === styleId) return ilvl;
    return undefined;
  }

  /** The label of the next paragraph numbered (numId, ilvl), counting it. Undefined for no numbering. */
  next(numId: string, ilvl: number): RenderedNumber | undefined {
    if (numId === '0') return undefined;
    const num = this.defs.nums.get(numId);
    const abs = this.abstractOf(numId);
    if (!num || !abs) return undefined;
    const level = (l: number): Level | undefined => num.levels.get(l) ?? abs.list.levels.get(l);
    const own = level(ilvl);
    if (!own) return undefined;
    let counts = this.counters.get(abs.id);
    if (!counts) this.counters.set(abs.id, (counts = new Map()));
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      for (const [l, start] of num.starts) {
        counts.set(l, start - 1);
        for (const k of [...counts.keys()]) if (k > l) counts.delete(k);
      }
    }
    const current = counts.get(ilvl);
    counts.set(ilvl, current === undefined ? own.start : current + 1);
    for (const k of [...counts.keys()]) {
      if (k <= ilvl) continue;
      const r = WORD_ONLY ? level(k)?.restart : undefined;
      if (r === 0) continue;
      if (r === undefined || ilvl < r) counts.delete(k);
    }
    if (own.format === 'bullet') return { text: '', bullet: true, suffix: own.suffix };
    const text = own.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = level(l);
      const value = counts!.get(l) ?? lv?.start ?? 1;
      return formatNumber(value, WORD_ONLY && own.legal && l < ilvl ? 'decimal' : (lv?.format ?? 'decimal'));
    });
    return { text, bullet: false, suffix: own.suffix };
  }

  private abstractOf(numId: string): { id: string; list: AbstractList } | undefined {
    let num = this.defs.nums.get(numId);
    for (let hops = 0; num && hops < 4; hops++) {
      const list = this.defs.abstracts.get(num.abstractId);
      if (!list) return undefined;
      if (!list.styleLink) return { id: num.abstractId, list };
      const linked = this.styleNumId(list.styleLink);
      num = linked ? this.defs.nums.get(linked) : undefined;
    }
    return undefined;
  }
}

/** A counter value in one of Word's number formats. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'ordinal':
      return `${n}${ordinalSuffix(n)}`;
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Word's letters: A…Z, then AA…ZZ, AAA… (the letter repeated). */
function letter(n: number): string {
  if (n <= 0) return String(n);
  const repeat = Math.floor((n - 1) / 26) + 1;
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(repeat);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

function toInt(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}
