/** Test helper: the real Word export of a plan (server/src/export), as a family would receive it. */
import { exportToDocx, preparePlan } from '../../../server/src/export/docx';

export async function makeExport(planText: string, planPath: string, options: { trackChanges?: boolean } = {}): Promise<Uint8Array> {
  const prepared = preparePlan(planText, planPath);
  if (!prepared.ok) throw new Error(`test plan cannot be exported: ${prepared.reason}`);
  const bytes = await exportToDocx(prepared.source, { now: new Date('2026-11-20T10:00:00Z'), productVersion: 'test', ...options });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
