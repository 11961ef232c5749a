/** Password protection: opens with the password and not without, checked with the library and independently with msoffcrypto-tool. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from '../../server/src/export/accessibility';
import { decryptDocx, encryptDocxSync, isEncryptedDocx, passwordProblem } from '../../server/src/export/encrypt';
import { Encrypter, encryptWorkerScript } from '../../server/src/export/encrypt-pool';
import { ensureBuilt, root } from '../cli/helpers';
import { exampleFiles, exportExample } from './helpers';

/** Debian's python3-msoffcrypto-tool (scripts/test-deps.mjs installs it for CI). */
const msoffcrypto = ['/usr/bin/msoffcrypto-tool'].find(existsSync);
/** LibreOffice's Python bridge (Debian's python3-uno), to open the encrypted file in LibreOffice itself. */
const hasUno = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
const PASSWORD = 'Blue-Kettle-42 £ é';
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('password protection', () => {
  let docx: Uint8Array;
  let encrypted: Uint8Array;
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    docx = await exportExample(exampleFiles()[0]!);
    encrypted = encryptDocxSync(docx, PASSWORD);
    dir = mkdtempSync(join(tmpdir(), 'ehcp-encrypt-'));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is no longer a zip, and decrypts to the same document with the password', async () => {
    expect(isEncryptedDocx(encrypted)).toBe(true);
    expect(isEncryptedDocx(docx)).toBe(false);
    expect(Buffer.from(encrypted).includes(Buffer.from('word/document.xml'))).toBe(false);
    expect(same(await decryptDocx(encrypted, PASSWORD), docx)).toBe(true);
  });

  it('does not open with a wrong password', async () => {
    await expect(decryptDocx(encrypted, 'blue-kettle-42 £ é')).rejects.toThrow();
    await expect(decryptDocx(encrypted, '')).rejects.toThrow();
  });

  it.skipIf(!msoffcrypto && !process.env.CI)('opens with msoffcrypto-tool, independently, with the password and not without', () => {
    const tool = msoffcrypto ?? 'msoffcrypto-tool';
    const file = join(dir, 'enc.docx');
    writeFileSync(file, encrypted);
    expect(spawnSync(tool, ['--test', file]).status).toBe(0); // "is encrypted"
    const out = join(dir, 'dec.docx');
    const ok = spawnSync(tool, ['-p', PASSWORD, file, out], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(checkAccessibility(readFileSync(out))).toEqual([]);
    const bad = spawnSync(tool, ['-p', 'wrong password', file, join(dir, 'bad.docx')], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/InvalidKeyError|could not be decrypted/);
  });

  it.skipIf(!hasUno && !process.env.CI)('opens in LibreOffice with the password, and not with a wrong one or none', { timeout: 240_000 }, () => {
    const file = join(dir, 'lo.docx');
    writeFileSync(file, encrypted);
    const r = spawnSync('/usr/bin/python3', [join(__dirname, 'scripts', 'lo-open.py'), file, join(dir, 'lo-profile'), PASSWORD, 'wrong password', ''], { encoding: 'utf8', timeout: 200_000 });
    const lines = r.stdout.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(3);
    expect(lines[0]).toMatch(/^OPENED Education, Health and Care plan for /);
    expect(lines[1]).toMatch(/^NOT OPENED/);
    expect(lines[2]).toMatch(/^NOT OPENED/);
  });

  it('runs on a worker thread, one document after another', { timeout: 180_000 }, async () => {
    const script = encryptWorkerScript(join(root, 'dist'));
    expect(script).toBeDefined();
    const encrypter = new Encrypter(script!);
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const [a, b] = await Promise.all([encrypter.encrypt(docx, PASSWORD), encrypter.encrypt(docx, 'other')]);
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(0); // the main thread kept running while it encrypted
      expect(same(await decryptDocx(a, PASSWORD), docx)).toBe(true);
      expect(same(await decryptDocx(b, 'other'), docx)).toBe(true);
      await expect(encrypter.encrypt(docx, '')).rejects.toThrow('the password is empty');
    } finally {
      await encrypter.close();
    }
  });

  it('accepts only passwords Word can open', () => {
    expect(passwordProblem('')).toBe('the password is empty');
    expect(passwordProblem('x'.repeat(256))).toMatch(/longer than 255/);
    expect(passwordProblem('tab\there')).toMatch(/control characters/);
    expect(passwordProblem('ordinary words 123')).toBeUndefined();
  });
});
