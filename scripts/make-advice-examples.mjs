// Writes the Word advice reports of the example caseload (examples/caseload/advice/*.docx) with
// the `docx` library, and converts the ones marked `pdf` to PDF with LibreOffice. The outputs are
// committed, so tests need neither. Run: `node scripts/make-advice-examples.mjs` (needs soffice
// for the PDFs; `--no-pdf` skips them). Every child and professional here is fictional.
//
// The reports exercise what the advice reader must get right: Word's automatic numbering that
// continues past an interrupting heading and restarts in a new list, prefixed (`R%1`) and nested
// (`%1.%2`) numbering, numbering that comes from a heading style, a table of recommendations with
// numbered cells, unlabelled bullets under a recommendations heading, and headers and footers
// (with page numbers) that are not content.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const OUT = new URL('../examples/caseload/advice/', import.meta.url).pathname;

// ------------------------------------------------------------------ building blocks

const numbering = {
  config: [
    // Section headings take their number from the heading style; numbered paragraphs are level 1 of the same list.
    {
      reference: 'sections',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 0, hanging: 0 } } } },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 720 } } } },
      ],
    },
    { reference: 'recs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'R%1', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 720 } } } }] },
    { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
    { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
  ],
};

const styles = {
  default: { document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } } },
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 32 }, paragraph: { spacing: { after: 240 } } },
    {
      id: 'Heading1',
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { bold: true, size: 28 },
      paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 }, numbering: { reference: 'sections', level: 0 } },
    },
    { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 24 }, paragraph: { outlineLevel: 1, spacing: { before: 200, after: 100 } } },
    // An unnumbered top-level heading (for a report's front matter).
    { id: 'PlainHeading', name: 'Plain Heading', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 28 }, paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 } } },
  ],
};

const title = (text) => new Paragraph({ style: 'Title', text });
const plain = (text) => new Paragraph({ text, spacing: { after: 120 } });
const section = (text, pageBreakBefore = false) => new Paragraph({ style: 'Heading1', text, pageBreakBefore });
const subheading = (text) => new Paragraph({ style: 'Heading2', text });
const numbered = (text) => new Paragraph({ text, numbering: { reference: 'sections', level: 1 }, spacing: { after: 120 } });
const rec = (text) => new Paragraph({ text, numbering: { reference: 'recs', level: 0 }, spacing: { after: 120 } });
const step = (text, instance) => new Paragraph({ text, numbering: { reference: 'steps', level: 0, instance }, spacing: { after: 80 } });
const bullet = (text) => new Paragraph({ text, numbering: { reference: 'bullets', level: 0 }, spacing: { after: 80 } });
const cell = (children, width) => new TableCell({ children: Array.isArray(children) ? children : [new Paragraph(children)], width: { size: width, type: WidthType.PERCENTAGE } });

function table(headers, rows, widths) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], widths[i])) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i])) })),
    ],
  });
}

function report({ service, footer, children }) {
  return new Document({
    creator: 'EHCP Plan Writer examples',
    title: service,
    numbering,
    styles,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: `${service} · Confidential`, size: 18 })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${footer} · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })] })],
          }),
        },
        children,
      },
    ],
  });
}

// ------------------------------------------------------------------ the reports

/** Educational psychology: numbered sections from the heading style, nested paragraphs, R%1 continuing past a heading. */
const priyaEp = report({
  service: 'Northshire Educational Psychology Service',
  footer: 'EP advice for Priya Sharma',
  children: [
    title('Educational Psychology Advice'),
    plain('Child: Priya Sharma, born 30 January 2018'),
    plain('Setting: Hillside Primary School (Year 3)'),
    plain('Educational Psychologist: Dr Samuel Adeyemi, HCPC-registered Educational Psychologist, Northshire Educational Psychology Service'),
    plain('Date: 2 April 2026'),
    section('Reason for involvement'),
    numbered("Northshire County Council asked for psychological advice as part of an EHC needs assessment requested by Priya's parents in January 2026."),
    numbered('I met Priya in school on 24 March 2026, observed her in a literacy lesson and a maths lesson, and spoke with her parents, her class teacher Mrs Lowe and the SENCo Mr Grant.'),
    section('What Priya told me'),
    numbered('Priya said she likes art, swimming and playing with her cousins. She said that reading "is hard when the words are long" and that she likes maths "when we use the cubes".'),
    numbered('Priya said she worries when the teacher asks her a question in front of everyone. She would like a friend to sit with her.'),
    section('Cognition and learning'),
    numbered("On the British Ability Scales (BAS3), Priya's non-verbal reasoning is in the average range. Her verbal scores are well below average, which matches the speech and language therapy findings."),
    numbered("Priya's working memory for spoken information is a relative weakness: she held 3 digits forwards and 2 backwards."),
    numbered('Priya decodes words at a level close to her age (she reads phonically regular words accurately), but her reading comprehension is about two years behind. She can read a paragraph aloud yet answers few questions about it.'),
    numbered('In maths, Priya can add and subtract within 100 with apparatus. Word problems are much harder for her because of the language they use.'),
    section('Social, emotional and mental health'),
    numbered('Priya is well liked and kind to other children. She becomes quiet and withdrawn when she does not understand, and her parents report tearfulness before school on Mondays.'),
    numbered('Priya\'s self-esteem as a learner is low: she described herself as "not clever".'),
    section('Recommendations'),
    plain('The provision below is what I advise Priya needs. It should be written into Section F of her plan.'),
    subheading('Teaching'),
    rec('Teaching of reading comprehension through Reciprocal Reading in a group of no more than three pupils, three times a week for 30 minutes, by a Teaching Assistant trained in the approach.'),
    rec('1:1 maths teaching using concrete apparatus (for example Numicon), with the language of word problems taught explicitly, twice a week for 20 minutes.'),
    subheading('Emotional wellbeing'),
    rec("Weekly emotional literacy sessions of 30 minutes with a trained Emotional Literacy Support Assistant (ELSA) to build Priya's confidence and help her name her feelings and ask for help."),
    subheading('In every lesson'),
    rec('Memory aids in every lesson: instructions written or drawn, word mats and a task checklist.'),
  ],
});

/** Occupational therapy: a table of recommendations with typed labels, and unlabelled bullets under a recommendations heading. */
const kaiOt = report({
  service: "Northshire Children's Occupational Therapy Service",
  footer: 'OT advice for Kai Robinson',
  children: [
    title('Occupational Therapy Advice for an EHC Needs Assessment'),
    plain('Name: Kai Robinson. Date of birth: 11 October 2018.'),
    plain('Occupational Therapist: Priyanka Desai, HCPC-registered Occupational Therapist'),
    plain('Date: 28 May 2026'),
    section('Findings'),
    numbered("Kai's fine motor skills (Movement ABC-3) are at the 5th centile. His pencil grip is tight and immature, and he cannot yet form several letters correctly."),
    numbered("Kai's hands ache after about 5 minutes of writing. He presses so hard that he tears the paper."),
    numbered('Gross motor skills and balance are within the average range.'),
    section('Recommendations'),
    plain('I recommend the following provision.'),
    table(
      ['No.', 'Recommendation', 'Who', 'How often and how long'],
      [
        ['OT1', 'A fine motor and handwriting programme devised by an Occupational Therapist and delivered 1:1 by a Teaching Assistant.', 'Teaching Assistant, trained by the Occupational Therapist', '15 minutes three times a week'],
        ['OT2', 'Review of the handwriting programme with school staff.', 'Occupational Therapist', '1 hour each half term'],
        ['OT3', 'A sloping board and a pencil grip, and the option to type longer pieces of work.', 'Class teacher', 'In every lesson that involves writing'],
      ],
      [10, 45, 25, 20],
    ),
    subheading('Strategies for the classroom'),
    bullet('Short movement breaks between writing tasks.'),
    bullet('Worksheets enlarged to A3 so that Kai can write in larger spaces.'),
  ],
});

/** Teacher of the Deaf: R%1 throughout; numbered strategies in two lists that each start at 1; page breaks for the PDF. */
const kwameQtod = report({
  service: 'Northshire Sensory Support Service',
  footer: 'QToD advice for Kwame Asante',
  children: [
    title('Advice from the Sensory Support Service (Hearing)'),
    plain('Pupil: Kwame Asante, born 2 June 2015'),
    plain("School: St Luke's C of E Primary School (Year 6); transferring to Castlebrook School (with resourced provision for deaf students), September 2026"),
    plain('Author: Joanne Whitaker, Qualified Teacher of the Deaf (QToD), Northshire Sensory Support Service'),
    plain('Date: 12 March 2026'),
    section('Hearing'),
    numbered('Kwame has a bilateral moderate-to-severe sensorineural hearing loss, identified through newborn screening. He wears two behind-the-ear hearing aids and uses a radio aid in school.'),
    numbered('In a quiet room and close to the speaker Kwame follows conversation well. In noise (a busy classroom, the dining hall, PE) his understanding of speech drops sharply. He relies on lip-reading and misses what is said behind him or by other pupils in discussion.'),
    numbered('Kwame sometimes does not tell adults when his hearing aid or radio aid is not working, because he does not want to draw attention to himself.'),
    section('Language and learning'),
    numbered("Kwame's vocabulary is below that of his hearing peers (BPVS standard score 78). He has particular difficulty with subject-specific words, idioms and words with more than one meaning."),
    numbered('Kwame decodes well but his reading comprehension and spelling are around two years behind his age.'),
    section('Social and emotional', true),
    numbered('Kwame is cheerful and well liked in a small group, but at lunchtime and in large groups he often drifts to the edge because he cannot follow the conversation.'),
    numbered('He reports being "really tired" by the end of the day (listening fatigue), and his mother says he is often exhausted and irritable at home.'),
    numbered('Kwame is worried about starting secondary school: about getting lost, about other students noticing his hearing aids, and about teachers who "talk to the board".'),
    section('Recommendations'),
    rec('Direct teaching from a QToD, 1:1, three times a week for 45 minutes, including pre-teaching of subject vocabulary and listening and self-advocacy skills.'),
    rec('Daily checks of the hearing aids and radio aid by a trained Teaching Assistant, before the first lesson.'),
    rec('A trained Teaching Assistant with deaf awareness and note-taking skills in lessons with the most spoken information (English, science, humanities), about 12 hours a week.'),
    rec("Deaf awareness training for Kwame's subject teachers from the QToD each term."),
    rec('Half-termly sessions with a Deaf Role Model from the Sensory Support Service.'),
    rec('1:1 reading comprehension and spelling teaching, twice a week.'),
    section('Classroom strategies', true),
    subheading('In class'),
    step('Seat Kwame near the front, away from noise, with a clear view of the teacher and the board.', 1),
    step('Face the class when talking, and repeat other pupils\u2019 answers.', 1),
    step('Write key words and homework on the board.', 1),
    subheading('In PE and on the playground'),
    step('Agree visual signals for start, stop and change.', 2),
    step('Give instructions before the activity starts, not while it is going on.', 2),
  ],
});

/** Speech and language therapy: sections by area, and a table of recommendations whose first column is numbered R%1 by Word. */
const tomaszSalt = report({
  service: "Northshire Community Children's Therapy Service",
  footer: 'SALT advice for Tomasz Kowalczyk',
  children: [
    title('Speech and Language Therapy Advice'),
    plain('Child: Tomasz Kowalczyk (date of birth 8 November 2022)'),
    plain('Setting: Little Acorns Day Nursery, 15 hours a week'),
    plain("Therapist: Hannah O'Connor, HCPC-registered Speech and Language Therapist, Northshire Community Children's Therapy Service"),
    plain('Date: 11 March 2026'),
    section('Background'),
    numbered('Tomasz received a diagnosis of autism from the Northshire Child Development Centre in January 2026.'),
    numbered('Tomasz is growing up with Polish and English. His difficulties are seen in both languages, so they are not explained by learning two languages.'),
    section('Findings'),
    numbered("Attention and listening: Tomasz's attention is single-channelled and led by his own interests. He attends to an adult-led activity for 1 to 2 minutes when it is highly motivating."),
    numbered('Understanding: Tomasz understands familiar single words within routines, supported by gesture and objects.'),
    numbered('Expression: Tomasz uses about 10 single words and some echoed phrases. He requests by leading an adult by the hand. He does not yet use words to comment or to greet.'),
    numbered('Social interaction: Tomasz enjoys physical play with familiar adults (tickles, swinging) and makes good eye contact in these games. He moves away when other children come close.'),
    section('Recommendations'),
    table(
      ['No.', 'Recommendation'],
      [
        [[rec('')], 'Direct speech and language therapy from a Speech and Language Therapist at nursery, 30 minutes once a week, using Intensive Interaction and play-based approaches, with the nursery practitioner present.'],
        [[rec('')], 'An Attention Autism ("bucket time") programme devised by the Speech and Language Therapist and run daily for about 15 minutes by Tomasz\'s key worker, 1:1 at first and then with one or two other children.'],
        [[rec('')], 'Makaton key word signing used by the adults around Tomasz. His key worker should be trained to Makaton Level 1.'],
        [[rec('')], 'Objects of reference and a simple now-and-next board to help Tomasz understand what is happening next.'],
      ],
      [12, 88],
    ),
  ],
});

const reports = [
  { name: 'priya-ep-2026-04', doc: priyaEp },
  { name: 'kai-ot-2026-05', doc: kaiOt },
  { name: 'kwame-qtod-2026-03', doc: kwameQtod, pdf: true },
  { name: 'tomasz-salt-2026-03', doc: tomaszSalt },
];

const wantPdf = !process.argv.includes('--no-pdf');
const profile = mkdtempSync(join(tmpdir(), 'ehcp-lo-'));
try {
  for (const r of reports) {
    const file = join(OUT, `${r.name}.docx`);
    writeFileSync(file, await Packer.toBuffer(r.doc));
    console.log(`wrote ${file}`);
    if (r.pdf && wantPdf) {
      const dir = mkdtempSync(join(tmpdir(), 'ehcp-pdf-'));
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
      renameSync(join(dir, `${r.name}.pdf`), join(OUT, `${r.name}.pdf`));
      rmSync(dir, { recursive: true, force: true });
      console.log(`wrote ${join(OUT, `${r.name}.pdf`)}`);
    }
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
