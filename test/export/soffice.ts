/** LibreOffice (soffice) and poppler for the export tests and scripts: a fresh profile per run, so parallel runs never collide. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
export const hasPoppler = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;

/** The filter for a tagged PDF (a structure tree with H1, H2, Table, TH …). */
export const TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';

/** Converts files with LibreOffice into `outDir`; throws with its output when it fails. */
export function convert(files: readonly string[], to: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'ehcp-lo-profile-'));
  try {
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (result.status !== 0) throw new Error(`soffice failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}
