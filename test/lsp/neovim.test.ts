/**
 * The README's Neovim configuration (docs/editors/neovim.lua), run in a real headless Neovim
 * against the built server: the diagnostics a plan's comments expect reach Neovim with rule codes.
 * Needs Neovim 0.7+ (`apt-get install neovim`; .ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFindings } from '../util/expectations';
import { SERVER } from './harness';

const hasNeovim = spawnSync('nvim', ['--version']).status === 0;

describe.skipIf(!hasNeovim)('Neovim with the README configuration', () => {
  it('shows the diagnostics the plan expects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehcp-nvim-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(SERVER, join(bin, 'ehcp-language-server'));
    const plan = join(dir, 'kai-robinson.ehcp.yaml');
    cpSync(join(__dirname, '../../examples/caseload/kai-robinson.ehcp.yaml'), plan);
    // Its advice reports too: their findings arrive once they are read, so wait for all of them.
    cpSync(join(__dirname, '../../examples/caseload/advice'), join(dir, 'advice'), { recursive: true });
    const expected = expectedFindings(readFileSync(plan, 'utf8'));
    const report = join(dir, 'report.txt');
    writeFileSync(
      join(dir, 'check.lua'),
      `local deadline = vim.loop.now() + 20000
local function poll()
  local diags = vim.diagnostic.get(0)
  if #diags >= ${expected.length} or vim.loop.now() > deadline then
    local lines = {}
    for _, d in ipairs(diags) do lines[#lines + 1] = (d.lnum + 1) .. ':' .. tostring(d.code) end
    local f = io.open(${JSON.stringify(report)}, 'w'); f:write(table.concat(lines, '\\n')); f:close()
    vim.cmd('qa!')
  else
    vim.defer_fn(poll, 100)
  end
end
poll()
`,
    );
    execFileSync('nvim', ['--headless', '-u', join(__dirname, '../../docs/editors/neovim.lua'), '-c', `luafile ${join(dir, 'check.lua')}`, plan], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
      timeout: 40_000,
      stdio: 'ignore',
    });
    const got = readFileSync(report, 'utf8').split('\n').filter(Boolean).sort();
    expect(got).toEqual(expected);
  });
});
