/**
 * What to tell a writer about a top-level field the format does not have: the field it was meant to
 * be ("did you mean"), the list a section's text belongs in ("section_f:" → provision with
 * section: F), or, when the field holds provision or needs written outside their lists, where the
 * text belongs. Pure: the value is the field's plain JavaScript value.
 */
import { quantify } from './quantify';
import { didYouMean } from './suggest';

interface Target {
  field: string;
  /** How one item of that list is written. */
  item: string;
  what: string;
}

const PROVISION = (section: string, what: string): Target => ({
  field: 'provision',
  item: `an item with id, section: ${section}, needs and text`,
  what,
});
const NEEDS = (section: string, what: string, area = ''): Target => ({
  field: 'needs',
  item: `an item with id, section: ${section}${area}, and text`,
  what,
});

/** Section letters and names that writers use as field names, by the list they belong in. */
const ALIASES: { test: RegExp; target: Target }[] = [
  { test: /^(?:section)?f$|^specialeducational(?:needs)?provisions?$|^sep$|^provisions$|^educationprovisions?$|^senprovisions?$|^educationalprovisions?$/, target: PROVISION('F', 'Special educational provision (Section F)') },
  { test: /^(?:section)?g$|^health(?:care)?provisions?$/, target: PROVISION('G', 'Health provision (Section G)') },
  { test: /^(?:section)?h[12]?$|^socialcareprovisions?$/, target: PROVISION('H1 or H2', 'Social care provision (Section H1 or H2)') },
  { test: /^(?:section)?b$|^specialeducationalneeds?$|^sen$|^senneeds?$|^educationalneeds?$|^need$/, target: NEEDS('B', 'Special educational needs (Section B)', ', area') },
  { test: /^(?:section)?c$|^health(?:care)?needs?$/, target: NEEDS('C', 'Health needs (Section C)') },
  { test: /^(?:section)?d$|^socialcareneeds?$/, target: NEEDS('D', 'Social care needs (Section D)') },
  { test: /^(?:section)?e$|^outcome$|^targets$/, target: { field: 'outcomes', item: 'an item with id, needs and text', what: 'Outcomes (Section E)' } },
  { test: /^(?:section)?a$|^viewsandaspirations$|^aspirations$|^childsviews$|^parentsviews$/, target: { field: 'views', item: 'child:, parents:, aspirations: or history:', what: 'Views, interests and aspirations (Section A)' } },
  { test: /^(?:section)?i$|^namedschool$|^school$|^setting$|^placements$/, target: { field: 'placement', item: 'name and type', what: 'The placement (Section I)' } },
  { test: /^(?:section)?j$|^budget$|^personalbudgets$/, target: { field: 'personal_budget', item: '"none", or amount and covers', what: 'The personal budget (Section J)' } },
  { test: /^(?:section)?k$|^advices$|^adviceandinformation$|^appendices$|^reports$/, target: { field: 'advice', item: 'an item with id, professional, author, date and file', what: 'Advice and information (Section K)' } },
];

const NEED_WORDS = /\b(?:finds?\s+it\s+(?:hard|difficult)|struggles?|has\s+difficult(?:y|ies)|difficult(?:y|ies)\s+with|is\s+unable|cannot|can't|needs?\s+help|delay(?:ed)?|diagnos\w*|becomes?\s+(?:anxious|upset|distressed|dysregulated)|below\s+(?:the\s+)?(?:expected|age)|working\s+at)\b/i;

/** The prose a value holds: strings, and the `text` of maps, up to a bound. */
function textsIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (out.length >= 20 || depth > 3) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value.slice(0, 20)) textsIn(v, out, depth + 1);
  else if (value && typeof value === 'object') for (const v of Object.values(value).slice(0, 20)) textsIn(v, out, depth + 1);
  return out;
}

function holds(value: unknown): 'provision' | 'needs' | undefined {
  const texts = textsIn(value).filter((t) => t.trim().split(/\s+/).length >= 4);
  if (texts.length === 0) return undefined;
  if (texts.some((t) => NEED_WORDS.test(t))) return 'needs';
  if (texts.some((t) => {
    const r = quantify(t.slice(0, 2000));
    return r.frequency !== undefined || r.amount !== undefined || r.providers.some((p) => p.capacity === 'delivers');
  })) return 'provision';
  return undefined;
}

/** The message for an unknown top-level field `key` holding `value`; `known` are the format's top-level fields. */
export function unknownTopLevelField(key: string, value: unknown, known: readonly string[]): string {
  const norm = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  const alias = ALIASES.find((a) => a.test.test(norm))?.target;
  const content = holds(value);
  if (alias && alias.field !== key) {
    const move = content ? ` It holds ${content === 'needs' ? 'needs' : 'provision'} written outside the ${alias.field} list:` : '';
    return `"${key}" is not a field of a plan.${move} ${alias.what} ${/needs|Outcomes/.test(alias.what) ? 'belong' : 'belongs'} under "${alias.field}:", written as ${alias.item}.`;
  }
  const hint = didYouMean(key, known);
  if (hint) return `"${key}" is not a field of a plan.${hint}`;
  if (content === 'provision') {
    return `"${key}" is not a field of a plan, and it holds provision written outside the provision list. Move each piece into "provision:" as an item with id, section (F for education, G for health, H1 or H2 for social care), needs and text.`;
  }
  if (content === 'needs') {
    return `"${key}" is not a field of a plan, and it holds needs written outside the needs list. Move each need into "needs:" as an item with id, section (B, C or D), area (for B) and text.`;
  }
  return `"${key}" is not a field of a plan. The top-level fields are ${known.join(', ')}.`;
}
