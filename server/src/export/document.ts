/**
 * A plan → a Word document for the family (docx `Document`), from pure functions: no IO, no clock
 * (the export time comes in with the options). Packing and checking happen at the edge (docx.ts).
 * The bookmark and property contract is in contract.ts and docs/export.md.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { readText } from '../core/check';
import { areasOfNeed, type Plan } from '../core/model';
import type { ProvisionReading } from '../core/quantify-types';
import { bookmarkName, EXPORTER_VERSION, itemLabel, planHash, PROPERTY, sectionBookmarkName, type BookmarkSection } from './contract';
import { addDays, COMMENT_DAYS, formatDate, formatMinutes, joinAnd } from './format';
import { describeWeeklyAmount, weeklyByProvider } from './weekly';

export interface ExportSource {
  /** The plan, validated against the schema. */
  plan: Plan;
  /** The plan's text exactly as read: hashed into `ehcp_plan_hash`. */
  text: string;
  /** The plan's path for `ehcp_plan_path` (relative to the caseload or workspace when known). */
  path: string;
}

export interface GlossaryLine {
  term: string;
  meaning: string;
}

export interface ExportOptions {
  /** 18 pt body text and larger headings. */
  largePrint?: boolean;
  /** Track changes on when the family opens it (default true). */
  trackChanges?: boolean;
  /** Error-severity findings the writer chose to export anyway: said on the first page. */
  unresolvedIssues?: number;
  /** The export time (properties); default now. */
  now?: Date;
  /** The product version, for `ehcp_product_version`. */
  productVersion?: string;
  /** Extra vague phrases from configuration, passed to the quantification reader. */
  extraVaguePhrases?: readonly string[];
  /** The glossary section: terms the plan uses with their plain-English meaning (exportToDocx works it out when not given). */
  glossary?: readonly GlossaryLine[];
}

/** Sizes in half-points. */
interface Sizes {
  body: number;
  title: number;
  h1: number;
  h2: number;
}
export const NORMAL_SIZES: Sizes = { body: 24, title: 44, h1: 32, h2: 28 };
export const LARGE_PRINT_SIZES: Sizes = { body: 36, title: 56, h1: 48, h2: 42 };
/** A clear sans-serif; Word and LibreOffice substitute a metric-compatible font when it is missing. */
export const FONT = 'Arial';
const HEADING_COLOUR = '1F3864'; // 11.9:1 on white
const HEADER_FILL = 'DEE6F2'; // black text on it: 16:1
const BULLETS = 'ehcp-bullets';

const SECTION_TITLES = {
  A: 'Section A: Views, interests and aspirations',
  B: 'Section B: Special educational needs',
  C: 'Section C: Health needs related to special educational needs',
  D: 'Section D: Social care needs related to special educational needs or disability',
  E: 'Section E: Outcomes',
  F: 'Section F: Special educational provision',
  G: 'Section G: Health provision',
  H: 'Section H: Social care provision',
  I: 'Section I: Placement',
  J: 'Section J: Personal budget',
  K: 'Section K: Advice and information gathered',
  weekly: 'Provision each week, by who gives it',
  thread: 'How needs, outcomes and provision link up',
  glossary: 'Words used in this plan',
} as const;
type SectionKey = keyof typeof SECTION_TITLES;

const H_TITLES = {
  H1: 'H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970',
  H2: 'H2: Other social care provision',
} as const;

const STATUS_WORDS: Record<Plan['plan']['status'], string> = {
  draft: 'Draft plan',
  final: 'Final plan',
  amended: 'Amended plan',
  ceased: 'Plan that has ceased',
};

/** The document title (core property and cover). */
export function documentTitle(plan: Plan): string {
  return `Education, Health and Care plan for ${plan.child.known_as}`;
}

/** "DRAFT: for your comments by 23 May 2026" for a draft with an issue date; a plain running title otherwise. */
export function headerText(plan: Plan): string {
  if (plan.plan.status === 'draft') {
    const due = plan.plan.dates?.draft_issued ? addDays(plan.plan.dates.draft_issued, COMMENT_DAYS) : undefined;
    return due ? `DRAFT: for your comments by ${formatDate(due)}` : 'DRAFT: for your comments';
  }
  return documentTitle(plan);
}

/** The whole document for one plan. */
export function buildDocument(source: ExportSource, options: ExportOptions = {}): Document {
  const { plan } = source;
  const sizes = options.largePrint ? LARGE_PRINT_SIZES : NORMAL_SIZES;
  const extra = options.extraVaguePhrases ?? [];
  const readings = new Map<string, ProvisionReading>();
  for (const p of plan.provision) readings.set(p.id, readText(p.text, extra));
  const b = new Builder(plan, sizes, readings, options);

  const children: (Paragraph | Table)[] = [
    ...b.cover(),
    ...b.contents(),
    ...b.sectionA(),
    ...b.needSection('B'),
    ...b.needSection('C'),
    ...b.needSection('D'),
    ...b.sectionE(),
    ...b.provisionSection('F'),
    ...b.provisionSection('G'),
    ...b.sectionH(),
    ...b.sectionI(),
    ...b.sectionJ(),
    ...b.sectionK(),
    ...b.weekly(),
    ...b.thread(),
    ...b.glossary(),
  ];

  const now = options.now ?? new Date();
  const safe = xmlSafe;
  return new Document({
    title: safe(documentTitle(plan)),
    subject: safe(`${STATUS_WORDS[plan.plan.status]}, ${plan.plan.local_authority}`),
    creator: safe(plan.plan.caseworker),
    lastModifiedBy: safe(plan.plan.caseworker),
    description: safe(`Education, Health and Care plan for ${plan.child.known_as}, written by ${plan.plan.local_authority}.`),
    keywords: 'EHC plan; Education, Health and Care plan',
    features: { trackRevisions: options.trackChanges ?? true },
    customProperties: [
      { name: PROPERTY.planPath, value: safe(source.path.replace(/\\/g, '/')) },
      { name: PROPERTY.planHash, value: planHash(source.text) },
      { name: PROPERTY.exporterVersion, value: EXPORTER_VERSION },
      { name: PROPERTY.productVersion, value: options.productVersion ?? 'unknown' },
      { name: PROPERTY.exportDate, value: now.toISOString() },
      { name: PROPERTY.knownAs, value: safe(plan.child.known_as) },
      { name: PROPERTY.unresolvedIssues, value: String((options.unresolvedIssues ?? 0) > 0) },
    ],
    styles: {
      default: {
        document: {
          run: { font: FONT, size: sizes.body, color: '000000', language: { value: 'en-GB', eastAsia: 'en-GB', bidirectional: 'ar-SA' } },
          paragraph: { spacing: { after: 160, line: 288, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: FONT, size: sizes.title, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO } },
        },
        hyperlink: { run: { color: '1F4E9A', underline: {} } },
      },
      // Word's built-in names ("heading 1"), with outline levels: without them LibreOffice, screen
      // readers and PDF bookmarks see plain paragraphs (docx's own Heading 1 has no outline level).
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT, size: sizes.h1, bold: true, color: HEADING_COLOUR },
          paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: 360, after: 160 } },
        },
        {
          id: 'Heading2',
          name: 'heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT, size: sizes.h2, bold: true, color: HEADING_COLOUR },
          paragraph: { outlineLevel: 1, keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1418, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [tr({ text: headerText(plan), bold: plan.plan.status === 'draft' })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [tr({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });
}

/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): dropped, or Word cannot open the file. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A text run with its text made safe for XML. */
function tr(options: string | IRunOptions): TextRun {
  if (typeof options === 'string') return new TextRun(xmlSafe(options));
  return new TextRun(options.text !== undefined ? { ...options, text: xmlSafe(options.text) } : options);
}

/** Splits prose into paragraphs on blank lines; single line breaks (from `|` blocks) stay as line breaks. */
export function proseParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trimEnd()).filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1)))
    .filter((lines) => lines.some((l) => l.trim() !== ''));
}

/** Text runs for lines of one paragraph, with line breaks between them. */
function lineRuns(lines: readonly string[], bold = false): TextRun[] {
  return lines.map((line, i) => tr({ text: line, bold, break: i > 0 ? 1 : undefined }));
}

/** Item text as one paragraph's runs: blank-line paragraphs become double line breaks, so one bookmark encloses one paragraph. */
function itemRuns(text: string): TextRun[] {
  const paragraphs = proseParagraphs(text);
  const runs: TextRun[] = [];
  paragraphs.forEach((lines, p) => {
    lines.forEach((line, i) => runs.push(tr({ text: line, break: p > 0 && i === 0 ? 2 : i > 0 ? 1 : undefined })));
  });
  return runs;
}

class Builder {
  constructor(
    private readonly plan: Plan,
    private readonly sizes: Sizes,
    private readonly readings: Map<string, ProvisionReading>,
    private readonly options: ExportOptions,
  ) {}

  private get name(): string {
    return this.plan.child.known_as;
  }

  private heading1(key: SectionKey): Paragraph {
    return new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new Bookmark({ id: sectionBookmarkName(key), children: [tr(SECTION_TITLES[key])] })],
    });
  }

  private heading2(text: string): Paragraph {
    return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [tr(text)] });
  }

  private para(text: string, opts: { bold?: boolean; keepNext?: boolean } = {}): Paragraph[] {
    return proseParagraphs(text).map((lines) => new Paragraph({ keepNext: opts.keepNext, children: lineRuns(lines, opts.bold) }));
  }

  private bullet(children: ParagraphChild[]): Paragraph {
    return new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children });
  }

  private readonly usedBookmarks = new Set<string>();

  /**
   * One need, outcome or provision item: a single paragraph inside its bookmark, the id in bold first.
   * A second item with an id already used (a duplicate-id error, exported only when forced) gets no bookmark.
   */
  private item(section: BookmarkSection, id: string, text: string): Paragraph {
    const runs = [tr({ text: itemLabel(id), bold: true }), ...itemRuns(text)];
    const name = bookmarkName(section, id);
    if (this.usedBookmarks.has(name)) return new Paragraph({ children: runs });
    this.usedBookmarks.add(name);
    return new Paragraph({ children: [new Bookmark({ id: name, children: runs })] });
  }

  private cell(children: Paragraph[], header = false): TableCell {
    return new TableCell({
      children: children.length > 0 ? children : [new Paragraph('')],
      shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  }

  private textCell(text: string, header = false): TableCell {
    return this.cell([new Paragraph({ children: [tr({ text, bold: header })] })], header);
  }

  /** A table with a repeated header row, rows that do not split across pages, no merged or nested cells. */
  private table(headers: string[], rows: TableCell[][], widths: number[]): Table {
    const total = 9638; // A4 less 2 cm margins, in twips
    const columnWidths = widths.map((w) => Math.round((w / widths.reduce((a, c) => a + c, 0)) * total));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '595959' };
    return new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => this.textCell(h, true)) }),
        ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
      ],
    });
  }

  cover(): (Paragraph | Table)[] {
    const { plan } = this;
    const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [tr(documentTitle(plan))] })];
    const unresolved = this.options.unresolvedIssues ?? 0;
    if (unresolved > 0) {
      out.push(
        new Paragraph({
          border: { top: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
          children: [
            tr({
              text: `This ${plan.plan.status === 'draft' ? 'draft' : 'plan'} has unresolved issues: the plan checker found ${unresolved === 1 ? '1 problem' : `${unresolved} problems`} that had not been put right when it was sent. Please read it with that in mind, and ask ${plan.plan.caseworker} about anything that is unclear.`,
              bold: true,
            }),
          ],
        }),
      );
    }
    const dates = plan.plan.dates ?? {};
    const planDate =
      plan.plan.status === 'draft'
        ? dates.draft_issued && `Draft issued ${formatDate(dates.draft_issued)}`
        : dates.final_issued
          ? `Issued ${formatDate(dates.final_issued)}`
          : dates.draft_issued && `Draft issued ${formatDate(dates.draft_issued)}`;
    const details: [string, string][] = [
      ['Known as', plan.child.known_as],
      ['Full legal name', plan.child.name],
      ['Date of birth', formatDate(plan.child.date_of_birth)],
      ['Local authority', plan.plan.local_authority],
      ['Status of this plan', STATUS_WORDS[plan.plan.status]],
    ];
    if (planDate) details.push(['Date', planDate]);
    if (dates.next_annual_review) details.push(['Next annual review due', formatDate(dates.next_annual_review)]);
    details.push(['Caseworker', plan.plan.caseworker]);
    details.push(['How to reach the caseworker', plan.plan.caseworker_contact ?? `Through ${plan.plan.local_authority}’s SEND team`]);
    out.push(this.table(['About this plan', 'Details'], details.map(([k, v]) => [this.textCell(k), this.textCell(v)]), [2, 3]));

    if (plan.plan.status === 'draft') {
      const due = dates.draft_issued ? addDays(dates.draft_issued, COMMENT_DAYS) : undefined;
      out.push(new Paragraph({ keepNext: true, spacing: { before: 240 }, children: [tr({ text: 'Your comments on this draft', bold: true })] }));
      out.push(
        this.bullet([
          tr(
            due
              ? `Please send your comments by ${formatDate(due)}: you have at least ${COMMENT_DAYS} days from the day the draft was sent.`
              : `You have at least ${COMMENT_DAYS} days from the day the draft was sent to comment on it.`,
          ),
        ]),
        this.bullet([tr('You can type your changes straight into this document. They are marked as tracked changes, so the local authority can see what you changed.')]),
        this.bullet([tr('Each need, outcome and piece of provision has a label, such as N1, O1 or P1. Please keep the labels, so that your comments reach the right part of the plan.')]),
        this.bullet([tr('You can also tell the local authority which school or setting you would like to be named in Section I.')]),
      );
    }
    return out;
  }

  contents(): Paragraph[] {
    const keys: SectionKey[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'weekly', 'thread'];
    if ((this.options.glossary ?? []).length > 0) keys.push('glossary');
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [tr('Contents')] }),
      ...keys.map((k) => this.bullet([new InternalHyperlink({ anchor: sectionBookmarkName(k), children: [tr({ text: SECTION_TITLES[k], style: 'Hyperlink' })] })])),
    ];
  }

  sectionA(): Paragraph[] {
    const views = this.plan.views ?? {};
    const out = [this.heading1('A')];
    const parts: [string, string | undefined][] = [
      [`${this.name}’s views, interests and what matters to them`, views.child],
      ['The views of parents and carers', views.parents],
      ['Hopes for the future', views.aspirations],
      ['History', views.history],
    ];
    let any = false;
    for (const [title, text] of parts) {
      if (!text) continue;
      any = true;
      out.push(this.heading2(title), ...this.para(text));
    }
    if (!any) out.push(...this.para('Not written yet.'));
    return out;
  }

  needSection(section: 'B' | 'C' | 'D'): Paragraph[] {
    const needs = this.plan.needs.filter((n) => n.section === section);
    const out = [this.heading1(section)];
    if (needs.length === 0) {
      out.push(...this.para(section === 'B' ? 'No special educational needs are recorded yet.' : 'None recorded in this plan.'));
      return out;
    }
    if (section !== 'B') {
      for (const n of needs) out.push(this.item(section, n.id, n.text));
      return out;
    }
    const areas: string[] = [...areasOfNeed, ...new Set(needs.map((n) => n.area ?? '').filter((a) => !(areasOfNeed as readonly string[]).includes(a)))];
    for (const area of areas) {
      const inArea = needs.filter((n) => (n.area ?? '') === area);
      if (inArea.length === 0) continue;
      out.push(this.heading2(area === '' ? 'Other needs' : area.charAt(0).toUpperCase() + area.slice(1)));
      for (const n of inArea) out.push(this.item('B', n.id, n.text));
    }
    return out;
  }

  sectionE(): Paragraph[] {
    const out = [this.heading1('E')];
    if (this.plan.outcomes.length === 0) return [...out, ...this.para('No outcomes are recorded yet.')];
    for (const o of this.plan.outcomes) {
      out.push(this.item('E', o.id, o.text));
      if (o.needs.length > 0) out.push(new Paragraph({ indent: { left: 360 }, children: [tr(`For ${o.needs.length === 1 ? 'need' : 'needs'} ${joinAnd(o.needs)}.`)] }));
    }
    return out;
  }

  /** Who, how often, how long: what a reader understands from the writer's words. */
  readingCells(id: string): { who: string; when: string } {
    const r = this.readings.get(id);
    if (!r) return { who: 'Not stated', when: 'Not stated' };
    const who =
      r.providers.length === 0
        ? 'Not stated'
        : r.providers
            .map((p) => {
              const role = p.qualification ? `${p.role} (${p.qualification})` : p.role;
              return p.capacity === 'devises' ? `Planned by: ${role}` : p.capacity === 'oversees' ? `Overseen by: ${role}` : role;
            })
            .join('; ');
    const parts: string[] = [];
    if (r.amount) parts.push(`${r.amount.bound === 'ceiling' ? 'Up to ' : ''}${r.amount.text}`.replace(/^Up to up to/i, 'Up to'));
    else parts.push('How long: not stated');
    if (r.frequency) parts.push(r.frequency.text);
    else parts.push('how often: not stated');
    if (r.group) parts.push(r.group.text);
    if (r.period) parts.push(r.period.text);
    const when = parts.join(', ');
    return { who, when: when.charAt(0).toUpperCase() + when.slice(1) };
  }

  private provisionTable(section: 'F' | 'G' | 'H1' | 'H2'): Table | Paragraph[] {
    const items = this.plan.provision.filter((p) => p.section === section);
    if (items.length === 0) return this.para('None recorded in this plan.');
    const rows = items.map((p) => {
      const { who, when } = this.readingCells(p.id);
      const links = [p.needs.length > 0 ? `${p.needs.length === 1 ? 'Need' : 'Needs'} ${joinAnd(p.needs)}` : '', p.outcomes && p.outcomes.length > 0 ? `${p.outcomes.length === 1 ? 'outcome' : 'outcomes'} ${joinAnd(p.outcomes)}` : '']
        .filter((x) => x)
        .join('; ');
      return [this.cell([this.item(section, p.id, p.text)]), this.textCell(who), this.textCell(when), this.textCell(links || 'Not linked')];
    });
    return this.table(['Provision, in the plan’s words', 'Who gives it', 'How long and how often', 'What it is for'], rows, [8, 4.5, 4.5, 4]);
  }

  provisionSection(section: 'F' | 'G'): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [this.heading1(section)];
    const table = this.provisionTable(section);
    return Array.isArray(table) ? [...out, ...table] : [...out, table];
  }

  sectionH(): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [this.heading1('H')];
    for (const s of ['H1', 'H2'] as const) {
      out.push(this.heading2(H_TITLES[s]));
      const table = this.provisionTable(s);
      if (Array.isArray(table)) out.push(...table);
      else out.push(table);
    }
    return out;
  }

  sectionI(): Paragraph[] {
    const p = this.plan.placement;
    return [this.heading1('I'), ...this.para(p ? `${p.name} (${p.type}).` : 'The school or setting is to be named.')];
  }

  sectionJ(): Paragraph[] {
    const j = this.plan.personal_budget;
    if (!j || j === 'none') return [this.heading1('J'), ...this.para(j === 'none' ? 'There is no personal budget in this plan.' : 'No personal budget is recorded in this plan.')];
    return [this.heading1('J'), ...this.para(`Amount: ${j.amount}`), ...this.para(j.covers)];
  }

  sectionK(): (Paragraph | Table)[] {
    const advice = this.plan.advice ?? [];
    if (advice.length === 0) return [this.heading1('K'), ...this.para('No advice is listed in this plan.')];
    const rows = advice.map((a) => [this.textCell(a.professional), this.textCell(a.author ?? 'Not recorded'), this.textCell(a.date ? formatDate(a.date) : 'Not recorded'), this.textCell(a.id)]);
    return [
      this.heading1('K'),
      ...this.para('The advice and information gathered for the assessment. You can ask the local authority for a copy of any of it.'),
      this.table(['Advice from', 'Written by', 'Date', 'Reference'], rows, [4, 3, 2, 2]),
    ];
  }

  weekly(): (Paragraph | Table)[] {
    const summary = weeklyByProvider(this.plan.provision.map((p) => ({ id: p.id, reading: this.readings.get(p.id)! })));
    const out: (Paragraph | Table)[] = [this.heading1('weekly')];
    if (summary.lines.length === 0) {
      out.push(...this.para('The plan’s wording does not give enough figures to add up the time each week.'));
    } else {
      out.push(...this.para('Added up from the provision in Sections F to H, where the plan says who gives it, how often and for how long.'));
      out.push(
        this.table(
          ['Who gives it', 'Time each week', 'Items'],
          summary.lines.map((l) => [this.textCell(l.provider), this.textCell(describeWeeklyAmount(l, formatMinutes)), this.textCell(joinAnd(l.items))]),
          [4, 4, 2],
        ),
      );
    }
    if (summary.lessOften.length > 0) {
      out.push(...this.para('Less often than every week:'));
      for (const id of summary.lessOften) {
        const { who, when } = this.readingCells(id);
        out.push(this.bullet([tr({ text: `${id}: `, bold: true }), tr(`${who}, ${when.charAt(0).toLowerCase()}${when.slice(1)}.`)]));
      }
    }
    if (summary.notCounted.length > 0) {
      out.push(...this.para(`Not added up, because the plan does not give all the figures or the provision runs throughout the day: ${joinAnd(summary.notCounted)}.`));
    }
    return out;
  }

  thread(): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [this.heading1('thread')];
    if (this.plan.needs.length === 0) return [...out, ...this.para('No needs are recorded yet.')];
    out.push(...this.para('Each need, the outcomes that describe the difference the plan should make, and the provision that meets it.'));
    const outcomesOf = (id: string) => this.plan.outcomes.filter((o) => o.needs.includes(id));
    const provisionOf = (id: string) => this.plan.provision.filter((p) => p.needs.includes(id));
    const rows = this.plan.needs.map((n) => {
      const outcomes = outcomesOf(n.id);
      const provision = provisionOf(n.id);
      const short = (p: Plan['provision'][number]) => {
        const { who, when } = this.readingCells(p.id);
        return new Paragraph({ children: [tr({ text: `${p.id} (Section ${p.section}): `, bold: true }), tr(`${who}. ${when}.`)] });
      };
      return [
        this.cell([new Paragraph({ children: [tr({ text: `${n.id} (Section ${n.section}): `, bold: true }), ...itemRuns(n.text)] })]),
        this.cell(outcomes.length > 0 ? outcomes.map((o) => new Paragraph({ children: [tr({ text: `${o.id}: `, bold: true }), ...itemRuns(o.text)] })) : [new Paragraph('No outcome yet.')]),
        this.cell(provision.length > 0 ? provision.map(short) : [new Paragraph('No provision yet.')]),
      ];
    });
    out.push(this.table(['Need', 'Outcomes', 'Provision that meets it'], rows, [4, 4, 4]));
    return out;
  }

  glossary(): (Paragraph | Table)[] {
    const entries = this.options.glossary ?? [];
    if (entries.length === 0) return [];
    return [
      this.heading1('glossary'),
      ...this.para('What the shortened names and specialist words in this plan mean.'),
      this.table(['Word', 'What it means'], entries.map((e) => [this.textCell(e.term), this.textCell(e.meaning)]), [1, 3]),
    ];
  }
}
