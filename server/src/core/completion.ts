/**
 * Completions while writing a plan: ids in `needs:` / `outcomes:` lists, advice ids in `evidence:`,
 * the format's keys at the cursor's level, its allowed values (sections, areas of need, pronouns,
 * status, placement types), new list items, and inside provision prose the professional roles and
 * quantified wording as snippets. Pure: plain data; the language server converts.
 */
import { contains, getCursorContext, describeSchema, elementOf, schemaAt, type CursorContext, type PathSegment } from './cursor';
import { nextId } from './edits';
import { planSchema } from './model';
import { excerpt } from './navigation';
import type { ParsedPlan, PlanItem } from './parse';
import { buildThread } from './thread';
import type { Position, Range } from './types';
import { roles } from './vocabulary';

export type CompletionKind = 'id' | 'reference' | 'key' | 'value' | 'snippet' | 'role';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line next to the label (an item's text, a key's type). */
  detail?: string;
  /** Shown beside the label in the list, greyed (for example "no provision yet"). */
  description?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces `range`; a snippet (tab stops `$1`, `${1:default}`) when `isSnippet`. Indentation is absolute. */
  insertText: string;
  range: Range;
  isSnippet?: boolean;
  sortText?: string;
  filterText?: string;
  /** Ask the editor for completions again after inserting (a key whose value has its own completions). */
  retrigger?: boolean;
  preselect?: boolean;
}

export interface CompletionOptions {
  /** The character that triggered completion, when it was typing rather than an explicit request. */
  triggerCharacter?: string;
}

/** What the plan's sections mean, for the `section:` completions and hovers. */
export const SECTION_MEANINGS: Record<string, string> = {
  A: 'Views, interests and aspirations of the child and parents',
  B: 'Special educational needs (SEN)',
  C: 'Health needs related to SEN',
  D: 'Social care needs related to SEN',
  E: 'Outcomes: the difference the provision should make',
  F: 'Special educational provision: legally enforceable against the local authority',
  G: 'Health provision, agreed by the health commissioner',
  H1: 'Social care provision under s.2 Chronically Sick and Disabled Persons Act 1970 (under-18s)',
  H2: 'Other social care provision',
  I: 'Placement: the named school or setting and its type',
  J: 'Personal budget',
  K: 'Advice and information gathered in the assessment',
};

/** Plain descriptions of allowed values that are not self-explanatory. */
export const VALUE_MEANINGS: Record<string, string> = {
  'communication and interaction': 'Speech, language and communication needs, including autism.',
  'cognition and learning': 'Learning at a slower pace, moderate, severe or profound learning difficulties, and specific learning difficulties such as dyslexia.',
  'social, emotional and mental health': 'Anxiety, low mood, attachment difficulties, ADHD and other needs that show in behaviour or wellbeing.',
  'sensory and/or physical': 'Vision, hearing or multi-sensory impairment, and physical disability.',
  draft: 'Sent to the family for comment (at least 15 days).',
  final: 'Issued; the local authority must secure the provision.',
  amended: 'Changed after an annual review.',
  ceased: 'No longer maintained.',
  'education otherwise than at school': 'EOTAS: education arranged outside a school or college (s.61 Children and Families Act 2014).',
};

/** The quantified wording offered inside provision text, as snippets with tab stops. */
export const QUANTITY_TEMPLATES: { label: string; snippet: string; documentation: string }[] = [
  {
    label: '__ minutes, __ times a week, delivered by __',
    snippet: '${1:__} minutes, ${2:__} times a week, delivered by ${3:__}',
    documentation: 'How long, how often and who: the three things a reader must be able to tell (Code of Practice 9.69).',
  },
  {
    label: 'direct 1:1 therapy from … , __ minutes once a week, 38 weeks a year',
    snippet: 'direct 1:1 ${1:speech and language therapy} from ${2:an HCPC-registered Speech and Language Therapist}, ${3:45} minutes ${4:once} a week, ${5:38} weeks a year',
    documentation: 'Direct therapy, quantified, with the therapist’s registration.',
  },
  {
    label: 'a programme devised by … and delivered by …',
    snippet: 'a programme devised by ${1:a Speech and Language Therapist} and delivered by ${2:a Teaching Assistant trained by the therapist}, ${3:20} minutes, ${4:3} times a week; the therapist reviews the programme every ${5:half term}',
    documentation: 'A programme written by one professional and delivered by another: name both, and how often the programme is reviewed.',
  },
  {
    label: 'in a group of no more than __ pupils',
    snippet: 'in a group of no more than ${1:4} pupils',
    documentation: '"Small group" with no size is vague: give the largest number.',
  },
  {
    label: '__ hours a week of 1:1 support from a Teaching Assistant trained in __',
    snippet: '${1:__} hours a week of ${2:1:1} support from a Teaching Assistant trained in ${3:__}',
    documentation: 'Hours of adult support, with the training the adult has.',
  },
  {
    label: 'in every lesson, by the class teacher and …',
    snippet: 'in every lesson, by ${1:the class teacher and the Teaching Assistant}',
    documentation: 'Pervasive provision is specific when the deliverer is named.',
  },
  {
    label: '__ weeks a year',
    snippet: '${1:38} weeks a year',
    documentation: 'The period: term time only (38 or 39 weeks) or all year (52 weeks).',
  },
];

const LIST_OF_OBJECTS = new Set(['needs', 'outcomes', 'provision', 'advice']);

/** Completions at a position. Never throws; an empty list when nothing fits. */
export function getCompletions(parsed: ParsedPlan, position: Position, options: CompletionOptions = {}): CompletionItem[] {
  const ctx = getCursorContext(parsed, position);
  switch (ctx.kind) {
    case 'key':
      return keyCompletions(parsed, ctx);
    case 'item':
      return itemCompletions(parsed, ctx, options);
    case 'flow-item':
      return listValueCompletions(parsed, ctx, ctx.path.slice(0, -1), options);
    case 'value':
      return valueCompletions(parsed, ctx, options);
    case 'text':
      return proseCompletions(parsed, ctx, options);
    default:
      return [];
  }
}

function eolOf(parsed: ParsedPlan): string {
  return parsed.text.includes('\r\n') ? '\r\n' : '\n';
}

const pad = (n: number) => String(n).padStart(4, '0');

// ---------------------------------------------------------------- keys

function keyCompletions(parsed: ParsedPlan, ctx: CursorContext): CompletionItem[] {
  const info = describeSchema(schemaAt(planSchema, ctx.path));
  if (info.type !== 'object' && info.type !== 'union') return [];
  const present = new Set(ctx.siblingKeys);
  const line = parsed.index.lineText(ctx.range.start.line);
  const keyOnly = /^\s*:/.test(line.slice(ctx.range.end.character));
  const eol = eolOf(parsed);
  const items: CompletionItem[] = [];
  info.keys.forEach((key, i) => {
    if (present.has(key)) return;
    const path = [...ctx.path, key];
    const field = describeSchema(schemaAt(planSchema, path));
    const insert = keyOnly ? { text: key, retrigger: false } : keyInsert(path, key, field, ctx.column, eol);
    items.push({
      label: key,
      kind: 'key',
      detail: `${field.required ? 'required' : 'optional'} · ${typeLabel(path, field)}`,
      documentation: field.description,
      insertText: insert.text,
      isSnippet: !keyOnly,
      range: ctx.range,
      sortText: `${field.required ? 0 : 1}${pad(i)}`,
      retrigger: insert.retrigger,
    });
  });
  if (ctx.path.length === 0 && ctx.siblingKeys.length === 0 && !keyOnly) items.push(skeleton(parsed, ctx));
  return items;
}

function typeLabel(path: PathSegment[], field: ReturnType<typeof describeSchema>): string {
  if (field.type === 'array') {
    const element = describeSchema(elementOf(schemaAt(planSchema, path)));
    return element.type === 'object' ? 'list of blocks' : 'list';
  }
  if (field.type === 'object') return 'block of fields';
  if (field.type === 'enum' || field.type === 'literal') return `one of ${field.options.join(', ')}`;
  if (field.type === 'union') return [...field.options, 'or a block'].join(', ');
  return 'text';
}

function keyInsert(path: PathSegment[], key: string, field: ReturnType<typeof describeSchema>, column: number, eol: string): { text: string; retrigger: boolean } {
  const inner = ' '.repeat(column + 2);
  if (field.type === 'object') return { text: `${key}:${eol}${inner}$0`, retrigger: true };
  if (field.type === 'array') {
    const element = describeSchema(elementOf(schemaAt(planSchema, path)));
    if (element.type === 'object') return { text: `${key}:${eol}${inner}- $0`, retrigger: true };
    return { text: `${key}: [$0]`, retrigger: true };
  }
  if (field.type === 'literal' && field.options.length === 1) return { text: `${key}: ${field.options[0]}`, retrigger: false };
  if (field.type === 'enum' || field.type === 'union') return { text: `${key}: $0`, retrigger: true };
  return { text: `${key}: $0`, retrigger: false };
}

function skeleton(parsed: ParsedPlan, ctx: CursorContext): CompletionItem {
  const eol = eolOf(parsed);
  const lines = [
    'ehcp: 1',
    'child:',
    '  name: ${1:Full legal name}',
    '  known_as: ${2:Name}',
    '  pronouns: ${3|she/her,he/him,they/them|}',
    '  date_of_birth: ${4:YYYY-MM-DD}',
    'plan:',
    '  local_authority: ${5:Local authority}',
    '  caseworker: ${6:Caseworker}',
    '  status: draft',
    'views:',
    '  child: ${7:What ${2} says matters to them}',
    '  parents: ${8:What the family says}',
    '  aspirations: ${9:Hopes for the future}',
    'advice:',
    '  - id: ${10:salt}',
    '    professional: ${11:Speech and Language Therapist}',
    'needs:',
    '  - id: N1',
    '    section: B',
    '    area: ${12|communication and interaction,cognition and learning,social\\, emotional and mental health,sensory and/or physical|}',
    '    text: ${13:What ${2} finds hard}',
    'outcomes:',
    '  - id: O1',
    '    needs: [N1]',
    '    text: By ${14:July 2027}, ${2} will ${15:…}',
    'provision:',
    '  - id: P1',
    '    section: F',
    '    needs: [N1]',
    '    outcomes: [O1]',
    '    text: ${16:What is provided}, delivered by ${17:role and training}, ${18:__} minutes, ${19:__} times a week',
    'placement:',
    '  name: ${20:to be named}',
    '  type: ${21|mainstream,early years setting,resourced provision,special,independent special,further education,specialist post-16,education otherwise than at school,other|}',
    'personal_budget: none',
    '$0',
  ];
  return {
    label: 'EHC plan skeleton',
    kind: 'snippet',
    detail: 'Every section of a plan, A to K',
    documentation: 'A new plan with every section and one need, outcome and provision item linked by the golden thread.',
    insertText: lines.join(eol),
    isSnippet: true,
    range: ctx.range,
    sortText: '0000',
    preselect: true,
  };
}

// ---------------------------------------------------------------- list items

function itemCompletions(parsed: ParsedPlan, ctx: CursorContext, options: CompletionOptions): CompletionItem[] {
  const listPath = ctx.path.slice(0, -1);
  const element = describeSchema(schemaAt(planSchema, ctx.path));
  if (element.type === 'object') {
    const keys = keyCompletions(parsed, { ...ctx, kind: 'key' });
    const list = listPath[listPath.length - 1];
    if (listPath.length === 1 && typeof list === 'string' && LIST_OF_OBJECTS.has(list) && ctx.siblingKeys.length === 0) {
      const snippet = newItemSnippet(parsed, list as 'needs' | 'outcomes' | 'provision' | 'advice', ctx);
      if (snippet) return [snippet, ...keys];
    }
    return keys;
  }
  return listValueCompletions(parsed, ctx, listPath, options);
}

function newItemSnippet(parsed: ParsedPlan, list: 'needs' | 'outcomes' | 'provision' | 'advice', ctx: CursorContext): CompletionItem | undefined {
  const eol = eolOf(parsed);
  const c = ' '.repeat(ctx.column);
  const name = parsed.plan.child.known_as?.value ?? 'the child';
  const firstNeed = parsed.plan.needs.find((n) => n.id)?.id?.value ?? '';
  const areas = ['communication and interaction', 'cognition and learning', 'social\\, emotional and mental health', 'sensory and/or physical'];
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const n = esc(name);
  const shapes = {
    needs: { label: 'New need', id: nextId(parsed.plan, 'N'), lines: ['section: ${1|B,C,D|}', `area: \${2|${areas.join(',')}|}`, `text: \${3:What ${n} finds hard}`] },
    outcomes: { label: 'New outcome', id: nextId(parsed.plan, 'O'), lines: [`needs: [\${1:${esc(firstNeed)}}]`, `text: By \${2:July 2027}, ${n} will \${3:…}`] },
    provision: {
      label: 'New provision item',
      id: nextId(parsed.plan, 'P'),
      lines: ['section: ${1|F,G,H1,H2|}', `needs: [\${2:${esc(firstNeed)}}]`, 'text: ${3:What is provided}, delivered by ${4:role and training}, ${5:__} minutes, ${6:__} times a week'],
    },
    advice: { label: 'New advice entry', id: '${1:salt}', lines: ['professional: ${2:Speech and Language Therapist}', 'author: ${3:Name}', 'date: ${4:YYYY-MM-DD}', 'file: ${5:advice/report.docx}'] },
  } as const;
  const shape = shapes[list];
  const text = [`id: ${shape.id}`, ...shape.lines.map((l) => `${c}${l}`)].join(eol) + '$0';
  return {
    label: shape.label,
    kind: 'snippet',
    detail: list === 'advice' ? 'Section K' : `id ${shape.id}`,
    documentation: `Inserts a ${shape.label.replace(/^New /, '')} with its fields.`,
    insertText: text,
    isSnippet: true,
    range: ctx.range,
    sortText: '0000',
    preselect: true,
  };
}

// ---------------------------------------------------------------- references in lists

type RefKind = 'need' | 'outcome' | 'evidence';

function referenceKind(listPath: PathSegment[]): RefKind | undefined {
  if (listPath.length !== 3 || typeof listPath[1] !== 'number') return undefined;
  const [list, , key] = listPath;
  if (key === 'evidence' && (list === 'needs' || list === 'outcomes' || list === 'provision')) return 'evidence';
  if (key === 'needs' && (list === 'outcomes' || list === 'provision')) return 'need';
  if (key === 'outcomes' && list === 'provision') return 'outcome';
  return undefined;
}

function listValueCompletions(parsed: ParsedPlan, ctx: CursorContext, listPath: PathSegment[], options: CompletionOptions, wrap?: { space: boolean }): CompletionItem[] {
  const kind = referenceKind(listPath);
  if (!kind) return [];
  const { plan } = parsed;
  const listed = new Set(ctx.listed);
  const host = itemAt(parsed, listPath);
  // After a comma with no space, keep the list readable: `[N1, N2]`.
  const line = parsed.index.lineText(ctx.range.start.line);
  const before = line[ctx.range.start.character - 1];
  const lead = ctx.kind === 'flow-item' && ctx.token === '' && before === ',' ? ' ' : '';
  const insert = (id: string) => (wrap ? `${wrap.space ? ' ' : ''}[${id}]` : `${lead}${id}`);
  void options;
  const thread = buildThread(plan);

  if (kind === 'evidence') {
    const out: CompletionItem[] = [];
    plan.advice.forEach((a, i) => {
      if (!a.id) return;
      out.push({
        label: `${a.id.value}#`,
        kind: 'reference',
        detail: a.professional?.value,
        documentation: adviceDoc(a),
        insertText: insert(`${a.id.value}#`),
        range: ctx.range,
        sortText: `0${pad(i)}`,
        retrigger: !wrap,
      });
    });
    // Paragraphs already cited elsewhere in the plan.
    const used = new Map<string, string[]>();
    for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision]) {
      for (const e of item.evidence) {
        if (!e.value.includes('#') || e.value.endsWith('#') || listed.has(e.value) || contains(e.range, ctx.range.start)) continue;
        used.set(e.value, [...(used.get(e.value) ?? []), item.id?.value ?? '?']);
      }
    }
    [...used.entries()].forEach(([ref, where], i) => {
      out.push({ label: ref, kind: 'reference', detail: `cited by ${[...new Set(where)].join(', ')}`, insertText: insert(ref), range: ctx.range, sortText: `1${pad(i)}` });
    });
    return out;
  }

  const items = kind === 'need' ? plan.needs : plan.outcomes;
  const hostNeeds = new Set(host && host.kind !== 'advice' && host.kind !== 'need' ? host.needs.map((n) => n.value) : []);
  const out: CompletionItem[] = [];
  items.forEach((item, i) => {
    const id = item.id?.value;
    if (!id || listed.has(id)) return;
    let rank = 1;
    let description: string | undefined;
    if (item.kind === 'need') {
      const unmet = host?.kind === 'outcome' ? thread.outcomesOf(id).length === 0 : thread.provisionOf(id).length === 0;
      if (unmet) {
        rank = 0;
        description = host?.kind === 'outcome' ? 'no outcome yet' : 'no provision yet';
      }
    } else if (item.kind === 'outcome' && item.needs.some((n) => hostNeeds.has(n.value))) {
      rank = 0;
      description = `for ${item.needs.map((n) => n.value).join(', ')}`;
    }
    out.push({
      label: id,
      kind: 'id',
      detail: excerpt(item.text?.value, 80) || undefined,
      description,
      documentation: itemDoc(item),
      insertText: insert(id),
      range: ctx.range,
      sortText: `${rank}${pad(i)}`,
    });
  });
  return out;
}

/** The model item a list path is inside: ['provision', 2, 'needs'] → the provision item at index 2. */
function itemAt(parsed: ParsedPlan, path: PathSegment[]): PlanItem | undefined {
  const [list, i] = path;
  if (typeof i !== 'number') return undefined;
  const items: PlanItem[] = list === 'needs' ? parsed.plan.needs : list === 'outcomes' ? parsed.plan.outcomes : list === 'provision' ? parsed.plan.provision : list === 'advice' ? parsed.plan.advice : [];
  return items.find((item) => item.index === i);
}

/** Markdown describing an item: its id, section and text. */
export function itemDoc(item: PlanItem): string {
  if (item.kind === 'advice') return adviceDoc(item);
  const head = [`**${item.id?.value ?? 'No id'}**`];
  if (item.kind === 'need') {
    if (item.section) head.push(`Section ${item.section.value}${SECTION_MEANINGS[item.section.value] ? ` (${SECTION_MEANINGS[item.section.value]})` : ''}`);
    if (item.area) head.push(item.area.value);
  } else if (item.kind === 'outcome') {
    head.push('Outcome (Section E)');
    if (item.needs.length > 0) head.push(`for ${item.needs.map((n) => n.value).join(', ')}`);
  } else {
    if (item.section) head.push(`Section ${item.section.value} provision`);
    if (item.needs.length > 0) head.push(`meets ${item.needs.map((n) => n.value).join(', ')}`);
  }
  const text = item.text?.value.trim();
  return `${head.join(' · ')}${text ? `\n\n${quote(text)}` : ''}`;
}

function adviceDoc(a: Extract<PlanItem, { kind: 'advice' }>): string {
  const lines = [`**${a.id?.value ?? 'Advice'}** · ${a.professional?.value ?? 'advice'} (Section K)`];
  const facts = [a.author && `by ${a.author.value}`, a.date && `dated ${a.date.value}`, a.file && `file \`${a.file.value}\``].filter(Boolean);
  if (facts.length > 0) lines.push(facts.join(', '));
  return lines.join('\n\n');
}

/** Markdown block quote of prose (escaped so that plan text cannot inject markup or links). */
export function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${escapeMarkdown(l)}`)
    .join('\n');
}

/** Escapes the characters that would make plan text into markup, links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&');
}

// ---------------------------------------------------------------- values

function valueCompletions(parsed: ParsedPlan, ctx: CursorContext, options: CompletionOptions): CompletionItem[] {
  const field = describeSchema(schemaAt(planSchema, ctx.path));
  const space = ctx.needsSpace ? ' ' : '';
  if (field.type === 'array') {
    if (!ctx.emptyValue) return [];
    return listValueCompletions(parsed, { ...ctx, listed: [] }, ctx.path, options, { space: ctx.needsSpace });
  }
  if (field.type === 'enum' || field.type === 'literal' || field.type === 'union') {
    const key = ctx.path[ctx.path.length - 1];
    return field.options.map((value, i) => {
      const meaning = key === 'section' ? SECTION_MEANINGS[value] : VALUE_MEANINGS[value];
      return {
        label: value,
        kind: 'value' as const,
        detail: key === 'section' && meaning ? `Section ${value}: ${meaning}` : meaning,
        documentation: field.description,
        insertText: `${space}${value}`,
        range: ctx.range,
        sortText: pad(i),
        preselect: i === 0 && ctx.token === '',
      };
    });
  }
  if (field.type === 'string') return proseCompletions(parsed, ctx, options);
  return [];
}

/** Inside prose: quantified wording and role names for provision; a time-framed opening for outcomes. */
function proseCompletions(parsed: ParsedPlan, ctx: CursorContext, options: CompletionOptions): CompletionItem[] {
  const [list, , key] = ctx.path;
  if (ctx.path.length !== 3 || key !== 'text') return [];
  // Typing a space in prose should not pop a list up; a word being typed or an explicit request does.
  const word = ctx.kind === 'value' && !ctx.emptyValue && ctx.word ? ctx.word : { range: ctx.range, prefix: ctx.prefix };
  if (options.triggerCharacter && word.prefix === '') return [];
  const range = word.range;
  const space = ctx.kind === 'value' && ctx.needsSpace ? ' ' : '';
  if (list === 'outcomes') {
    if (ctx.kind !== 'value' || !ctx.emptyValue) return [];
    const name = (parsed.plan.child.known_as?.value ?? 'the child').replace(/[$}\\]/g, '\\$&');
    return [
      {
        label: `By July 2027, ${name} will …`,
        kind: 'snippet',
        detail: 'A SMART outcome with a time frame',
        documentation: 'An outcome says the difference the provision will make to the child, and by when (Code of Practice 9.66).',
        insertText: `${space}By \${1:July 2027}, ${name} will \${2:…}`,
        isSnippet: true,
        range,
      },
    ];
  }
  if (list !== 'provision') return [];
  const items: CompletionItem[] = QUANTITY_TEMPLATES.map((t, i) => ({
    label: t.label,
    kind: 'snippet',
    detail: 'Quantified wording',
    documentation: t.documentation,
    insertText: `${space}${t.snippet}`,
    isSnippet: true,
    range,
    sortText: `0${pad(i)}`,
  }));
  roles.forEach((role, i) => {
    items.push({
      label: role.name,
      kind: 'role',
      detail: [role.abbreviations.length > 0 ? role.abbreviations.slice(0, 2).join(', ') : undefined, role.sector].filter(Boolean).join(' · '),
      documentation: role.sector === 'education' ? undefined : `A ${role.sector} role: if what they do educates or trains, it is still special educational provision in Section F (Children and Families Act 2014 s.21(5)).`,
      insertText: `${space}${role.name}`,
      filterText: [role.name, ...role.abbreviations].join(' '),
      range,
      sortText: `1${pad(i)}`,
    });
  });
  return items;
}
