// The advice reader's figures, printed by `npm run bench` (asserts nothing):
// - reading time per report, by file type (.docx, .pdf, .md, .txt): the example caseload's reports
//   and a large generated Word report (2,000 numbered paragraphs), median of several reads;
// - zip-bomb refusal time: a bomb that declares its 200 MB and one that lies (64 MB of text
//   declared as 2 KB, refused by counting what comes out);
// - keystroke latency in the language server on a plan whose four reports are all .docx: a
//   didChange in a provision's text to its publishDiagnostics, and the advice-backed completion
//   request at the cursor, p50 / p95 / max of 40 keystrokes.
// Expects dist/ built (`npm run bench` builds first).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { loadTs } from './lib/load-ts.mjs';
import { strToU8, zipSync } from 'fflate';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples', 'caseload', 'advice');
const server = join(root, 'dist', 'server.js');
const work = mkdtempSync(join(tmpdir(), 'ehcp-bench-advice-'));

try {
  // ------------------------------------------------------------ the reader, in-process
  const { readAdvice, formatOf } = await loadTs('bench-advice-reader', ["export { readAdvice, formatOf } from './server/src/advice/read';"]);

  const time = async (fn, runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };

  console.log('Advice reports: reading time per report (median of 7 reads, after one warm-up)');
  const byType = new Map();
  const files = readdirSync(examples).sort();
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(examples, f)));
    const format = formatOf(f);
    await readAdvice(bytes, format);
    const ms = await time(() => readAdvice(bytes, format), 7);
    const list = byType.get(format) ?? [];
    list.push({ f, ms, kb: bytes.length / 1024 });
    byType.set(format, list);
  }
  const big = largeDocx(2000);
  await readAdvice(big, 'docx');
  const bigMs = await time(() => readAdvice(big, 'docx'), 5);
  for (const [format, list] of [...byType.entries()].sort()) {
    const ms = list.map((x) => x.ms);
    console.log(`  .${format.padEnd(5)} ${String(list.length).padStart(2)} reports  median ${fmt(median(ms))} ms  max ${fmt(Math.max(...ms))} ms  (${list.map((x) => `${x.f.replace(extname(x.f), '')} ${fmt(x.ms)}`).join(', ')})`);
  }
  console.log(`  .docx  large report (2,000 numbered paragraphs, ${Math.round(big.length / 1024)} KB): ${fmt(bigMs)} ms`);

  // ------------------------------------------------------------ zip bombs
  const honest = zipWithSizes(new Uint8Array(deflateRawSync(new Uint8Array(200 * 1024 * 1024), { level: 9 })), 200 * 1024 * 1024);
  const lying = zipWithSizes(new Uint8Array(deflateRawSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 })), 2048);
  const refuse = async (bytes) => {
    try {
      await readAdvice(bytes, 'docx');
      return 'read (not refused!)';
    } catch (error) {
      return error.reason;
    }
  };
  const honestMs = await time(() => refuse(honest), 5);
  const lyingMs = await time(() => refuse(lying), 5);
  console.log('Zip bombs (median of 5):');
  console.log(`  declares 200 MB (${Math.round(honest.length / 1024)} KB file): refused (${await refuse(honest)}) in ${fmt(honestMs)} ms`);
  console.log(`  declares 2 KB, inflates to 64 MB (${Math.round(lying.length / 1024)} KB file): refused (${await refuse(lying)}) in ${fmt(lyingMs)} ms`);

  // ------------------------------------------------------------ keystrokes with .docx advice
  const caseload = join(work, 'caseload');
  mkdirSync(join(caseload, 'advice'), { recursive: true });
  const docx = files.filter((f) => f.endsWith('.docx'));
  for (const f of docx) copyFileSync(join(examples, f), join(caseload, 'advice', f));
  const ids = docx.map((_, i) => `r${i + 1}`);
  const plan = keystrokePlan(docx, ids);
  const uri = pathToFileURL(join(caseload, 'keystrokes.ehcp.yaml')).toString();
  writeFileSync(join(caseload, 'keystrokes.ehcp.yaml'), plan);
  const lsp = await startServer(caseload);
  try {
    lsp.open(uri, plan);
    await lsp.waitFor((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'advice-recommendation-unused'));
    const lines = plan.split('\n');
    // Keystrokes go into a need's text; completions are asked for at the end of a provision's text.
    const line = lines.findIndex((l) => l.startsWith('    text: Oliwia finds'));
    const at = lines.findIndex((l) => l.startsWith('      A programme'));
    let text = plan;
    const diag = [];
    const comp = [];
    for (let i = 0; i < 40; i++) {
      const typed = 'abcdefghij'[i % 10];
      const current = text.split('\n');
      current[line] += typed;
      text = current.join('\n');
      const version = i + 2;
      const t = performance.now();
      const published = lsp.waitFor((p) => p.uri === uri && p.version === version);
      lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      await published;
      diag.push(performance.now() - t);
      const c = performance.now();
      const list = await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: at, character: current[at].length } });
      comp.push(performance.now() - c);
      if (i === 0 && !list.items.some((x) => /^r\d#/.test(x.label))) console.log('  (warning: no advice completions were offered)');
      await new Promise((r) => setTimeout(r, 80)); // a pause, so each keystroke is checked on its own
    }
    console.log(`Keystrokes on a plan whose ${docx.length} reports are all .docx (40 keystrokes, after a pause each):`);
    console.log(`  didChange → diagnostics: p50 ${fmt(pct(diag, 50))} ms  p95 ${fmt(pct(diag, 95))} ms  max ${fmt(Math.max(...diag))} ms`);
    console.log(`  completion with advice:  p50 ${fmt(pct(comp, 50))} ms  p95 ${fmt(pct(comp, 95))} ms  max ${fmt(Math.max(...comp))} ms`);
  } finally {
    await lsp.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function fmt(ms) {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
function median(xs) {
  return pct(xs, 50);
}
function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** A Word report with `n` automatically numbered paragraphs in sections of 20, written directly as XML. */
function largeDocx(n) {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  let body = '';
  for (let i = 0; i < n; i++) {
    if (i % 20 === 0) body += `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Section about the child's needs ${i / 20 + 1}</w:t></w:r></w:p>`;
    body += `<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>The child finds it hard to follow spoken instructions of more than two steps, and needs direct therapy from a Speech and Language Therapist, 45 minutes once a week (${i}).</w:t></w:r></w:p>`;
  }
  const lvl = (i, t) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${t}"/></w:lvl>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="1">${lvl(0, '%1.')}${lvl(1, '%1.%2')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}/>`),
  });
}

/** A zip holding word/document.xml as these deflated bytes, declaring `declared` bytes inflated. */
function zipWithSizes(deflated, declared) {
  const name = strToU8('word/document.xml');
  const local = Buffer.alloc(30 + name.length);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  local.set(name, 30);
  const central = Buffer.alloc(46 + name.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.set(name, 46);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length + deflated.length, 16);
  return new Uint8Array(Buffer.concat([local, Buffer.from(deflated), central, end]));
}

function keystrokePlan(docx, ids) {
  const advice = docx.map((f, i) => `  - id: ${ids[i]}\n    professional: Speech and Language Therapist\n    file: advice/${f}`).join('\n');
  return `ehcp: 1
child: { name: Oliwia Nowak, known_as: Oliwia, pronouns: she/her, date_of_birth: 2017-05-02 }
plan: { local_authority: Northshire County Council, caseworker: J. Fields, status: draft }
advice:
${advice}
needs:
  - id: N1
    section: B
    area: communication and interaction
    text: Oliwia finds it hard to follow spoken instructions of more than two steps.
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Oliwia will follow three-step instructions without an adult repeating them.
provision:
  - id: P1
    section: F
    needs: [N1]
    outcomes: [O1]
    text: >-
      A programme 
`;
}

async function startServer(workspace) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.on('error', () => undefined);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (p) => listeners.forEach((l) => l(p)));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'caseload' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } } },
  });
  connection.sendNotification('initialized', {});
  return {
    connection,
    open(u, text) {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'ehcp', version: 1, text } });
    },
    waitFor(predicate) {
      return new Promise((r) => {
        const l = (p) => {
          if (predicate(p)) {
            listeners.delete(l);
            r(p);
          }
        };
        listeners.add(l);
      });
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      const exited = new Promise((r) => {
        child.once('exit', r);
        setTimeout(r, 2000);
      });
      connection.sendNotification('exit');
      await exited;
      connection.dispose();
      child.kill();
    },
  };
}
