/**
 * The plan source format, version 1. This zod schema is the single source of truth:
 * schemas/ehcp.schema.json is generated from it (scripts/gen-schema.ts) and a test keeps them in sync.
 */
import { z } from 'zod';

/** A date, YYYY-MM-DD (the YAML 1.2 core schema keeps it a string). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write dates as YYYY-MM-DD, for example 2026-03-02.')
  .describe('A date written YYYY-MM-DD.');

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Ids are short: letters, digits, dots, dashes or underscores, for example N1 or salt.')
  .describe('A short id, unique within the plan, used in references (for example N1, O2, P3, salt).');

const reference = z.string().min(1).describe('The id of an item elsewhere in this plan.');

const evidence = z
  .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(#.+)?$/, 'Evidence is written <advice id>#<paragraph>, for example salt#3.2.'))
  .describe('Where the advice says this: <advice id>#<paragraph or recommendation label>, for example salt#3.2.');

const prose = z.string().min(1).describe('Prose, written as it will appear in the plan.');

export const needSections = ['B', 'C', 'D'] as const;
export const provisionSections = ['F', 'G', 'H1', 'H2'] as const;
export const areasOfNeed = [
  'communication and interaction',
  'cognition and learning',
  'social, emotional and mental health',
  'sensory and/or physical',
] as const;
export const planStatuses = ['draft', 'final', 'amended', 'ceased'] as const;
export const pronounSets = ['she/her', 'he/him', 'they/them'] as const;
export const placementTypes = [
  'early years setting',
  'mainstream',
  'resourced provision',
  'special',
  'independent special',
  'further education',
  'specialist post-16',
  'education otherwise than at school',
  'other',
] as const;

export const childSchema = z
  .strictObject({
    name: z.string().min(1).describe('The child or young person’s legal name.'),
    known_as: z.string().min(1).describe('The name used throughout the plan and the Word draft.'),
    pronouns: z.enum(pronounSets).describe('she/her, he/him or they/them.'),
    date_of_birth: isoDate,
  })
  .describe('The child or young person the plan is for.');

export const datesSchema = z
  .strictObject({
    request_received: isoDate.optional().describe('The date the request for an EHC needs assessment was received (week 0).'),
    assessment_agreed: isoDate.optional().describe('The date the local authority agreed to assess (due within 6 weeks of the request).'),
    draft_issued: isoDate.optional().describe('The date the draft plan was sent to the family.'),
    final_issued: isoDate.optional().describe('The date the final plan was issued (due within 20 weeks of the request).'),
    last_annual_review: isoDate.optional().describe('The date of the most recent annual review meeting.'),
    next_annual_review: isoDate.optional().describe('The date the next annual review is due (within 12 months of the plan or the last review).'),
  })
  .describe('Key dates, any subset; used for statutory deadlines.');

export const planMetaSchema = z
  .strictObject({
    local_authority: z.string().min(1).describe('The local authority that maintains the plan.'),
    caseworker: z.string().min(1).describe('The caseworker responsible.'),
    caseworker_contact: z
      .string()
      .min(1)
      .optional()
      .describe('How the family can reach the caseworker, as it should appear on the front page: a phone number, an email address or both.'),
    status: z.enum(planStatuses).describe('draft, final, amended or ceased.'),
    dates: datesSchema.optional(),
  })
  .describe('About the plan itself.');

export const viewsSchema = z
  .strictObject({
    child: prose.optional().describe('The child or young person’s own views, interests and what matters to them.'),
    parents: prose.optional().describe('The views of the parents or carers.'),
    aspirations: prose.optional().describe('Aspirations for the future, including preparation for adulthood from Year 9.'),
    history: prose.optional().describe('A short history, in the family’s words where they wish.'),
  })
  .describe('Section A: views, interests and aspirations.');

export const adviceSchema = z
  .strictObject({
    id,
    professional: z.string().min(1).describe('The professional role, for example Speech and Language Therapist.'),
    author: z.string().min(1).optional().describe('Who wrote the advice.'),
    date: isoDate.optional().describe('The date of the advice.'),
    file: z
      .string()
      .regex(/\.(docx|pdf|md|txt)$/i, 'Advice files are .docx, .pdf, .md or .txt.')
      .optional()
      .describe('The advice report, relative to the plan file: .docx, .pdf, .md or .txt.'),
  })
  .describe('Section K: one piece of advice or information gathered in the assessment.');

export const needSchema = z
  .strictObject({
    id,
    section: z.enum(needSections).describe('B (special educational needs), C (health) or D (social care).'),
    area: z.enum(areasOfNeed).optional().describe('For section B, one of the four broad areas of need.'),
    text: prose.describe('What the child finds hard, written about the child.'),
    evidence: evidence.optional(),
  })
  .superRefine((need, ctx) => {
    if (need.section === 'B' && need.area === undefined) {
      ctx.addIssue({ code: 'custom', path: ['area'], message: 'A Section B need names its broad area of need.' });
    }
  })
  .describe('A need in Section B, C or D.');

export const outcomeSchema = z
  .strictObject({
    id,
    needs: z.array(reference).describe('The ids of the needs this outcome addresses.'),
    text: prose.describe('The difference the provision should make, with a time frame: "By July 2027, Amara will …".'),
    evidence: evidence.optional(),
  })
  .describe('Section E: an outcome.');

export const provisionSchema = z
  .strictObject({
    id,
    section: z.enum(provisionSections).describe('F (special educational), G (health), H1 (social care under s.2 CSDPA 1970) or H2 (other social care).'),
    needs: z.array(reference).describe('The ids of the needs this provision meets.'),
    outcomes: z.array(reference).optional().describe('The ids of the outcomes this provision works towards.'),
    text: prose.describe('What is provided, who delivers it, how often and for how long.'),
    evidence: evidence.optional(),
  })
  .describe('Sections F, G, H1 or H2: one provision item.');

export const placementSchema = z
  .strictObject({
    name: z.string().min(1).describe('The named school or setting, or "to be named" in a draft.'),
    type: z.enum(placementTypes).describe('The type of school or setting.'),
  })
  .describe('Section I: the placement.');

export const personalBudgetSchema = z
  .union([
    z.literal('none'),
    z.strictObject({
      amount: z.string().min(1).describe('The amount, for example "£1,200 a year".'),
      covers: prose.describe('What the budget pays for and how it is paid (direct payment or arrangement).'),
    }),
  ])
  .describe('Section J: "none", or the amount and what it covers.');

export const glossarySchema = z
  .record(z.string().min(1).max(80), prose.describe('What the term means, in one or two plain-English sentences.'))
  .describe('Terms this plan uses, explained in plain English for the family: term → meaning, for example "Lexia: a computer reading programme".');

export const planSchema = z
  .strictObject({
    ehcp: z.literal(1).describe('The format version. Always 1.'),
    child: childSchema,
    plan: planMetaSchema,
    views: viewsSchema.optional(),
    advice: z.array(adviceSchema).optional().describe('Section K: the advice and information gathered.'),
    needs: z.array(needSchema).describe('Sections B, C and D.'),
    outcomes: z.array(outcomeSchema).describe('Section E.'),
    provision: z.array(provisionSchema).describe('Sections F, G, H1 and H2.'),
    placement: placementSchema.optional(),
    personal_budget: personalBudgetSchema.optional(),
    names: z
      .array(z.string().min(1))
      .optional()
      .describe('Other people this plan names (family, friends, staff), so the name checks know them: for example [Simran, Arjun, Mrs Okafor].'),
    glossary: glossarySchema.optional(),
  })
  .describe('An Education, Health and Care plan, format version 1.');

export type Plan = z.infer<typeof planSchema>;
