/**
 * Word numbering cases for the advice reader: each a hand-made .docx and the numbers a reader
 * sees, in order. The LibreOffice oracle test checks the expectations themselves against
 * LibreOffice's rendering, so they are not just what the reader happens to do.
 */
import { abstractNum, headingStyle, lvl, makeDocx, num, p, startOverride, table } from './docx';

export interface NumberingCase {
  name: string;
  bytes: Uint8Array;
  /** Every automatic number, in document order, as rendered. */
  numbers: string[];
}

const rList = abstractNum(1, lvl(0, 'decimal', 'R%1'));

export const numberingCases: NumberingCase[] = [
  {
    name: 'lists that continue and restart',
    // numIds 1 and 2 share abstract list 1, so they count together; numId 3 restarts it (startOverride).
    bytes: makeDocx({
      numbering: rList + num(1, 1) + num(2, 1) + num(3, 1, startOverride(0, 1)),
      body: [
        p('Direct therapy from a Speech and Language Therapist, 45 minutes weekly.', { numId: 1, ilvl: 0 }),
        p('A language programme delivered by a trained Teaching Assistant.', { numId: 1, ilvl: 0 }),
        p('This paragraph interrupts the list.'),
        p('Visual timetable in class.', { numId: 1, ilvl: 0 }),
        p('Pre-teaching of topic vocabulary twice a week.', { numId: 2, ilvl: 0 }),
        p('A restarted list begins again here.', { numId: 3, ilvl: 0 }),
        p('Its second item.', { numId: 3, ilvl: 0 }),
        p('Back to the first numId, which shares the counter.', { numId: 1, ilvl: 0 }),
      ].join(''),
    }),
    numbers: ['R1', 'R2', 'R3', 'R4', 'R1', 'R2', 'R3'],
  },
  {
    name: 'nested numbering and number formats',
    bytes: makeDocx({
      numbering:
        abstractNum(2, lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2') + lvl(2, 'lowerLetter', '(%3)')) +
        abstractNum(3, lvl(0, 'upperRoman', '%1.') + lvl(1, 'upperLetter', '%2)')) +
        num(5, 2) +
        num(6, 3),
      body: [
        p('Background', { numId: 5, ilvl: 0 }),
        p('Referred by the school in 2025.', { numId: 5, ilvl: 1 }),
        p('Seen in class twice.', { numId: 5, ilvl: 1 }),
        p('In literacy lessons.', { numId: 5, ilvl: 2 }),
        p('In maths lessons.', { numId: 5, ilvl: 2 }),
        p('Spoken with her parents.', { numId: 5, ilvl: 1 }),
        p('Findings', { numId: 5, ilvl: 0 }),
        p('Working memory is weak.', { numId: 5, ilvl: 1 }),
        p('For spoken information.', { numId: 5, ilvl: 2 }),
        p('Part one', { numId: 6, ilvl: 0 }),
        p('First lettered item.', { numId: 6, ilvl: 1 }),
        p('Second lettered item.', { numId: 6, ilvl: 1 }),
        p('Part two', { numId: 6, ilvl: 0 }),
        p('Lettering starts again.', { numId: 6, ilvl: 1 }),
      ].join(''),
    }),
    numbers: ['1.', '1.1', '1.2', '(a)', '(b)', '1.3', '2.', '2.1', '(a)', 'I.', 'A)', 'B)', 'II.', 'A)'],
  },
  {
    name: 'numbering from heading styles',
    // Heading 1's style carries the list (numId 7); numbered paragraphs are level 1 of the same list.
    // A heading that sets numId 0 is not numbered and does not count.
    bytes: makeDocx({
      styles: headingStyle('Heading1', 'heading 1', 0, '<w:numPr><w:numId w:val="7"/></w:numPr>') + headingStyle('Heading2', 'heading 2', 1),
      numbering: abstractNum(4, lvl(0, 'decimal', '%1', '<w:pStyle w:val="Heading1"/>') + lvl(1, 'decimal', '%1.%2')) + num(7, 4),
      body: [
        p('Background', { style: 'Heading1' }),
        p('Diagnosed with autism in 2025.', { numId: 7, ilvl: 1 }),
        p('Lives with his parents and sister.', { numId: 7, ilvl: 1 }),
        p('Communication and interaction', { style: 'Heading1' }),
        p('Understanding', { style: 'Heading2' }),
        p('He follows two-step instructions in familiar routines.', { numId: 7, ilvl: 1 }),
        p('Not numbered', { style: 'Heading1', numId: 0 }),
        p('Still counts on from 2.1.', { numId: 7, ilvl: 1 }),
        p('Recommendations', { style: 'Heading1' }),
        p('Direct therapy, 30 minutes weekly.', { numId: 7, ilvl: 1 }),
      ].join(''),
    }),
    numbers: ['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1'],
  },
  {
    // Word would show R3 (lvlRestart 0: never restart) and 1.1 (isLgl); LibreOffice 7.4, the
    // reference, ignores both, and so does the reader.
    name: 'lvlRestart, start values and legal numbering',
    bytes: makeDocx({
      numbering:
        abstractNum(5, lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', 'R%2', '<w:lvlRestart w:val="0"/>')) +
        abstractNum(6, '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>') +
        abstractNum(7, lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')) +
        num(8, 5) +
        num(9, 6) +
        num(10, 7),
      body: [
        p('At school', { numId: 8, ilvl: 0 }),
        p('Small-group phonics teaching daily.', { numId: 8, ilvl: 1 }),
        p('A reading buddy twice a week.', { numId: 8, ilvl: 1 }),
        p('At home', { numId: 8, ilvl: 0 }),
        p('Shared reading each evening (numbering does not restart).', { numId: 8, ilvl: 1 }),
        p('Starts at five.', { numId: 9, ilvl: 0 }),
        p('Then six.', { numId: 9, ilvl: 0 }),
        p('Roman part', { numId: 10, ilvl: 0 }),
        p('Legal numbering shows the part in digits.', { numId: 10, ilvl: 1 }),
      ].join(''),
    }),
    numbers: ['1.', 'R1', 'R2', '2.', 'R1', '5)', '6)', 'I.', 'I.1'],
  },
  {
    name: 'a table of recommendations, with a header and a footer',
    bytes: makeDocx({
      numbering: rList + num(1, 1),
      header: p('CONFIDENTIAL: Northshire Therapy Service'),
      footer: p('Page 1 of 1'),
      body: [
        p('Recommendations', {}),
        table([
          ['No.', 'Recommendation', 'Who'],
          [p('', { numId: 1, ilvl: 0 }), 'Direct therapy, 45 minutes once a week.', 'Speech and Language Therapist'],
          [p('', { numId: 1, ilvl: 0 }), 'A programme delivered three times a week, 20 minutes.', 'Teaching Assistant'],
        ]),
        p('After the table.'),
      ].join(''),
    }),
    numbers: ['R1', 'R2'],
  },
];
