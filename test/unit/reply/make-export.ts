/**
 * Test helper: a Word draft of a plan laid out as the export's contract says (docs/export.md):
 * each need, outcome and provision item one paragraph inside its bookmark `ehcp_<section>_<id>`,
 * its id in bold first, the plan path and hash in the custom properties, track changes on.
 */
import { Bookmark, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { createHash } from 'node:crypto';
import { parsePlan } from '../../../server/src/core/parse';

export async function makeExport(planText: string, planPath: string): Promise<Uint8Array> {
  const { plan } = parsePlan(planText);
  const item = (section: string, id: string, text: string) => {
    const paragraphs = text.split(/\n\s*\n/);
    const runs: TextRun[] = [];
    paragraphs.forEach((p, pi) => p.split('\n').forEach((line, li) => runs.push(new TextRun({ text: line, break: pi > 0 && li === 0 ? 2 : li > 0 ? 1 : undefined }))));
    return new Paragraph({ children: [new Bookmark({ id: `ehcp_${section}_${id}`, children: [new TextRun({ text: `${id}: `, bold: true }), ...runs] })] });
  };
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Section B: Special educational needs')] })];
  for (const n of plan.needs) children.push(item(n.section?.value ?? 'B', n.id!.value, n.text!.value));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Section E: Outcomes')] }));
  for (const o of plan.outcomes) children.push(item('E', o.id!.value, o.text!.value));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Section F: Special educational provision')] }));
  for (const p of plan.provision) children.push(item(p.section?.value ?? 'F', p.id!.value, p.text!.value.replace(/\n$/, '')));
  children.push(new Paragraph({ children: [new TextRun('End of the plan.')] }));
  const doc = new Document({
    title: 'Education, Health and Care plan',
    features: { trackRevisions: true },
    customProperties: [
      { name: 'ehcp_plan_path', value: planPath },
      { name: 'ehcp_plan_hash', value: `sha256:${createHash('sha256').update(planText, 'utf8').digest('hex')}` },
      { name: 'ehcp_known_as', value: plan.child.known_as?.value ?? '' },
      { name: 'ehcp_exporter_version', value: '1' },
    ],
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
