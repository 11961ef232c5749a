// `npm run bench` (reply part): how fast is reading the family's returned Word draft? Prints
// figures, asserts nothing. Over a sample of the generated caseload (bench/generated, made by
// bench-export.mjs or here): each plan exported, a comment and two tracked changes added to its
// XML, then, in one process after a warm-up, milliseconds per document to read the reply
// (unzip + XML + tying to items), to compare it with the plan, and to build the editor's notes.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASELOAD, generatedCaseload } from './lib/caseload.mjs';
import { loadTs } from './lib/load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLANS = 450;
const SAMPLE = 100;

const files = generatedCaseload(PLANS).slice(0, SAMPLE);
const lib = await load();

const replies = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const prepared = lib.preparePlan(text, path.relative(CASELOAD, file));
  if (!prepared.ok) continue;
  const bytes = await lib.exportToDocx(prepared.source, { productVersion: 'bench' });
  const first = prepared.source.plan.provision[0];
  if (!first) continue;
  const bookmark = lib.bookmarkName(first.section, first.id);
  const words = first.text.split(' ').slice(2, 4).join(' ');
  const last = first.text.split(' ').slice(-2).join(' ');
  let edited;
  try {
    edited = new lib.DocxEditor(new Uint8Array(bytes))
      .comment(bookmark, words, 'We would like this to say more.', { author: 'A parent' })
      .replace(bookmark, last, 'something else.', { author: 'A parent' })
      .bytes();
  } catch {
    continue; // words with XML escapes: skip this plan
  }
  replies.push({ bytes: edited, parsed: lib.parsePlan(text), size: edited.length });
}
if (replies.length === 0) fail('no reply could be made');

const time = (fn) => {
  const start = process.hrtime.bigint();
  for (const r of replies) fn(r);
  return Number(process.hrtime.bigint() - start) / 1e6 / replies.length;
};
// Warm-up, then measured passes.
for (const r of replies) r.reply = lib.readReply(r.bytes);
const read = time((r) => (r.reply = lib.readReply(r.bytes)));
const review = time((r) => (r.review = lib.reviewReply(r.reply, r.parsed)));
const notes = time((r) => lib.replyFindings(r.review, r.parsed, { planUri: 'file:///plan.ehcp.yaml', document: 'reply.docx', decided: new Map() }));
const entries = replies.reduce((n, r) => n + r.reply.entries.length, 0) / replies.length;
const kb = replies.reduce((n, r) => n + r.size, 0) / replies.length / 1024;

console.log(`Family's reply, ${replies.length} returned exports (${kb.toFixed(0)} KB each, ${entries.toFixed(1)} entries each), load ${loadavg()[0].toFixed(1)}:`);
console.log(`  read (unzip, XML, tie to items): ${read.toFixed(2)} ms per document`);
console.log(`  compare with the plan:           ${review.toFixed(2)} ms per document`);
console.log(`  editor notes and quick fixes:    ${notes.toFixed(2)} ms per document`);

async function load() {
  return loadTs('bench-reply', [
    "export { preparePlan, exportToDocx } from './server/src/export/docx';",
    "export { bookmarkName } from './server/src/export/contract';",
    "export { parsePlan } from './server/src/core/parse';",
    "export { readReply } from './server/src/reply/read';",
    "export { reviewReply } from './server/src/reply/review';",
    "export { replyFindings } from './server/src/reply/notes';",
    "export { DocxEditor } from './test/unit/reply/docx-edit';",
  ]);
}

function fail(message) {
  console.error(`bench-reply: ${message}`);
  process.exit(1);
}
