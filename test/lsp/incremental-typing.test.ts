/**
 * Typing into a long plan over stdio: the real server's diagnostics while an item is broken and
 * after it is mended, and while an id is renamed. The server reads these keystrokes chunk by chunk
 * (server/src/core/incremental.ts); what it publishes must be what a fresh open of the same text gives.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticPlan } from '../../scripts/bench-plan.mjs';
import { startServer, type Diagnostic, type Lsp } from './harness';

const plan = realisticPlan(3000);
const summary = (diags: Diagnostic[]) => diags.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe('typing into a 3,000-line plan over stdio', () => {
  let lsp: Lsp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehcp-lsp-typing-'));
    lsp = await startServer();
  });
  afterAll(() => lsp.stop());

  /** The diagnostics a fresh server document gets for `text` (opened under a new name). */
  const fresh = async (name: string, text: string) => lsp.diagnostics(lsp.open(join(dir, name), text), 1, 60_000);

  it('an unclosed quote is one error on its item while it is open, and mending it restores the diagnostics', { timeout: 180_000 }, async () => {
    const uri = lsp.open(join(dir, 'quote.ehcp.yaml'), plan);
    const original = await lsp.diagnostics(uri, 1, 60_000);
    expect(original.length).toBeGreaterThan(50);
    const at = plan.indexOf('    text: By ', plan.indexOf('  - id: O60\n')) + '    text: '.length;
    const line = plan.slice(0, at).split('\n').length - 1;
    const broken = `${plan.slice(0, at)}"${plan.slice(at)}`;
    const during = await lsp.diagnostics(uri, lsp.change(uri, broken), 60_000);
    const syntax = during.filter((d) => d.code === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    for (const d of syntax) expect(d.range.start.line).toBeGreaterThanOrEqual(line);
    // The rest of the plan is still read: no new "no provision meets" or unknown references.
    const links = (diags: Diagnostic[]) => summary(diags.filter((d) => ['need-without-provision', 'unknown-reference', 'outcome-without-provision'].includes(String(d.code))));
    expect(links(during)).toEqual(links(original));
    expect(summary(during)).toEqual(summary(await fresh('quote-fresh.ehcp.yaml', broken)));
    const mended = await lsp.diagnostics(uri, lsp.change(uri, plan), 60_000);
    expect(summary(mended)).toEqual(summary(original));
  });

  it('renaming an id breaks its links while it is typed and mends them when it is typed back', { timeout: 180_000 }, async () => {
    const uri = lsp.open(join(dir, 'rename.ehcp.yaml'), plan);
    const original = await lsp.diagnostics(uri, 1, 60_000);
    const renamed = plan.replace('  - id: N42\n', '  - id: N42x\n');
    const during = await lsp.diagnostics(uri, lsp.change(uri, renamed), 60_000);
    const missing = during.filter((d) => d.code === 'unknown-reference' && d.message.includes('"N42"'));
    expect(missing.length).toBeGreaterThanOrEqual(2); // outcome O42 and provision P42 name N42
    expect(summary(during)).toEqual(summary(await fresh('rename-fresh.ehcp.yaml', renamed)));
    const back = await lsp.diagnostics(uri, lsp.change(uri, plan), 60_000);
    expect(summary(back)).toEqual(summary(original));
  });
});
