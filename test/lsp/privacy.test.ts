/**
 * The language server's log (window/logMessage, shown in the editor's output channel) and its
 * stderr never carry plan text, whatever the plan does to the libraries underneath.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PLANS, SECRET } from '../util/hostile-plans';
import { startServer, type Lsp } from './harness';

let lsp: Lsp;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ehcp-lsp-privacy-'));
  // Hostile plans on disk too, so the caseload scan reads them.
  for (const [name, text] of Object.entries(HOSTILE_PLANS)) writeFileSync(join(dir, `disk-${name}.ehcp.yaml`), text);
  lsp = await startServer({ workspace: dir });
});
afterAll(() => lsp?.stop());

describe('no plan text in the server log', () => {
  it('opening, editing and asking about hostile plans logs nothing that quotes them', async () => {
    for (const [name, text] of Object.entries(HOSTILE_PLANS)) {
      const uri = lsp.open(join(dir, `${name}.ehcp.yaml`), text);
      const diagnostics = await lsp.diagnostics(uri);
      expect(diagnostics.length, name).toBeGreaterThan(0);
      // Half-typed edits through the middle of the file, then requests at the edit point.
      const cut = Math.floor(text.length / 2);
      const version = lsp.change(uri, text.slice(0, cut) + '\n  - [' + text.slice(cut));
      await lsp.diagnostics(uri, version);
      const position = { line: 12, character: 4 };
      await Promise.allSettled([
        lsp.request('textDocument/hover', { textDocument: { uri }, position }),
        lsp.request('textDocument/completion', { textDocument: { uri }, position }),
        lsp.request('textDocument/documentSymbol', { textDocument: { uri } }),
        lsp.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } }),
      ]);
    }
    // The server must still answer after all of that.
    const ok = lsp.open(join(dir, 'after.ehcp.yaml'), 'ehcp: 1\n');
    expect((await lsp.diagnostics(ok)).length).toBeGreaterThan(0);
    const log = lsp.logs.join('\n');
    expect(log).not.toContain(SECRET);
    expect(log).not.toMatch(/stringified/);
  });
});
